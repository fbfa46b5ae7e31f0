import Ajv from 'ajv';
import type { IDataObject } from 'n8n-workflow';

import processingReportSchema from '../../emulator/contract/schemas/listings-feed-processing-report-schema-v2.json';
import { finishFeed, startPartB, submitFeed, type PartB } from './conformance-b.helpers';

const US = 'ATVPDKIKX0DER';
const ITEMS = '/listings/2021-08-01/items/A1EMULATORSELLER';

interface Listing {
	sku: string;
	summaries: Array<{ productType: string; asin: string }>;
	fulfillmentAvailability: Array<{ fulfillmentChannelCode: string; quantity?: number }>;
	offers?: Array<{ price: { amount: string; currencyCode: string } }>;
}

const quantityPatch = (quantity: unknown) => ({
	op: 'replace',
	path: '/attributes/fulfillment_availability',
	value: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
});

describe('listings items', () => {
	let emu: PartB;
	let mfn: Listing[];
	const getItem = async (sku: string, includedData = 'summaries,offers,fulfillmentAvailability') =>
		(await emu.api('GET', `${ITEMS}/${sku}?marketplaceIds=${US}&includedData=${includedData}`)).body as unknown as Listing;
	const patch = async (sku: string, body: IDataObject, query = '') => await emu.api('PATCH', `${ITEMS}/${sku}?marketplaceIds=${US}${query}`, body);

	beforeAll(async () => {
		emu = await startPartB();
		const search = await emu.api('GET', `${ITEMS}?marketplaceIds=${US}&includedData=summaries,fulfillmentAvailability&pageSize=20`);
		mfn = (search.body.items as unknown as Listing[]).filter((l) => l.fulfillmentAvailability[0].fulfillmentChannelCode === 'DEFAULT');
	});
	afterAll(async () => await emu.stop());

	it('serves seeded listings and enforces the seller ID', async () => {
		const listing = await getItem(mfn[0].sku, 'summaries,attributes,issues,offers,fulfillmentAvailability,productTypes');
		expect(listing.summaries[0]).toMatchObject({ marketplaceId: US, productType: expect.stringMatching(/LUGGAGE|SHOES|HOME/) });
		expect(listing.offers![0].price.currencyCode).toBe('USD');
		expect((await emu.api('GET', `/listings/2021-08-01/items/AOTHERSELLER/${mfn[0].sku}?marketplaceIds=${US}`)).status).toBe(403);
		expect((await emu.api('GET', `${ITEMS}/NO-SUCH-SKU?marketplaceIds=${US}`)).status).toBe(404);
	});

	it('validates without applying in VALIDATION_PREVIEW and rejects wrong product types and paths', async () => {
		const [listing] = mfn;
		const productType = listing.summaries[0].productType;
		const before = (await getItem(listing.sku)).fulfillmentAvailability[0].quantity;
		const preview = await patch(listing.sku, { productType, patches: [quantityPatch(before! + 5)] }, '&mode=VALIDATION_PREVIEW');
		expect(preview.body).toMatchObject({ status: 'VALID', issues: [] });
		expect((await getItem(listing.sku)).fulfillmentAvailability[0].quantity).toBe(before);

		const wrongType = await patch(listing.sku, { productType: productType === 'SHOES' ? 'LUGGAGE' : 'SHOES', patches: [quantityPatch(1)] });
		expect(wrongType.body.status).toBe('INVALID');
		const badPath = await patch(listing.sku, { productType, patches: [{ op: 'replace', path: '/quantity', value: [{ a: 1 }] }] });
		expect(badPath.body.status).toBe('INVALID');
		const badQuantity = await patch(listing.sku, { productType, patches: [quantityPatch(-3)] });
		expect(badQuantity.body).toMatchObject({ status: 'INVALID', issues: [expect.objectContaining({ attributeNames: ['fulfillment_availability'] })] });
	});

	it('applies accepted quantity and price patches', async () => {
		const [, listing] = mfn;
		const productType = listing.summaries[0].productType;
		const offer = { marketplace_id: US, currency: 'USD', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 23.45 }] }] };
		const accepted = await patch(listing.sku, {
			productType,
			patches: [quantityPatch(42), { op: 'replace', path: '/attributes/purchasable_offer', value: [offer] }],
		});
		expect(accepted.body).toMatchObject({ status: 'ACCEPTED', submissionId: expect.any(String) });
		const after = await getItem(listing.sku);
		expect(after.fulfillmentAvailability[0]).toEqual({ fulfillmentChannelCode: 'DEFAULT', quantity: 42 });
		expect(after.offers![0].price).toEqual({ currencyCode: 'USD', amount: '23.45' });
	});

	it('searches by identifiers and pages with nextToken', async () => {
		const bySku = await emu.api('GET', `${ITEMS}?marketplaceIds=${US}&identifiers=${mfn[0].sku}&identifiersType=SKU`);
		expect(bySku.body).toMatchObject({ numberOfResults: 1, items: [expect.objectContaining({ sku: mfn[0].sku })] });
		const page = await emu.api('GET', `${ITEMS}?marketplaceIds=${US}&pageSize=2`);
		const next = await emu.api('GET', `${ITEMS}?marketplaceIds=${US}&pageSize=2&pageToken=${(page.body.pagination as IDataObject).nextToken}`);
		expect((next.body.items as Listing[])[0].sku).not.toBe((page.body.items as Listing[])[0].sku);
	});
});

