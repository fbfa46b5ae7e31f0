import type { IDataObject } from 'n8n-workflow';

import {
	emuItem,
	emuOrder,
	requestBodies,
	startSellerEmulator,
	type Emulator,
} from '../unit/actions/emulatorFixtures';

const SHIP_ALL = '222-2000001-0000001';
const SHIP_PART = '222-2000002-0000002';
const SHIP_EARLY = '222-2000003-0000003';
const FEED_A = '222-2000004-0000004';
const FEED_B = '222-2000005-0000005';
const FBA = '222-2000006-0000006';
const PENDING = '222-2000007-0000007';
const CANCELED = '222-2000008-0000008';
const B2B_US = '222-2000009-0000009';
const B2C_US = '222-2000010-0000010';

const mappings = {
	mapping: [
		{ from: 'DHL Paket', carrierCode: 'DHL', carrierName: '', shippingMethod: 'DHL Paket National' },
		{ from: 'Hermes DE', carrierCode: 'Other', carrierName: 'Hermes Germany', shippingMethod: '' },
	],
};

let emulator: Emulator;
let now: number;

beforeAll(async () => {
	emulator = await startSellerEmulator();
	now = await emulator.control.now();
	await emulator.control.injectOrders([
		emuOrder(SHIP_ALL, [emuItem('20000000000001', 2), emuItem('20000000000002', 1, { quantityShipped: 1 })], now),
		emuOrder(SHIP_PART, [emuItem('20000000000003', 3)], now),
		emuOrder(SHIP_EARLY, [emuItem('20000000000004', 1)], now),
		emuOrder(FEED_A, [emuItem('20000000000005', 1)], now),
		emuOrder(FEED_B, [emuItem('20000000000006', 2)], now),
		emuOrder(FBA, [emuItem('20000000000007', 1)], now, { fulfillmentChannel: 'AFN' }),
		emuOrder(PENDING, [emuItem('20000000000008', 1)], now, { status: 'Pending' }),
		emuOrder(CANCELED, [emuItem('20000000000009', 1, { quantityCanceled: 1 })], now, { status: 'Canceled' }),
		emuOrder(B2B_US, [emuItem('20000000000010', 1)], now, { isBusiness: true }),
		emuOrder(B2C_US, [emuItem('20000000000011', 1)], now),
	]);
});

afterAll(async () => await emulator.stop());

const confirm = (extra: IDataObject = {}) => ({
	resource: 'order',
	operation: 'confirmShipment',
	orderId: '={{ $json.orderId }}',
	trackingNumber: '={{ $json.tracking }}',
	carrier: '={{ $json.carrier }}',
	carrierMappings: mappings,
	...extra,
});

