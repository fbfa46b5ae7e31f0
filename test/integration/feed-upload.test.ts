// Feed → Upload, Get Many, Cancel through real n8n-core execution contexts against the emulator.
import { EMULATOR_SELLER_ID } from '../harness';
import { requestBodies, startSellerEmulator, type Emulator } from '../unit/actions/emulatorFixtures';

// Report and feed waits poll every few seconds, as on Amazon.
jest.setTimeout(60_000);

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startSellerEmulator({ listings: 20 });
});
afterAll(async () => await emulator.stop());

const listingsFeed = (sku: string) =>
	JSON.stringify({
		header: { sellerId: EMULATOR_SELLER_ID, version: '2.0', issueLocale: 'en_US' },
		messages: [
			{ messageId: 1, sku, operationType: 'DELETE' },
			{ messageId: 2, sku: 'NO-SUCH-SKU-123', operationType: 'PATCH', productType: 'PRODUCT', patches: [] },
		],
	});

describe('Feed → Upload', () => {
	it('submits once per item and, waiting, outputs one item per message paired with its input item', async () => {
		const before = await emulator.callSummary();
		const { items, error } = await emulator.run(
			{ resource: 'feed', operation: 'upload', feedType: 'JSON_LISTINGS_FEED', contentSource: 'json', jsonContent: '={{ $json.feed }}', waitForResult: true, maxWaitMinutes: 1 },
			[{ feed: listingsFeed('EMU-SKU-A') }, { feed: listingsFeed('EMU-SKU-B') }],
		);
		expect(error).toBeUndefined();
		const writes = (await emulator.callSummary()).writes.slice(before.writes.length);
		expect(writes.filter((operation) => operation === 'feeds.createFeed')).toHaveLength(2);
		expect(items.length).toBeGreaterThanOrEqual(2);
		for (const item of items) {
			expect(item.json).toMatchObject({ feedType: 'JSON_LISTINGS_FEED', processingStatus: 'DONE', summary: expect.any(Object) });
		}
		const paired = new Set(items.map((item) => (item.pairedItem as { item: number }).item));
		expect(paired).toEqual(new Set([0, 1]));
		const uploads = await requestBodies(emulator, 'feeds.createFeedDocument');
		expect(uploads.at(-1)).toEqual({ contentType: 'application/json; charset=UTF-8' });
	}, 30_000);

	it('sends a flat file as text with its content type and the feed options, and returns the feed ID without waiting', async () => {
		const { items } = await emulator.run({
			resource: 'feed',
			operation: 'upload',
			feedType: 'POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA',
			contentSource: 'text',
			content: 'order-id\tadjustment-reason-code\n111-0000000-0000001\tCustomerReturn\n',
			feedOptions: { pairs: [{ key: 'note', value: 'n8n' }] },
		});
		expect(items[0].json).toMatchObject({ feedId: expect.any(String), processingStatus: 'IN_QUEUE' });
		const created = (await requestBodies(emulator, 'feeds.createFeed')).at(-1) as { feedOptions?: object };
		expect(created.feedOptions).toEqual({ note: 'n8n' });
		expect((await requestBodies(emulator, 'feeds.createFeedDocument')).at(-1)).toEqual({ contentType: 'text/tab-separated-values; charset=UTF-8' });
	});

	it.each([
		[{ feedType: 'custom', feedTypeCustom: 'POST_INVENTORY_AVAILABILITY_DATA', contentSource: 'text', content: '<x/>' }, 'retired on July 31, 2025'],
		[{ feedType: 'custom', feedTypeCustom: 'inventory feed', contentSource: 'text', content: '<x/>' }, 'Feed Type: "inventory feed" is not a type Amazon knows [item 0]'],
		[{ feedType: 'JSON_LISTINGS_FEED', contentSource: 'json', jsonContent: '{ not json' }, 'JSON Content: is not valid JSON'],
		[{ feedType: 'UPLOAD_VAT_INVOICE', contentSource: 'binary', binaryPropertyName: 'invoice' }, 'Input Binary Field: the input item has no binary field "invoice" [item 0]'],
		[{ feedType: 'UPLOAD_VAT_INVOICE', contentSource: 'text', content: 'x', feedOptions: { pairs: [{ key: '', value: 'x' }] } }, 'Feed Options → Key: option 1 has no key [item 0]'],
	])('refuses %j before sending anything', async (parameters, message) => {
		const before = await emulator.callSummary();
		const { error } = await emulator.run({ resource: 'feed', operation: 'upload', ...parameters });
		expect(error?.message).toContain(message);
		expect((await emulator.callSummary()).total).toBe(before.total);
	});
});

describe('Feed → Get Many and Cancel', () => {
	it('lists feeds by type, following nextToken alone, up to the limit', async () => {
		for (let index = 0; index < 3; index++) {
			await emulator.run({ resource: 'feed', operation: 'upload', feedType: 'POST_INVOICE_CONFIRMATION_DATA', contentSource: 'text', content: '<AmazonEnvelope><Message/></AmazonEnvelope>' });
		}
		const all = await emulator.run({ resource: 'feed', operation: 'getAll', types: ['POST_INVOICE_CONFIRMATION_DATA'], returnAll: true });
		expect(all.items).toHaveLength(3);
		const limited = await emulator.run({ resource: 'feed', operation: 'getAll', types: ['POST_INVOICE_CONFIRMATION_DATA'], limit: 2 });
		expect(limited.items).toHaveLength(2);
	});

	it('cancels a feed still in the queue', async () => {
		const slow = await startSellerEmulator({ timeScale: 1 });
		try {
			const { items } = await slow.run({ resource: 'feed', operation: 'upload', feedType: 'POST_INVOICE_CONFIRMATION_DATA', contentSource: 'text', content: '<AmazonEnvelope/>' });
			const feedId = String(items[0].json.feedId);
			const cancelled = await slow.run({ resource: 'feed', operation: 'cancel', feedId });
			expect(cancelled.items[0].json).toEqual({ feedId, cancelled: true });
			const got = await slow.run({ resource: 'feed', operation: 'get', feedId });
			expect(got.items[0].json).toMatchObject({ processingStatus: 'CANCELLED' });
		} finally {
			await slow.stop();
		}
	});
});
