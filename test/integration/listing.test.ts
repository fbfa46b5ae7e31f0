import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { requestBodies, startSellerEmulator, type Emulator } from '../unit/actions/emulatorFixtures';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startSellerEmulator();
});

afterAll(async () => await emulator.stop());

// Order-catalogue listings: merchant-fulfilled, product type HOME, listed in every emulator marketplace.
const SKUS = ['ECHO-DOT-4-BLK', 'USB-C-CABLE-2M', 'LED-DESK-LAMP-W', 'YOGA-MAT-6MM-PRP'];

const update = (parameters: IDataObject = {}): INodeParameters => ({ resource: 'listing', operation: 'update', ...parameters }) as INodeParameters;
const withType = { rowFields: { productType: '={{ $json.productType }}' } };

async function listing(sku: string): Promise<IDataObject> {
	const { items, error } = await emulator.run({ resource: 'listing', operation: 'get', sku });
	expect(error).toBeUndefined();
	return items[0].json;
}
const quantityOf = (item: IDataObject) => ((item.fulfillmentAvailability as IDataObject[])[0].quantity as number);
const priceOf = (item: IDataObject) => Number(((item.offers as IDataObject[])[0].price as IDataObject).amount);

/** Calls that change listings: feed submissions and PATCHes. */
async function writes(): Promise<string[]> {
	const calls = (await emulator.control.calls()) as unknown as { log: Array<{ operation: string }> };
	return calls.log.map((entry) => entry.operation).filter((operation) => operation === 'feeds.createFeed' || operation === 'listingsItems.patchListingsItem');
}

describe('Listing → Get / Get Many', () => {
	it('gets a listing with summaries, offers, fulfilment availability and issues', async () => {
		const item = await listing(SKUS[0]);
		expect(item).toMatchObject({ sku: SKUS[0], summaries: [expect.objectContaining({ productType: 'HOME', marketplaceId: 'ATVPDKIKX0DER' })] });
		expect(item).toHaveProperty('issues');
		expect(priceOf(item)).toBeGreaterThan(0);
	});

	it('pages through searchListingsItems up to the limit, or all', async () => {
		const limited = await emulator.run({ resource: 'listing', operation: 'getAll', limit: 25, includedData: ['summaries'] });
		expect(limited.items).toHaveLength(25);
		const all = await emulator.run({ resource: 'listing', operation: 'getAll', returnAll: true, includedData: ['summaries'] });
		expect(all.items.length).toBeGreaterThan(25);
		expect(new Set(all.items.map((i) => i.json.sku)).size).toBe(all.items.length);
		const some = await emulator.run({ resource: 'listing', operation: 'getAll', returnAll: true, filters: { skus: SKUS.slice(0, 2).join(', ') } });
		expect(some.items.map((i) => i.json.sku).sort()).toEqual(SKUS.slice(0, 2).sort());
	});

	it('names an unknown SKU with Amazon\'s answer on the item', async () => {
		const { error } = await emulator.run({ resource: 'listing', operation: 'get', sku: 'NO-SUCH-SKU' });
		expect(error?.message).toMatch(/not found.*\[item 0\]/);
	});
});

describe('Listing → Compute Inventory and Price (dry run)', () => {
	it('gives one item per SKU with values before and after and the rules that fired, and sends nothing', async () => {
		const before = await emulator.callSummary();
		const { items, error } = await emulator.run(
			{
				resource: 'listing',
				operation: 'compute',
				rules: { thresholdBreakpoint: 5, quantityAtOrBelow: 0, priceChange: 'increase:percentage', priceChangeAmount: 10, rounding: 'end99', handlingTimeDays: 2 },
				rowFields: { fulfillmentChannel: '={{ $json.channel }}' },
			},
			[
				{ sku: '||AMZ-A||AMZ-B||', quantity: '5', price: '20' },
				{ sku: 'FBA-1', quantity: 9, price: 10, channel: 'FBA' },
				{ sku: 'BAD-1', quantity: -2, price: 'ten' },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.sku, i.json.status, i.pairedItem])).toEqual([
			['AMZ-A', 'ready', { item: 0 }],
			['AMZ-B', 'ready', { item: 0 }],
			['FBA-1', 'skipped', { item: 1 }],
			['BAD-1', 'invalid', { item: 2 }],
		]);
		expect(items[0].json).toMatchObject({
			before: { quantity: 5, price: 20 },
			after: { quantity: 0, handlingTimeDays: 2, price: 21.99 },
			rulesApplied: ['thresholdAtOrBelow', 'priceIncrease', 'priceRounding'],
		});
		expect(items[3].json.problems).toEqual([
			{ field: 'Quantity', message: '-2 is negative' },
			{ field: 'Price', message: '"ten" is not a number' },
		]);
		expect((await emulator.callSummary()).total).toBe(before.total);
	});

	it('names a bad rule with the item', async () => {
		const { error } = await emulator.run({ resource: 'listing', operation: 'compute', rules: { handlingTimeDays: 45 } }, [{ sku: 'A', quantity: 1 }]);
		expect(error?.message).toMatch(/^Rules → Handling Time \(Days\): 45 days is more than Amazon's 30 \[item 0\]/);
	});
});