describe('Order → Confirm Shipment (API)', () => {
	it('confirms all unshipped items with their remaining quantities and the mapped carrier', async () => {
		const { items, error } = await emulator.run(confirm(), [
			{ orderId: SHIP_ALL, tracking: '00340434161094042557', carrier: 'dhl paket' },
		]);
		expect(error).toBeUndefined();
		const [body] = (await requestBodies(emulator, 'ordersV0.confirmShipment')) as Array<{
			marketplaceId: string;
			packageDetail: IDataObject;
		}>;
		expect(body.marketplaceId).toBe('ATVPDKIKX0DER');
		expect(body.packageDetail).toMatchObject({
			carrierCode: 'DHL',
			shippingMethod: 'DHL Paket National',
			trackingNumber: '00340434161094042557',
			orderItems: [{ orderItemId: '20000000000001', quantity: 2 }],
		});
		expect(String(body.packageDetail.packageReferenceId)).toMatch(/^[1-9]\d*$/);
		expect(items[0]).toMatchObject({ pairedItem: { item: 0 }, json: { success: true, carrierCode: 'DHL' } });
		expect((await emulator.order(SHIP_ALL)).status).toBe('Shipped');
	});

	it('sends unmapped carriers as Other + name when chosen, and returns Amazon\'s validation error with the item index', async () => {
		const input = [
			{ orderId: SHIP_PART, tracking: 'H1', carrier: 'Hermes DE' },
			{ orderId: SHIP_EARLY, tracking: 'T2', carrier: 'Paketdienst Müller' },
		];
		const early = new Date(now - 2 * 86_400_000).toISOString();
		const parameters = confirm({
			carrierFallback: 'other',
			itemsToShip: 'selected',
			items: { item: [{ orderItemId: '={{ $json.orderId.endsWith("2") ? "20000000000003" : "20000000000004" }}', quantity: 1 }] },
			options: { shipDate: `={{ $json.orderId.endsWith("3") ? "${early}" : "" }}` },
		});
		const failed = await emulator.run(parameters, input);
		expect(failed.error?.message).toMatch(/before the purchase date.*\[item 1\]/);
		expect(failed.error?.description).toContain('Amazon refused the shipment confirmation');
		expect(failed.error?.description).not.toContain('2 minutes');

		// The failed run above already confirmed item 0 (per-order calls); this one confirms another unit.
		const { items } = await emulator.run(parameters, input, true);
		const bodies = (await requestBodies(emulator, 'ordersV0.confirmShipment')) as Array<{ packageDetail: IDataObject }>;
		const sentEarly = bodies.find((b) => (b.packageDetail.orderItems as IDataObject[])[0].orderItemId === '20000000000004');
		expect(sentEarly?.packageDetail).toMatchObject({ carrierCode: 'Other', carrierName: 'Paketdienst Müller' });
		const sentPart = bodies.find((b) => (b.packageDetail.orderItems as IDataObject[])[0].orderItemId === '20000000000003');
		expect(sentPart?.packageDetail).toMatchObject({ carrierCode: 'Other', carrierName: 'Hermes Germany', orderItems: [{ quantity: 1 }] });
		expect(items[0].json.success).toBe(true);
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { error: expect.stringContaining('[item 1]') } });
		expect((await emulator.order(SHIP_PART)).status).toBe('PartiallyShipped');
	});

	it('checks quantities against the order before sending (reads only)', async () => {
		const before = await emulator.callSummary();
		const { error } = await emulator.run(
			confirm({ itemsToShip: 'selected', items: { item: [{ orderItemId: '20000000000003', quantity: 5 }] } }),
			[{ orderId: SHIP_PART, tracking: 'X', carrier: 'UPS' }],
		);
		expect(error?.message).toBe(
			'Items: quantity 5 for order item 20000000000003 is larger than the 1 left of 3 ordered (2 already shipped) [item 0]',
		);
		expect((await emulator.callSummary()).writes).toEqual(before.writes);
	});

	it('stops on unmapped carriers (by default), missing tracking numbers, FBA, Pending and canceled orders', async () => {
		const before = await emulator.callSummary();
		const noFallback = await emulator.run(confirm(), [
			{ orderId: FEED_A, tracking: 'X', carrier: 'Paketdienst Müller' },
		]);
		expect(noFallback.error?.message).toMatch(/^Carrier: .*Paketdienst Müller.*no mapping \[item 0\]$/);
		const noTracking = await emulator.run(confirm(), [{ orderId: FEED_A, tracking: '', carrier: 'UPS' }]);
		expect(noTracking.error?.message).toBe('Tracking Number: is empty [item 0]');
		const fba = await emulator.run(confirm(), [{ orderId: FBA, tracking: 'X', carrier: 'UPS' }]);
		expect(fba.error?.message).toContain('is fulfilled by Amazon (FBA)');
		const pending = await emulator.run(confirm(), [{ orderId: PENDING, tracking: 'X', carrier: 'UPS' }]);
		expect(pending.error?.message).toMatch(/^Order ID: order \S+ is Pending: .* so it cannot be confirmed as shipped \[item 0\]$/);
		const canceled = await emulator.run(confirm({ shipmentMode: 'feed' }), [{ orderId: CANCELED, tracking: 'X', carrier: 'UPS' }]);
		expect(canceled.error?.message).toContain('is canceled, so it cannot be confirmed as shipped');
		expect((await emulator.callSummary()).writes).toEqual(before.writes);
	});
});

describe('Order → Confirm Shipment (batch via fulfillment feed)', () => {
	it('confirms many orders in one POST_ORDER_FULFILLMENT_DATA feed', async () => {
		const { items, error } = await emulator.run(confirm({ shipmentMode: 'feed' }), [
			{ orderId: FEED_A, tracking: 'A1', carrier: 'UPS' },
			{ orderId: FEED_B, tracking: 'B1', carrier: 'Hermes DE' },
		]);
		expect(error).toBeUndefined();
		const feeds = (await requestBodies(emulator, 'feeds.createFeed')) as Array<{ feedType: string; marketplaceIds: string[] }>;
		expect(feeds.map((feed) => [feed.feedType, feed.marketplaceIds])).toEqual([['POST_ORDER_FULFILLMENT_DATA', ['ATVPDKIKX0DER']]]);
		const [xml] = (await requestBodies(emulator, 'raw PUT /_docs/feeds/upload/')) as string[];
		expect(xml).toMatch(/<CarrierCode>Other<\/CarrierCode>\s*<CarrierName>Hermes Germany<\/CarrierName>/);
		expect(items.map((item) => [item.pairedItem, item.json.orderId, item.json.success])).toEqual([
			[{ item: 0 }, FEED_A, true],
			[{ item: 1 }, FEED_B, true],
		]);
		expect((await emulator.order(FEED_A)).status).toBe('Shipped');
		expect((await emulator.order(FEED_B)).status).toBe('Shipped');
	});
});

