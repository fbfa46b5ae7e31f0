import {
	emuItem,
	emuOrder,
	requestBodies,
	startSellerEmulator,
	type Emulator,
} from '../unit/actions/emulatorFixtures';

const ACK_OK = '111-1000001-0000001';
const ACK_PENDING = '111-1000002-0000002';
const ACK_CANADA = '701-1000005-0000005';
const ACK_FBA = '111-1000006-0000006';
const ACK_SHIPPED = '111-1000007-0000007';
const CANCEL_ORDER = '111-1000003-0000003';
const CANCEL_ITEM = '111-1000004-0000004';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startSellerEmulator();
	const now = await emulator.control.now();
	await emulator.control.injectOrders([
		emuOrder(ACK_OK, [emuItem('10000000000001', 2), emuItem('10000000000002', 1)], now),
		emuOrder(ACK_PENDING, [emuItem('10000000000003', 1)], now, { status: 'Pending' }),
		emuOrder(CANCEL_ORDER, [emuItem('10000000000004', 1), emuItem('10000000000005', 2)], now),
		emuOrder(CANCEL_ITEM, [emuItem('10000000000006', 3), emuItem('10000000000007', 1)], now),
		emuOrder(ACK_CANADA, [emuItem('10000000000008', 1)], now, { marketplaceCode: 'CA' }),
		emuOrder(ACK_FBA, [emuItem('10000000000009', 1)], now, { fulfillmentChannel: 'AFN' }),
		emuOrder(ACK_SHIPPED, [emuItem('10000000000010', 1, { quantityShipped: 1 })], now, { status: 'Shipped' }),
	]);
});

afterAll(async () => await emulator.stop());

