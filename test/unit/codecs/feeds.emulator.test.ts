// Integration: the real SpApiClient against the SP-API emulator (feeds, pre-signed upload/download, gzip results).
import type { SpApiClient } from '../../../nodes/AmazonSpApi/core/http/client';
import { getFeedResult, submitFeed, waitForFeed } from '../../../nodes/AmazonSpApi/core/feeds/feeds';
import {
	buildCancellationFlatFile,
	buildOrderAcknowledgementFeed,
	FLAT_FILE_FEED_CONTENT_TYPE,
	ORDER_FEED_TYPES,
	XML_FEED_CONTENT_TYPE,
} from '../../../nodes/AmazonSpApi/core/orders/orderFeeds';
import { EMULATOR_MARKETPLACE_ID, EMULATOR_SELLER_ID, emulatorControl, startEmulator, type EmulatorHandle } from '../../harness/emulator';
import { emuItem, emuOrder } from '../actions/emulatorFixtures';
import { EMULATOR_WAIT as WAIT, emulatorClient } from './emulatorClient';

describe('feeds against the emulator', () => {
	let emulator: EmulatorHandle;
	let client: SpApiClient;

	beforeAll(async () => {
		emulator = await startEmulator({ seed: 7, orders: 0, timeScale: 3000 });
		const now = await emulatorControl(emulator.url).now();
		await emulatorControl(emulator.url).injectOrders([
			emuOrder('111-0000001-0000001', [emuItem('10000000000001', 1)], now),
			emuOrder('111-0000002-0000002', [emuItem('20000000000001', 2), emuItem('20000000000002', 1)], now),
		]);
		client = emulatorClient(emulator.url);
	});
	afterAll(async () => await emulator.stop());

	const orderState = async (orderId: string) =>
		(await (await fetch(`${emulator.url}/_emulator/orders/${orderId}`)).json()) as {
			acknowledged?: boolean;
			merchantOrderId?: string;
			items: Array<{ orderItemId: string; quantityCanceled: number }>;
		};

	it('acknowledges orders: submitFeed → waitForFeed → getFeedResult', async () => {
		const content = buildOrderAcknowledgementFeed(EMULATOR_SELLER_ID, [
			{ amazonOrderId: '111-0000001-0000001', merchantOrderId: 'N8N-1', statusCode: 'Success' },
			{ amazonOrderId: '999-9999999-9999999', statusCode: 'Success' },
		]);
		const { feedId } = await submitFeed(client, {
			feedType: ORDER_FEED_TYPES.acknowledgement,
			marketplaceIds: [EMULATOR_MARKETPLACE_ID],
			content,
			contentType: XML_FEED_CONTENT_TYPE,
		});
		const feed = await waitForFeed(client, feedId, WAIT);
		expect(feed.processingStatus).toBe('DONE');
		const result = await getFeedResult(client, feed);
		expect(result).toMatchObject({
			feedId,
			format: 'xml',
			summary: { processed: 2, successful: 1, withError: 1, withWarning: 0 },
		});
		expect(result.messages).toEqual([
			expect.objectContaining({ messageId: 2, resultCode: 'Error', amazonOrderId: '999-9999999-9999999' }),
		]);
		expect(result.messages[0].description).toContain('999-9999999-9999999');
		expect(await orderState('111-0000001-0000001')).toMatchObject({ acknowledged: true, merchantOrderId: 'N8N-1' });
	});

	it('cancels an item with the flat file and parses the flat-file report', async () => {
		const { feedId } = await submitFeed(client, {
			feedType: ORDER_FEED_TYPES.flatFileCancellation,
			marketplaceIds: [EMULATOR_MARKETPLACE_ID],
			content: buildCancellationFlatFile([
				{ amazonOrderId: '111-0000002-0000002', amazonOrderItemCode: '20000000000002', cancelReason: 'NoInventory' },
			]),
			contentType: FLAT_FILE_FEED_CONTENT_TYPE,
		});
		const result = await getFeedResult(client, await waitForFeed(client, feedId, WAIT));
		expect(result).toMatchObject({ processingStatus: 'DONE', format: 'tsv', summary: { processed: 1, successful: 1, withError: 0 } });
		const order = await orderState('111-0000002-0000002');
		expect(order.items.find((item) => item.orderItemId === '20000000000002')?.quantityCanceled).toBe(1);
		expect(order.items.find((item) => item.orderItemId === '20000000000001')?.quantityCanceled).toBe(0);
	});

	it('surfaces the FATAL reason of a retired listings feed', async () => {
		const { feedId } = await submitFeed(client, {
			feedType: 'POST_INVENTORY_AVAILABILITY_DATA',
			marketplaceIds: [EMULATOR_MARKETPLACE_ID],
			content: '<AmazonEnvelope/>',
			contentType: XML_FEED_CONTENT_TYPE,
		});
		const feed = await waitForFeed(client, feedId, WAIT);
		expect(feed.processingStatus).toBe('FATAL');
		const result = await getFeedResult(client, feed);
		expect(result.messages[0]).toMatchObject({ resultCode: 'Error', description: expect.stringContaining('retired') });
	});
});