describe('Order → Confirm Shipment: per-marketplace B2B/B2C export', () => {
	it('skips business orders of marketplaces outside the list, sends nothing for them, and ships the rest', async () => {
		const before = await emulator.callSummary();
		const { items, error } = await emulator.run(
			confirm({ shipmentMode: 'feed', options: { businessMarketplaceIds: ['A2EUQ1WTGCTBG2'] } }),
			[
				{ orderId: B2B_US, tracking: 'B2B1', carrier: 'UPS' },
				{ orderId: B2C_US, tracking: 'B2C1', carrier: 'UPS' },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.orderId, item.json.skipped ?? false])).toEqual([
			[{ item: 0 }, B2B_US, true],
			[{ item: 1 }, B2C_US, false],
		]);
		expect(String(items[0].json.reason)).toMatch(/business \(B2B\) orders of marketplace ATVPDKIKX0DER/);
		const after = await emulator.callSummary();
		expect(after.writes.length - before.writes.length).toBeGreaterThan(0);
		const xml = ((await requestBodies(emulator, 'raw PUT /_docs/feeds/upload/')) as string[]).at(-1) ?? '';
		expect(xml).toContain(B2C_US);
		expect(xml).not.toContain(B2B_US);
		expect((await emulator.order(B2B_US)).status).toBe('Unshipped');
	});
});

describe('Order → Map Shipping Provider', () => {
	it('outbound: mapping, Amazon code as is, Other + name when chosen', async () => {
		const { items } = await emulator.run(
			{
				resource: 'order',
				operation: 'mapShippingProvider',
				carrier: '={{ $json.carrier }}',
				carrierMappings: mappings,
				carrierFallback: 'other',
			},
			[{ carrier: 'DHL Paket', ref: 1 }, { carrier: 'fedex' }, { carrier: 'Kurier Nord' }],
		);
		expect(items.map((item) => item.json)).toEqual([
			{ carrier: 'DHL Paket', ref: 1, amazonCarrierCode: 'DHL', amazonShippingMethod: 'DHL Paket National', carrierMatchedBy: 'mapping' },
			{ carrier: 'fedex', amazonCarrierCode: 'FedEx', carrierMatchedBy: 'amazonCode' },
			{ carrier: 'Kurier Nord', amazonCarrierCode: 'Other', amazonCarrierName: 'Kurier Nord', carrierMatchedBy: 'other' },
		]);
	});

	it('inbound: Amazon shipping option to your provider, default fallback and gift-wrap flags', async () => {
		const { items, error } = await emulator.run(
			{
				resource: 'order',
				operation: 'mapShippingProvider',
				direction: 'inbound',
				serviceLevelMappings: {
					mapping: [
						{ pattern: 'Exp', match: 'prefix', provider: 'DHL Express' },
						{ pattern: 'NextDay', match: 'exact', provider: 'UPS Express Saver' },
					],
				},
				defaultShippingProvider: 'DHL Paket',
			},
			[
				{ shipServiceLevel: 'Exp DE Dom', items: [{ sku: 'A', isGift: true }] },
				{ ShipServiceLevel: 'Std DE Dom', OrderItems: [{ SellerSKU: 'B', IsGift: 'false' }] },
				{ ShipServiceLevel: 'Next US D2D Dom' }, // v0 spelling of the speed NEXT_DAY
				{ fulfillment: { fulfillmentServiceLevel: 'EXPEDITED' } }, // v2026 spelling
			],
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ shippingProvider: 'DHL Express', hasGiftWrap: true, items: [{ giftWrap: true }] });
		expect(items[1].json).toMatchObject({ shippingProvider: 'DHL Paket', shippingProviderMatchedBy: 'fallback', hasGiftWrap: false });
		expect(items[2].json).toMatchObject({ shippingProvider: 'UPS Express Saver', shippingProviderMatchedBy: 'speed' });
		expect(items[3].json).toMatchObject({ shippingProvider: 'DHL Express', shippingProviderMatchedBy: 'prefix' });
	});
});