describe('Order → Acknowledge', () => {
	it('sends one acknowledgement feed per marketplace and maps Amazon\'s results back to each item', async () => {
		const { items, error } = await emulator.run(
			{
				resource: 'order',
				operation: 'acknowledge',
				orderId: '={{ $json.orderId }}',
				options: {
					merchantOrderId: '={{ $json.merchantOrderId }}',
					merchantItems: { item: [{ orderItemId: '={{ $json.itemId }}', merchantOrderItemId: 'L-1' }] },
				},
			},
			[
				{ orderId: ACK_OK, merchantOrderId: 'SO-1 & <ERP>', itemId: '10000000000001' },
				{ orderId: ACK_CANADA, merchantOrderId: 'SO-2', itemId: '10000000000008' },
			],
		);
		expect(error).toBeUndefined();

		const feeds = (await requestBodies(emulator, 'feeds.createFeed')) as Array<{ feedType: string; marketplaceIds: string[] }>;
		expect(feeds.map((feed) => [feed.feedType, feed.marketplaceIds])).toEqual([
			['POST_ORDER_ACKNOWLEDGEMENT_DATA', ['ATVPDKIKX0DER']],
			['POST_ORDER_ACKNOWLEDGEMENT_DATA', ['A2EUQ1WTGCTBG2']],
		]);
		const [usXml, canadaXml] = (await requestBodies(emulator, 'raw PUT /_docs/feeds/upload/')) as string[];
		expect(usXml).toContain(`<AmazonOrderID>${ACK_OK}</AmazonOrderID>`);
		expect(usXml).not.toContain(ACK_CANADA);
		expect(usXml).toContain('<MerchantOrderID>SO-1 &amp; &lt;ERP&gt;</MerchantOrderID>');
		expect(usXml).toContain('<MerchantIdentifier>A1EMULATORSELLER</MerchantIdentifier>');
		expect(canadaXml).toContain(`<AmazonOrderID>${ACK_CANADA}</AmazonOrderID>`);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({ orderId: ACK_OK, success: true, messages: [], processingStatus: 'DONE' });
		expect(items[1].json).toMatchObject({ orderId: ACK_CANADA, success: true, marketplaceId: 'A2EUQ1WTGCTBG2' });
		expect(items[0].json.feedId).not.toBe(items[1].json.feedId);

		const acknowledged = await emulator.order(ACK_OK);
		expect(acknowledged).toMatchObject({ acknowledged: true, merchantOrderId: 'SO-1 & <ERP>' });
		expect((acknowledged.items as Array<{ merchantOrderItemId?: string }>)[0].merchantOrderItemId).toBe('L-1');
	});

	it.each([
		[ACK_PENDING, /is Pending.*so it cannot be acknowledged \[item 0\]$/],
		[ACK_FBA, /is fulfilled by Amazon \(FBA\), so it cannot be acknowledged \[item 0\]$/],
		[ACK_SHIPPED, /has already shipped, so it cannot be acknowledged \[item 0\]$/],
	])('refuses to acknowledge %s before anything is sent', async (orderId, message) => {
		const before = await emulator.callSummary();
		const { error } = await emulator.run({ resource: 'order', operation: 'acknowledge', orderId });
		expect(error?.message).toMatch(message);
		expect((await emulator.callSummary()).writes).toEqual(before.writes);
	});

	it('returns the feed ID and status when not waiting; Feed → Get Result reads the result later', async () => {
		const submitted = await emulator.run(
			{ resource: 'order', operation: 'acknowledge', orderId: ACK_OK, waitForResult: false },
		);
		expect(submitted.items[0].json).toMatchObject({ orderId: ACK_OK, processingStatus: 'IN_QUEUE' });
		const feedId = String(submitted.items[0].json.feedId);

		await emulator.control.advanceClock(10 * 60_000);
		const result = await emulator.run({ resource: 'feed', operation: 'getResult', feedId });
		expect(result.items[0].json).toMatchObject({
			feedId,
			processingStatus: 'DONE',
			success: true,
			summary: expect.objectContaining({ processed: 1 }),
		});
		const status = await emulator.run({ resource: 'feed', operation: 'get', feedId });
		expect(status.items[0].json).toMatchObject({ feedId, feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA' });
	});
});

describe('Order → Cancel', () => {
	it('cancels a whole order and single items in one feed, with Amazon\'s cancel reason', async () => {
		const before = (await requestBodies(emulator, 'feeds.createFeed')).length;
		const { items, error } = await emulator.run(
			{
				resource: 'order',
				operation: 'cancel',
				orderId: '={{ $json.orderId }}',
				cancelScope: '={{ $json.scope }}',
				cancelReason: '={{ $json.reason }}',
				items: { item: [{ orderItemId: '10000000000006', quantity: 2 }] },
			},
			[
				{ orderId: CANCEL_ORDER, scope: 'order', reason: 'NoInventory' },
				{ orderId: CANCEL_ITEM, scope: 'items', reason: 'BuyerCanceled' },
			],
		);
		expect(error).toBeUndefined();
		expect((await requestBodies(emulator, 'feeds.createFeed')).length).toBe(before + 1);
		const xml = ((await requestBodies(emulator, 'raw PUT /_docs/feeds/upload/')) as string[]).at(-1) ?? '';
		expect(xml).toContain('<StatusCode>Failure</StatusCode>');
		expect(xml).toContain('<CancelReason>BuyerCanceled</CancelReason>');

		expect(items.map((item) => item.json.success)).toEqual([true, true]);
		expect((await emulator.order(CANCEL_ORDER)).status).toBe('Canceled');
		const partly = await emulator.order(CANCEL_ITEM);
		expect(partly.status).toBe('Unshipped');
		expect((partly.items as Array<{ quantityCanceled: number }>).map((item) => item.quantityCanceled)).toEqual([2, 0]);
	});
});

describe('bad input sends nothing to Amazon', () => {
	async function expectNothingSent(run: () => Promise<{ error?: Error }>, message: RegExp) {
		const before = await emulator.callSummary();
		const { error } = await run();
		expect(error?.message).toMatch(message);
		const after = await emulator.callSummary();
		expect(after.writes).toEqual(before.writes);
		return after.total - before.total;
	}

	it('rejects a malformed order ID on any item before anything is written', async () => {
		const calls = await expectNothingSent(
			async () =>
				await emulator.run({ resource: 'order', operation: 'acknowledge', orderId: '={{ $json.id }}' }, [
					{ id: ACK_OK },
					{ id: 'S01-123' },
				]),
			/^Order ID: .*"S01-123" is not an Amazon order ID.*\[item 1\]$/,
		);
		// Only item 0's order was read (its status is checked in prepare).
		expect(calls).toBe(1);
	});

	it('rejects a cancel reason outside Amazon\'s list', async () => {
		await expectNothingSent(
			async () =>
				await emulator.run({
					resource: 'order',
					operation: 'cancel',
					orderId: CANCEL_ITEM,
					cancelReason: '={{ "OutOfStock" }}',
				}),
			/^Cancel Reason: "OutOfStock" is not one of Amazon's cancel reasons \[item 0\]$/,
		);
	});

	it('rejects an empty cancel reason and an empty item list', async () => {
		await expectNothingSent(
			async () =>
				await emulator.run({ resource: 'order', operation: 'cancel', orderId: CANCEL_ITEM, cancelReason: '={{ undefined }}' }),
			/^Cancel Reason: is empty \[item 0\]$/,
		);
		await expectNothingSent(
			async () =>
				await emulator.run({
					resource: 'order',
					operation: 'cancel',
					orderId: CANCEL_ITEM,
					cancelScope: 'items',
					cancelReason: 'NoInventory',
				}),
			/^Items: the item list is empty \[item 0\]$/,
		);
	});

	it('with continueOnFail, reports the bad item and still sends the good ones', async () => {
		const { items } = await emulator.run(
			{ resource: 'order', operation: 'acknowledge', orderId: '={{ $json.id }}' },
			[{ id: 'nope' }, { id: ACK_OK }],
			true,
		);
		expect(items[0]).toMatchObject({ pairedItem: { item: 0 }, json: { error: expect.stringContaining('[item 0]') } });
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { orderId: ACK_OK, success: true } });
	});
});