describe('JSON_LISTINGS_FEED', () => {
	let emu: PartB;
	let listing: Listing;
	const validateReport = new Ajv({ strict: false, allErrors: true }).compile(processingReportSchema);
	const feed = (messages: IDataObject[]) =>
		JSON.stringify({
			header: { sellerId: 'A1EMULATORSELLER', version: '2.0', issueLocale: 'en_US', report: { includedData: ['fulfillmentAvailability'], apiVersion: '2021-08-01' } },
			messages,
		});

	beforeAll(async () => {
		emu = await startPartB();
		const search = await emu.api('GET', `${ITEMS}?marketplaceIds=${US}&includedData=summaries,fulfillmentAvailability&pageSize=20`);
		listing = (search.body.items as unknown as Listing[]).find((l) => l.fulfillmentAvailability[0].fulfillmentChannelCode === 'DEFAULT')!;
	});
	afterAll(async () => await emu.stop());

	it('applies accepted PATCH messages and reports per-message issues in a schema-valid report', async () => {
		const productType = listing.summaries[0].productType;
		const feedId = await submitFeed(emu, 'JSON_LISTINGS_FEED', 'application/json; charset=UTF-8',
			feed([
				{ messageId: 1, sku: listing.sku, operationType: 'PATCH', productType, patches: [quantityPatch(7)] },
				{ messageId: 2, sku: 'UNKNOWN-SKU', operationType: 'PATCH', productType, patches: [quantityPatch(1)] },
				{ messageId: 3, sku: listing.sku, operationType: 'PATCH', productType: productType === 'HOME' ? 'SHOES' : 'HOME', patches: [quantityPatch(1)] },
				{ messageId: 4, sku: listing.sku, operationType: 'PATCH', productType, patches: [quantityPatch(1.5)] },
				{ messageId: 5, sku: listing.sku, operationType: 'PATCH' },
			]));
		const { feed: status, text } = await finishFeed(emu, feedId);
		expect(status.processingStatus).toBe('DONE');
		const report = JSON.parse(text) as { issues: Array<{ messageId: number }>; summary: IDataObject; items: Listing[] };
		expect(validateReport(report)).toBe(true);
		expect(report.summary).toMatchObject({ messagesProcessed: 5, messagesAccepted: 1, messagesInvalid: 4 });
		expect(report.issues.map((i) => i.messageId).sort()).toEqual([2, 3, 4, 5]);
		expect(report.items[0].fulfillmentAvailability[0].quantity).toBe(7);
		const current = await emu.api('GET', `${ITEMS}/${listing.sku}?marketplaceIds=${US}&includedData=fulfillmentAvailability`);
		expect((current.body as unknown as Listing).fulfillmentAvailability[0].quantity).toBe(7);
	});

	it('reports unparseable or schema-invalid documents as FATAL with a schema-valid report', async () => {
		const broken = await finishFeed(emu, await submitFeed(emu, 'JSON_LISTINGS_FEED', 'application/json', '{"header":'));
		expect(broken.feed.processingStatus).toBe('FATAL');
		expect(validateReport(JSON.parse(broken.text))).toBe(true);
		const noHeader = await finishFeed(emu, await submitFeed(emu, 'JSON_LISTINGS_FEED', 'application/json', JSON.stringify({ messages: [] })));
		expect(noHeader.feed.processingStatus).toBe('FATAL');
		expect(validateReport(JSON.parse(noHeader.text))).toBe(true);
	});
});

describe('FBA inventory', () => {
	let emu: PartB;
	beforeAll(async () => (emu = await startPartB()));
	afterAll(async () => await emu.stop());

	it('summarises AFN listings with details', async () => {
		const DE = 'A1PA6795UKMFR9';
		const response = await emu.api('GET', `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${DE}&marketplaceIds=${DE}&details=true`);
		expect(response.status).toBe(200);
		const summaries = (response.body.payload as IDataObject).inventorySummaries as IDataObject[];
		expect(summaries.length).toBeGreaterThan(0);
		expect(summaries[0]).toMatchObject({ fnSku: expect.stringMatching(/^X00/), inventoryDetails: expect.objectContaining({ fulfillableQuantity: expect.any(Number) }) });
	});
});
