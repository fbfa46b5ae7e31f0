import { SpApiInputError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { getFeedResult, getFeeds, MAX_FEED_BYTES, submitFeed, waitForFeed, type Feed } from '../../../nodes/AmazonSpApi/core/feeds/feeds';
import type { OperationCall } from '../../../nodes/AmazonSpApi/core/types';
import { gzipBytes, ScriptedRequester, textResponse } from './scriptedRequester';

const UPLOAD_URL = 'https://s3.example/upload?sig=1';
const RESULT_URL = 'https://s3.example/result?sig=2';
const CONTENT_TYPE = 'text/xml; charset=UTF-8';

function feed(processingStatus: string, extra: Partial<Feed> = {}): Feed {
	return { feedId: 'F1', feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', createdTime: '2026-01-01T00:00:00Z', processingStatus, ...extra };
}

describe('submitFeed', () => {
	it('creates the document, uploads with the same Content-Type, then creates the feed without retries', async () => {
		const client = new ScriptedRequester(
			{
				'feeds.createFeedDocument': () => ({ feedDocumentId: 'DOC1', url: UPLOAD_URL }),
				'feeds.createFeed': () => ({ feedId: 'F1' }),
			},
			{ [UPLOAD_URL]: () => textResponse('') },
		);
		const result = await submitFeed(client, {
			feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
			marketplaceIds: ['A1PA6795UKMFR9'],
			content: '<AmazonEnvelope/>',
			contentType: CONTENT_TYPE,
			feedOptions: { key: 'value' },
		});
		expect(result).toEqual({ feedId: 'F1', feedDocumentId: 'DOC1' });
		expect(client.operationsCalled()).toEqual(['feeds.createFeedDocument', 'feeds.createFeed']);
		expect(client.calls[0]).toMatchObject({ method: 'POST', path: '/feeds/2021-06-30/documents', body: { contentType: CONTENT_TYPE } });
		expect(client.transfers[0]).toMatchObject({ method: 'PUT', url: UPLOAD_URL, headers: { 'content-type': CONTENT_TYPE } });
		expect(new TextDecoder().decode(client.transfers[0].body as Uint8Array)).toBe('<AmazonEnvelope/>');
		expect(client.calls[1]).toMatchObject({
			method: 'POST',
			path: '/feeds/2021-06-30/feeds',
			idempotent: false,
			body: {
				feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
				marketplaceIds: ['A1PA6795UKMFR9'],
				inputFeedDocumentId: 'DOC1',
				feedOptions: { key: 'value' },
			},
		});
	});

	it('refuses documents over 10 MiB before calling Amazon', async () => {
		const client = new ScriptedRequester({});
		const input = { feedType: 'X', marketplaceIds: ['M'], content: new Uint8Array(MAX_FEED_BYTES + 1), contentType: 'text/plain' };
		await expect(submitFeed(client, input)).rejects.toThrow('at most 10 MiB');
		await expect(submitFeed(client, { ...input, marketplaceIds: [] })).rejects.toBeInstanceOf(SpApiInputError);
		expect(client.calls).toHaveLength(0);
	});

	it('does not create the feed when the upload fails', async () => {
		const client = new ScriptedRequester(
			{ 'feeds.createFeedDocument': () => ({ feedDocumentId: 'DOC1', url: UPLOAD_URL }) },
			{ [UPLOAD_URL]: () => textResponse('SignatureDoesNotMatch', 'application/xml', 403) },
		);
		await expect(
			submitFeed(client, { feedType: 'X', marketplaceIds: ['M'], content: 'x', contentType: 'text/plain' }),
		).rejects.toThrow('HTTP 403');
		expect(client.operationsCalled()).toEqual(['feeds.createFeedDocument']);
	});
});

describe('waitForFeed', () => {
	it('polls with the client clock until a terminal status', async () => {
		const statuses = ['IN_QUEUE', 'IN_PROGRESS', 'DONE'];
		const client = new ScriptedRequester({ 'feeds.getFeed': () => feed(statuses.shift() ?? 'DONE', { resultFeedDocumentId: 'R1' }) });
		const result = await waitForFeed(client, 'F1', { timeoutMs: 60_000, pollIntervalMs: 10_000 });
		expect(result.processingStatus).toBe('DONE');
		expect(client.clock.sleeps).toEqual([10_000, 10_000]);
		expect(client.calls[0]).toMatchObject({ method: 'GET', path: '/feeds/2021-06-30/feeds/F1' });
	});

	it('returns the last status at the timeout instead of throwing', async () => {
		const client = new ScriptedRequester({ 'feeds.getFeed': () => feed('IN_PROGRESS') });
		const result = await waitForFeed(client, 'F1', { timeoutMs: 25_000, pollIntervalMs: 10_000 });
		expect(result.processingStatus).toBe('IN_PROGRESS');
		expect(client.clock.sleeps).toEqual([10_000, 10_000, 5_000]);
		expect(client.calls).toHaveLength(4);
	});
});

describe('getFeedResult', () => {
	const resultClient = async (body: string, contentType = 'text/xml; charset=UTF-8') =>
		new ScriptedRequester(
			{ 'feeds.getFeedDocument': () => ({ feedDocumentId: 'R1', url: RESULT_URL, compressionAlgorithm: 'GZIP' }) },
			{ [RESULT_URL]: async () => textResponse(await gzipBytes(body), contentType) },
		);

	it('downloads and parses the processing report', async () => {
		const report =
			'<AmazonEnvelope><Message><ProcessingReport><ProcessingSummary><MessagesProcessed>1</MessagesProcessed>' +
			'<MessagesSuccessful>1</MessagesSuccessful><MessagesWithError>0</MessagesWithError>' +
			'<MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary></ProcessingReport></Message></AmazonEnvelope>';
		const client = await resultClient(report);
		const result = await getFeedResult(client, feed('DONE', { resultFeedDocumentId: 'R1' }));
		expect(result).toEqual({
			feedId: 'F1',
			processingStatus: 'DONE',
			resultFeedDocumentId: 'R1',
			format: 'xml',
			summary: { processed: 1, successful: 1, withError: 0, withWarning: 0 },
			messages: [],
		});
		expect(client.calls[0]).toMatchObject({ operation: 'feeds.getFeedDocument', path: '/feeds/2021-06-30/documents/R1' });
	});

	it('surfaces the reason document of a FATAL feed', async () => {
		const client = await resultClient('The feed type is retired. Use JSON_LISTINGS_FEED.', 'text/plain');
		const result = await getFeedResult(client, feed('FATAL', { resultFeedDocumentId: 'R1' }));
		expect(result.fatalReason).toBe('The feed type is retired. Use JSON_LISTINGS_FEED.');
		expect(result.messages).toEqual([
			{ messageId: 0, resultCode: 'Error', code: 'FATAL', description: 'The feed type is retired. Use JSON_LISTINGS_FEED.' },
		]);
	});

	it('returns an empty report for a CANCELLED feed and refuses unfinished ones', async () => {
		const client = new ScriptedRequester({ 'feeds.getFeed': () => feed('IN_QUEUE') });
		expect(await getFeedResult(client, feed('CANCELLED'))).toMatchObject({ processingStatus: 'CANCELLED', format: 'none', messages: [] });
		await expect(getFeedResult(client, 'F1')).rejects.toThrow('still IN_QUEUE');
	});
});

describe('getFeeds', () => {
	it('sends nextToken alone', async () => {
		const queries: Array<OperationCall['query']> = [];
		const client = new ScriptedRequester({
			'feeds.getFeeds': (call) => {
				queries.push(call.query);
				return { feeds: [feed('DONE')], nextToken: 'a+b/c=' };
			},
		});
		const first = await getFeeds(client, { feedTypes: ['A', 'B'], pageSize: 10, createdSince: new Date('2026-01-01T00:00:00Z') });
		await getFeeds(client, { feedTypes: ['A'], nextToken: first.nextToken });
		expect(queries).toEqual([
			{ feedTypes: ['A', 'B'], marketplaceIds: undefined, processingStatuses: undefined, pageSize: 10, createdSince: '2026-01-01T00:00:00.000Z', createdUntil: undefined },
			{ nextToken: 'a+b/c=' },
		]);
	});
});
