import { runOrderFeed } from '../../../nodes/AmazonSellerCentral/actions/common/orderFeed';
import * as feeds from '../../../nodes/AmazonSpApi/core/feeds/feeds';
import * as transport from '../../../nodes/AmazonSpApi/n8n/session';
import { mockContext } from './helpers';

jest.mock('../../../nodes/AmazonSpApi/n8n/session', () => ({
	...jest.requireActual('../../../nodes/AmazonSpApi/n8n/session'),
	getSpApiClient: jest.fn(),
}));
jest.mock('../../../nodes/AmazonSpApi/core/feeds/feeds', () => ({
	...jest.requireActual('../../../nodes/AmazonSpApi/core/feeds/feeds'),
	submitFeed: jest.fn(),
	waitForFeed: jest.fn(),
	getFeedResult: jest.fn(),
}));

const mocked = {
	getSpApiClient: transport.getSpApiClient as jest.Mock,
	submitFeed: feeds.submitFeed as jest.Mock,
	waitForFeed: feeds.waitForFeed as jest.Mock,
	getFeedResult: feeds.getFeedResult as jest.Mock,
};

const clock = { now: () => 0, sleep: async () => undefined };
const entries = [
	{ itemIndex: 0, prepared: { amazonOrderId: '111-1111111-1111111', marketplaceId: 'ATVPDKIKX0DER' } },
	{ itemIndex: 2, prepared: { amazonOrderId: '222-2222222-2222222', marketplaceId: 'A2EUQ1WTGCTBG2' } },
];
const build = jest.fn(() => '<AmazonEnvelope/>');

beforeEach(() => {
	jest.clearAllMocks();
	mocked.getSpApiClient.mockResolvedValue({ client: { clock }, account: { sellerId: 'A1SELLER', region: 'na' } });
	mocked.submitFeed.mockResolvedValue({ feedId: '42', feedDocumentId: 'doc' });
});

describe('runOrderFeed', () => {
	it('submits one feed per marketplace of the orders', async () => {
		mocked.submitFeed.mockResolvedValueOnce({ feedId: '42', feedDocumentId: 'doc' });
		mocked.submitFeed.mockResolvedValueOnce({ feedId: '43', feedDocumentId: 'doc2' });
		const usOrder = { itemIndex: 3, prepared: { amazonOrderId: '333-3333333-3333333', marketplaceId: 'ATVPDKIKX0DER' } };
		const context = mockContext({ parameters: { waitForResult: false } });
		const results = await runOrderFeed(context, {
			feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
			entries: [...entries, usOrder],
			build,
		});
		expect(build).toHaveBeenCalledWith('A1SELLER', [entries[0].prepared, usOrder.prepared]);
		expect(build).toHaveBeenCalledWith('A1SELLER', [entries[1].prepared]);
		for (const marketplaceId of ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2']) {
			expect(mocked.submitFeed).toHaveBeenCalledWith(expect.anything(), {
				feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
				marketplaceIds: [marketplaceId],
				content: '<AmazonEnvelope/>',
				contentType: 'text/xml; charset=UTF-8',
			});
		}
		expect(
			results.map((result) => [result.itemIndex, result.json?.orderId, result.json?.feedId, result.json?.marketplaceId]),
		).toEqual([
			[0, '111-1111111-1111111', '42', 'ATVPDKIKX0DER'],
			[3, '333-3333333-3333333', '42', 'ATVPDKIKX0DER'],
			[2, '222-2222222-2222222', '43', 'A2EUQ1WTGCTBG2'],
		]);
		expect(results.every((result) => result.json?.processingStatus === 'IN_QUEUE')).toBe(true);
		expect(mocked.waitForFeed).not.toHaveBeenCalled();
	});

	it('returns the status and a hint when Amazon is still processing at the deadline', async () => {
		mocked.waitForFeed.mockResolvedValue({ feedId: '42', processingStatus: 'IN_PROGRESS' });
		const context = mockContext({ parameters: { waitForResult: true, maxWaitMinutes: 1 } });
		const results = await runOrderFeed(context, { feedType: 'X', entries, build });
		expect(results[1].json).toMatchObject({ processingStatus: 'IN_PROGRESS', hint: expect.stringContaining('Feed → Get Result') });
		expect(mocked.getFeedResult).not.toHaveBeenCalled();
	});

	it('maps the processing report onto the entries', async () => {
		mocked.waitForFeed.mockResolvedValue({ feedId: '42', processingStatus: 'DONE', resultFeedDocumentId: 'r' });
		mocked.getFeedResult.mockResolvedValue({
			messages: [{ messageId: 2, resultCode: 'Error', code: '18028', description: 'not found' }],
		});
		const sameMarketplace = entries.map((entry) => ({ ...entry, prepared: { ...entry.prepared, marketplaceId: 'ATVPDKIKX0DER' } }));
		const results = await runOrderFeed(mockContext(), { feedType: 'X', entries: sameMarketplace, build });
		expect(results.map((result) => result.json?.success)).toEqual([true, false]);
		expect(results[1].json?.messages).toEqual([{ resultCode: 'Error', code: '18028', description: 'not found' }]);
	});

	it('sends nothing when the credential has no seller ID', async () => {
		mocked.getSpApiClient.mockResolvedValue({ client: { clock }, account: { region: 'na' } });
		await expect(runOrderFeed(mockContext(), { feedType: 'X', entries, build })).rejects.toThrow(
			/^Seller ID: .*\[item 0\]$/,
		);
		expect(mocked.submitFeed).not.toHaveBeenCalled();
	});
});

describe('runOrderFeed after submission', () => {
	it('never fails the items once the feed is submitted, so it is not sent twice', async () => {
		mocked.waitForFeed.mockRejectedValue(new Error('HTTP 503'));
		const results = await runOrderFeed(mockContext(), { feedType: 'X', entries, build });
		expect(results.every((result) => !result.error)).toBe(true);
		expect(results[0].json).toMatchObject({
			feedId: '42',
			processingStatus: 'UNKNOWN',
			hint: expect.stringContaining('Do not submit it again'),
		});
	});
});
