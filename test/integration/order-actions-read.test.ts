import { emuItem, emuOrder, startSellerEmulator, type Emulator } from '../unit/actions/emulatorFixtures';

const MFN = '333-3000001-0000001';
const FBA = '333-3000002-0000002';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startSellerEmulator();
	const now = await emulator.control.now();
	const earlier = { lastUpdateDate: new Date(now - 3_600_000).toISOString(), visibleAfter: new Date(now - 3_000_000).toISOString() };
	await emulator.control.injectOrders([
		emuOrder(MFN, [emuItem('30000000000001', 2, { isGift: true, giftWrapPrice: '2.99' }), emuItem('30000000000002', 1)], now, earlier),
		emuOrder(FBA, [emuItem('30000000000003', 1)], now, { ...earlier, fulfillmentChannel: 'AFN', status: 'Shipped' }),
	]);
});

afterAll(async () => await emulator.stop());

describe('Order → Get / Get Items / Get Many', () => {
	it.each(['v2026', 'v0'])('gets one order simplified with its items (%s)', async (apiVersion) => {
		const { items, error } = await emulator.run({ resource: 'order', operation: 'get', orderId: MFN, apiVersion });
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({
			pairedItem: { item: 0 },
			json: { orderId: MFN, fulfillmentChannel: 'MFN', markAsShipped: false, shippingSpeed: expect.any(String) },
		});
		for (const deadline of ['earliestShipDate', 'latestShipDate', 'earliestDeliveryDate', 'latestDeliveryDate']) {
			expect(Date.parse(String(items[0].json[deadline]))).toBeGreaterThan(0);
		}
		expect((items[0].json.items as unknown[]).length).toBe(2);
	});

	it('flags FBA orders as shipped when asked', async () => {
		const { items } = await emulator.run({
			resource: 'order',
			operation: 'get',
			orderId: FBA,
			options: { markFbaAsShipped: true },
		});
		expect(items[0].json).toMatchObject({ orderId: FBA, fulfillmentChannel: 'AFN', markAsShipped: true });
	});

	it('returns one output item per order item, paired with the input', async () => {
		const { items } = await emulator.run(
			{ resource: 'order', operation: 'getItems', orderId: '={{ $json.id }}', apiVersion: 'v0', simplify: false },
			[{ id: FBA }, { id: MFN }],
		);
		expect(items.map((item) => [item.pairedItem, item.json.orderId, item.json.OrderItemId])).toEqual([
			[{ item: 0 }, FBA, '30000000000003'],
			[{ item: 1 }, MFN, '30000000000001'],
			[{ item: 1 }, MFN, '30000000000002'],
		]);
	});

	it.each(['v2026', 'v0'])('simplifies items with numeric prices by default (%s)', async (apiVersion) => {
		const { items } = await emulator.run({ resource: 'order', operation: 'getItems', orderId: MFN, apiVersion });
		expect(items[0].json).toMatchObject({
			orderId: MFN,
			orderItemId: '30000000000001',
			sku: 'SKU-0001',
			quantity: 2,
			price: expect.any(Number),
			isGift: true,
		});
	});

	it('searches every marketplace of the credential\'s region when asked', async () => {
		const defaultOnly = await emulator.run({ resource: 'order', operation: 'getAll', returnAll: true, lookbackDays: 60 });
		const region = await emulator.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			lookbackDays: 60,
			marketplaceScope: 'region',
		});
		expect(region.error).toBeUndefined();
		const marketplaces = (run: typeof region) => new Set(run.items.map((item) => item.json.marketplaceId));
		expect([...marketplaces(defaultOnly)]).toEqual(['ATVPDKIKX0DER']);
		expect(marketplaces(region).size).toBeGreaterThan(1);
	});

	it('searches with the shared filters and honours the limit', async () => {
		const { items, error } = await emulator.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { fulfillmentChannel: 'AFN', statuses: ['Shipped'] },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ fulfillmentChannel: 'AFN', status: 'Shipped' });

		const all = await emulator.run({ resource: 'order', operation: 'getAll', returnAll: true, simplify: false });
		const ids = all.items.map((item) => item.json.orderId);
		expect(ids).toEqual(expect.arrayContaining([MFN, FBA]));
	});

	it('rejects bad filters before any request', async () => {
		const before = await emulator.callSummary();
		const { error } = await emulator.run({
			resource: 'order',
			operation: 'getAll',
			marketplaceScope: 'selected',
			marketplaceIds: ['A1PA6795UKMFR9'],
		});
		expect(error?.message).toMatch(/^Marketplace Names or IDs: .*region EU.*\[item 0\]$/);
		const { error: dateError } = await emulator.run({
			resource: 'order',
			operation: 'getAll',
			filters: { createdAfter: '2026-01-01T00:00:00Z', lastUpdatedAfter: '2026-01-01T00:00:00Z' },
		});
		expect(dateError?.message).toMatch(/^Filters → Last Updated After: .*\[item 0\]$/);
		expect((await emulator.callSummary()).total).toBe(before.total);
	});
});
