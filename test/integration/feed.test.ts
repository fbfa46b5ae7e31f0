import { submitFeed } from '../../nodes/AmazonSpApi/core/feeds/feeds';
import { XML_FEED_CONTENT_TYPE } from '../../nodes/AmazonSpApi/core/orders/orderFeeds';
import { EMULATOR_MARKETPLACE_ID } from '../harness';
import { emulatorClient } from '../unit/codecs/emulatorClient';
import { emuItem, emuOrder, startSellerEmulator, type Emulator } from '../unit/actions/emulatorFixtures';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startSellerEmulator();
});

afterAll(async () => await emulator.stop());

async function submit(feedType: string, content = '<AmazonEnvelope/>'): Promise<string> {
	const client = emulatorClient(emulator.handle.url);
	const { feedId } = await submitFeed(client, {
		feedType,
		marketplaceIds: [EMULATOR_MARKETPLACE_ID],
		content,
		contentType: XML_FEED_CONTENT_TYPE,
	});
	return feedId;
}

describe('Feed → Get / Get Result', () => {
	it('reports a FATAL feed as failed with Amazon\'s reason', async () => {
		const feedId = await submit('POST_PRODUCT_DATA');
		await emulator.control.advanceClock(10 * 60_000);
		const { items, error } = await emulator.run({ resource: 'feed', operation: 'getResult', feedId });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ feedId, processingStatus: 'FATAL', success: false });
		expect(JSON.stringify(items[0].json.messages)).toContain('has been retired');
	});

	it('returns the processing messages of a DONE feed with per-message result codes', async () => {
		const now = await emulator.control.now();
		await emulator.control.injectOrders([
			emuOrder('444-4000001-0000001', [emuItem('40000000000001', 1)], now),
			emuOrder('444-4000002-0000002', [emuItem('40000000000002', 1)], now),
		]);
		// Both orders pass the node's checks; Amazon rejects the second one's unknown order item while processing.
		const ack = await emulator.run(
			{
				resource: 'order',
				operation: 'acknowledge',
				orderId: '={{ $json.id }}',
				options: { merchantItems: { item: [{ orderItemId: '={{ $json.itemId }}', merchantOrderItemId: 'L-1' }] } },
				waitForResult: false,
			},
			[
				{ id: '444-4000001-0000001', itemId: '40000000000001' },
				{ id: '444-4000002-0000002', itemId: '49999999999999' },
			],
		);
		const feedId = String(ack.items[0].json.feedId);
		await emulator.control.advanceClock(10 * 60_000);
		const { items } = await emulator.run({ resource: 'feed', operation: 'getResult', feedId });
		expect(items[0].json).toMatchObject({
			processingStatus: 'DONE',
			success: false,
			summary: expect.objectContaining({ processed: 2, withError: 1 }),
			messages: [expect.objectContaining({ messageId: 2, resultCode: 'Error', code: '18030' })],
		});
	});

	it('answers for a feed still in the queue without a result', async () => {
		const slow = await startSellerEmulatorAtRealTime();
		try {
			const { items } = await slow.run(
				{ resource: 'order', operation: 'acknowledge', orderId: '444-4000001-0000001', waitForResult: false },
				[{}],
			);
			const feedId = String(items[0].json.feedId);
			const result = await slow.run({ resource: 'feed', operation: 'getResult', feedId });
			expect(result.items[0].json).toMatchObject({ feedId, processingStatus: 'IN_QUEUE', messages: [] });
		} finally {
			await slow.stop();
		}
	});

	it('names the field for an empty feed ID and keeps the item index for unknown feeds', async () => {
		const before = await emulator.callSummary();
		const empty = await emulator.run({ resource: 'feed', operation: 'get', feedId: '={{ $json.id }}' }, [{ id: ' ' }]);
		expect(empty.error?.message).toBe('Feed ID: is empty [item 0]');
		expect((await emulator.callSummary()).total).toBe(before.total);

		const unknown = await emulator.run({ resource: 'feed', operation: 'get', feedId: '={{ $json.id }}' }, [
			{ id: '1' },
		]);
		expect(unknown.error?.message).toMatch(/not found.*\[item 0\]/);
	});
});

/** A second emulator at real time, so a fresh feed stays IN_QUEUE for 30 s. */
async function startSellerEmulatorAtRealTime(): Promise<Emulator> {
	const instance = await startSellerEmulator({ timeScale: 1 });
	const now = await instance.control.now();
	await instance.control.injectOrders([emuOrder('444-4000001-0000001', [emuItem('40000000000001', 1)], now)]);
	return instance;
}