describe('Listing → Update Inventory and Price', () => {
	it('PATCHes each SKU (REFERENCE §9.4 paths) and Amazon applies quantity and price', async () => {
		const { items, error } = await emulator.run(update({ method: 'patch', rules: { handlingTimeDays: 3 }, ...withType }), [
			{ sku: SKUS[0], quantity: 17, price: 44.5, productType: 'HOME' },
			{ sku: SKUS[1], quantity: 0, price: '11.99', productType: 'HOME' },
		]);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.sku, i.json.status, i.json.accepted, i.pairedItem])).toEqual([
			[SKUS[0], 'ACCEPTED', true, { item: 0 }],
			[SKUS[1], 'ACCEPTED', true, { item: 1 }],
		]);
		expect(items[0].json).toMatchObject({ method: 'Listings Items API (PATCH)', submissionId: expect.any(String), errors: [] });
		expect(quantityOf(await listing(SKUS[0]))).toBe(17);
		expect(priceOf(await listing(SKUS[1]))).toBe(11.99);
		const [body] = (await requestBodies(emulator, 'listingsItems.patchListingsItem')) as IDataObject[];
		expect(body).toMatchObject({
			productType: 'HOME',
			patches: [
				{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 17, lead_time_to_ship_max_days: 3 }] },
				{ op: 'replace', path: '/attributes/purchasable_offer', value: [{ marketplace_id: 'ATVPDKIKX0DER', currency: 'USD', our_price: [{ schedule: [{ value_with_tax: 44.5 }] }] }] },
			],
		});
	});

	it('looks the product type up once per SKU when none is given', async () => {
		await emulator.control.reset();
		const { items } = await emulator.run(update({ method: 'patch' }), [
			{ sku: SKUS[2], quantity: 4 },
			{ sku: SKUS[2], quantity: 5 },
		]);
		expect(items.map((i) => [i.json.status, i.json.productType])).toEqual([['ACCEPTED', 'HOME'], ['ACCEPTED', 'HOME']]);
		const calls = (await emulator.control.calls()) as unknown as { counts: Record<string, number> };
		expect(calls.counts['listingsItems.getListingsItem']).toBe(1);
	});

	it('validates without applying in Validation Preview', async () => {
		const before = quantityOf(await listing(SKUS[3]));
		const { items } = await emulator.run(update({ method: 'auto', pushOptions: { validationPreview: true }, ...withType }), [
			{ sku: SKUS[3], quantity: before + 7, productType: 'HOME' },
		]);
		expect(items[0].json).toMatchObject({ status: 'VALID', accepted: true });
		expect(quantityOf(await listing(SKUS[3]))).toBe(before);
	});

	it('shows Amazon\'s INVALID answer per SKU (wrong product type) next to accepted ones', async () => {
		const { items } = await emulator.run(update({ method: 'patch', ...withType }), [
			{ sku: SKUS[0], quantity: 1, productType: 'SHOES' },
			{ sku: SKUS[1], quantity: 2, productType: 'HOME' },
		]);
		expect(items[0].json).toMatchObject({ status: 'INVALID', accepted: false, errors: [expect.objectContaining({ code: '4000003' })] });
		expect(items[1].json.status).toBe('ACCEPTED');
	});

	it('sends a JSON_LISTINGS_FEED and maps the processing report back per SKU and item', async () => {
		await emulator.control.reset();
		const { items, error } = await emulator.run(update({ method: 'feed', rules: { allowSalePrice: true }, rowFields: { productType: '={{ $json.productType }}', salePrice: '={{ $json.sale }}', saleEndDate: '2099-01-01' } }), [
			{ sku: `||${SKUS[0]}||${SKUS[1]}||`, quantity: 8, price: 30, sale: 25, productType: 'HOME' },
			{ sku: 'NOT-LISTED-1', quantity: 3, price: 9, productType: 'HOME' },
			{ sku: SKUS[2], quantity: 2, price: 15, productType: 'HOME', fulfillmentChannel: 'DEFAULT' },
		]);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.sku, i.json.status, i.json.messageId, i.pairedItem])).toEqual([
			[SKUS[0], 'ACCEPTED', 1, { item: 0 }],
			[SKUS[1], 'ACCEPTED', 2, { item: 0 }],
			['NOT-LISTED-1', 'INVALID', 3, { item: 1 }],
			[SKUS[2], 'ACCEPTED', 4, { item: 2 }],
		]);
		expect(items[2].json.errors).toEqual([expect.objectContaining({ code: '4000009', severity: 'ERROR' })]);
		expect(items[0].json).toMatchObject({ method: 'JSON_LISTINGS_FEED', processingStatus: 'DONE', feedId: expect.any(String) });
		expect(quantityOf(await listing(SKUS[1]))).toBe(8);
		expect(await writes()).toEqual(['feeds.createFeed']);
	});

	it('picks PATCH at or below the Auto threshold and the feed above it', async () => {
		const rows = SKUS.slice(0, 3).map((sku, i) => ({ sku, quantity: 10 + i, productType: 'HOME' }));
		await emulator.control.reset();
		const small = await emulator.run(update({ method: 'auto', pushOptions: { autoThreshold: 3 }, ...withType }), rows);
		expect(small.items.map((i) => i.json.method)).toEqual(Array(3).fill('Listings Items API (PATCH)'));
		await emulator.control.reset();
		const large = await emulator.run(update({ method: 'auto', pushOptions: { autoThreshold: 2 }, ...withType }), rows);
		expect(large.items.map((i) => i.json.method)).toEqual(Array(3).fill('JSON_LISTINGS_FEED'));
	});

	it('cuts listings feeds at the chosen chunk size', async () => {
		await emulator.control.reset();
		const rows = SKUS.slice(0, 3).map((sku, i) => ({ sku, quantity: 20 + i, productType: 'HOME' }));
		const { items } = await emulator.run(update({ method: 'feed', pushOptions: { chunkSize: 2 }, ...withType }), rows);
		expect(items.map((i) => [i.json.status, i.json.messageId])).toEqual([['ACCEPTED', 1], ['ACCEPTED', 2], ['ACCEPTED', 1]]);
		expect(new Set(items.map((i) => i.json.feedId)).size).toBe(2);
		expect(await writes()).toEqual(['feeds.createFeed', 'feeds.createFeed']);
	});

	it('reports FBA rows as skipped and sends nothing for them', async () => {
		await emulator.control.reset();
		const { items } = await emulator.run(update({ method: 'patch', rowFields: { productType: 'HOME', fulfillmentChannel: '={{ $json.channel }}' } }), [
			{ sku: SKUS[0], quantity: 3, channel: 'AMAZON_NA' },
		]);
		expect(items[0].json).toMatchObject({ status: 'SKIPPED', accepted: false, reason: expect.stringContaining('fulfilled by Amazon') });
		expect(await writes()).toEqual([]);
	});

	it('stops on bad input with the field and the item, and sends nothing', async () => {
		await emulator.control.reset();
		const rows = [
			{ sku: SKUS[0], quantity: 3, productType: 'HOME' },
			{ sku: SKUS[1], quantity: 2.5, productType: 'HOME' },
		];
		const { error } = await emulator.run(update({ method: 'patch', ...withType }), rows);
		expect(error?.message).toBe('Quantity: 2.5 is not a whole number [item 1]');
		expect(await writes()).toEqual([]);

		const keepGoing = await emulator.run(update({ method: 'patch', ...withType }), rows, true);
		expect(keepGoing.items.map((i) => [i.json.status ?? i.json.error, i.pairedItem])).toEqual([
			['ACCEPTED', { item: 0 }],
			['Quantity: 2.5 is not a whole number [item 1]', { item: 1 }],
		]);
		const bodies = (await requestBodies(emulator, 'listingsItems.patchListingsItem')) as IDataObject[];
		expect(bodies).toHaveLength(1);
	});

	it('refuses Validation Preview with the listings feed before sending', async () => {
		const { error } = await emulator.run(update({ method: 'feed', pushOptions: { validationPreview: true }, ...withType }), [{ sku: SKUS[0], quantity: 1, productType: 'HOME' }]);
		expect(error?.message).toMatch(/^Options → Validation Preview: works only with one request per SKU/);
	});
});
