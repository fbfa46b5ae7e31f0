import type { IDataObject } from 'n8n-workflow';

import { startSellerEmulator, type Emulator } from '../unit/actions/emulatorFixtures';

const SKU_COUNT = 60_000;
const FIRST = 101; // generated listings EMU-<type>-<n> start after the order catalogue
const PRODUCT_TYPES = [['LUGGAGE', 'LUG'], ['SHOES', 'SHO'], ['HOME', 'HOM']] as const; // emulator/data/listings.js order
const TYPE_OF = (n: number) => PRODUCT_TYPES[(n - 1) % 3];

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startSellerEmulator({ listings: FIRST - 1 + SKU_COUNT, listingsMarketplaces: 'ATVPDKIKX0DER' });
}, 120_000);

afterAll(async () => await emulator.stop());

it('updates 60,000 SKUs with 3 listings feeds within 5 submissions per 5 minutes, one result per SKU', async () => {
	const rows: IDataObject[] = [];
	for (let n = FIRST; n < FIRST + SKU_COUNT; n++) {
		const [productType, code] = TYPE_OF(n);
		rows.push({ sku: `EMU-${code}-${String(n).padStart(4, '0')}`, quantity: n % 40, price: (1000 + (n % 5000)) / 100, productType });
	}
	await emulator.control.reset();
	const { items, error } = await emulator.run(
		{
			resource: 'listing',
			operation: 'update',
			method: 'auto',
			rules: { thresholdBreakpoint: 3, quantityAtOrBelow: 0, handlingTimeDays: 2, priceChange: 'increase:percentage', priceChangeAmount: 5, rounding: 'end99' },
			rowFields: { productType: '={{ $json.productType }}' },
			pushOptions: { maxWaitMinutes: 10 },
		},
		rows,
	);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(SKU_COUNT);

	const calls = (await emulator.control.calls()) as unknown as { counts: Record<string, number>; throttled?: Record<string, number>; requests: Record<string, Array<{ body: IDataObject }>> };
	expect(calls.counts['feeds.createFeed']).toBe(3);
	expect(calls.counts['listingsItems.patchListingsItem']).toBeUndefined();
	expect(Object.values(calls.throttled ?? {}).reduce((a, b) => a + b, 0)).toBe(0);

	const feedIds = [...new Set(items.map((item) => item.json.feedId))];
	expect(feedIds).toHaveLength(3);
	const perFeed = feedIds.map((id) => items.filter((item) => item.json.feedId === id).length);
	expect(perFeed.reduce((a, b) => a + b, 0)).toBe(SKU_COUNT);
	for (const count of perFeed) expect(count).toBeLessThanOrEqual(25_000);

	const notAccepted = items.filter((item) => item.json.status !== 'ACCEPTED');
	expect(notAccepted.slice(0, 2).map((item) => item.json)).toEqual([]);
	for (const index of [0, 24_999, 25_000, 59_999]) {
		expect(items[index].pairedItem).toEqual({ item: index });
		expect(items[index].json.sku).toBe(rows[index].sku);
	}
	const last = await emulator.run({ resource: 'listing', operation: 'get', sku: String(rows[SKU_COUNT - 1].sku) });
	const availability = (last.items[0].json.fulfillmentAvailability as IDataObject[])[0];
	expect(availability.quantity).toBe(items[SKU_COUNT - 1].json.after && (items[SKU_COUNT - 1].json.after as IDataObject).quantity);
}, 600_000);
