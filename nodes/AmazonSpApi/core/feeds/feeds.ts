/**
 * Feeds API 2021-06-30 (unwrapped responses). Amazon's guidance: submit a given feed type at most once every
 * 20 minutes, prefer few large feeds over many tiny ones, keep each document under 10 MiB.
 */

import { downloadDocument, sniffDocumentFormat, type DocumentLocation } from '../http/documents';
import { SpApiError, SpApiInputError } from '../http/errors';
import { isTerminalProcessingStatus, pathId, pollUntilTerminal, toIsoTime, type ProcessingStatus, type WaitOptions } from '../jobs/processing';
import { parseProcessingReport, type FeedProcessingReport } from './processingReports';
import type { SpApiRequester } from '../types';

export {
	isTerminalProcessingStatus,
	pollUntilTerminal,
	toIsoTime,
	TERMINAL_PROCESSING_STATUSES,
	type ProcessingStatus,
	type WaitOptions,
} from '../jobs/processing';

const FEEDS_PATH = '/feeds/2021-06-30';
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

export interface Feed {
	feedId: string;
	feedType: string;
	marketplaceIds?: string[];
	createdTime: string;
	processingStatus: ProcessingStatus | string;
	processingStartTime?: string;
	processingEndTime?: string;
	resultFeedDocumentId?: string;
}

export interface FeedDocument extends DocumentLocation {
	feedDocumentId: string;
}

export interface SubmitFeedInput {
	feedType: string;
	marketplaceIds: string[];
	content: string | Uint8Array;
	/** Declared in createFeedDocument and sent unchanged on the upload, e.g. `text/xml; charset=UTF-8`. */
	contentType: string;
	feedOptions?: Record<string, string>;
}

export interface GetFeedsQuery {
	feedTypes?: string[];
	marketplaceIds?: string[];
	processingStatuses?: ProcessingStatus[];
	pageSize?: number;
	createdSince?: string | Date;
	createdUntil?: string | Date;
	/** When given, Amazon requires it to be the only parameter; the others are ignored. */
	nextToken?: string;
}

/** Parsed processing report plus the feed it belongs to. */
export interface FeedProcessingResult extends FeedProcessingReport {
	feedId: string;
	processingStatus: string;
	resultFeedDocumentId?: string;
	/** FATAL feeds: Amazon's reason when its document is not a processing report. */
	fatalReason?: string;
}

function encodeContent(content: string | Uint8Array): Uint8Array {
	return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

export async function createFeedDocument(client: SpApiRequester, contentType: string): Promise<FeedDocument> {
	const response = await client.request<FeedDocument>({
		operation: 'feeds.createFeedDocument',
		method: 'POST',
		path: `${FEEDS_PATH}/documents`,
		body: { contentType },
		// Safe to repeat: an unused feed document simply expires.
		idempotent: true,
	});
	return response.data;
}

/** PUT to the pre-signed URL with exactly the declared Content-Type (S3 rejects anything else). */
export async function uploadFeedContent(
	client: SpApiRequester,
	url: string,
	content: string | Uint8Array,
	contentType: string,
): Promise<void> {
	const response = await client.transfer({
		method: 'PUT',
		url,
		headers: { 'content-type': contentType },
		body: encodeContent(content),
	});
	if (response.status < 200 || response.status >= 300) {
		throw new SpApiError({
			kind: 'api',
			status: response.status,
			message: `Uploading the feed document failed with HTTP ${response.status}`,
			hint: 'The upload URL expires after 5 minutes; the feed was not created, so it is safe to submit again',
		});
	}
}

export async function createFeed(
	client: SpApiRequester,
	input: { feedType: string; marketplaceIds: string[]; inputFeedDocumentId: string; feedOptions?: Record<string, string> },
): Promise<string> {
	const response = await client.request<{ feedId: string }>({
		operation: 'feeds.createFeed',
		method: 'POST',
		path: `${FEEDS_PATH}/feeds`,
		body: input,
		// A lost 5xx answer may still have created the feed; re-sending would apply it twice.
		idempotent: false,
	});
	return response.data.feedId;
}

export async function getFeed(client: SpApiRequester, feedId: string): Promise<Feed> {
	const response = await client.request<Feed>({
		operation: 'feeds.getFeed',
		method: 'GET',
		path: `${FEEDS_PATH}/feeds/${pathId(feedId, 'feedId')}`,
	});
	return response.data;
}

export async function getFeeds(client: SpApiRequester, query: GetFeedsQuery): Promise<{ feeds: Feed[]; nextToken?: string }> {
	const response = await client.request<{ feeds?: Feed[]; nextToken?: string }>({
		operation: 'feeds.getFeeds',
		method: 'GET',
		path: `${FEEDS_PATH}/feeds`,
		query: query.nextToken
			? { nextToken: query.nextToken }
			: {
					feedTypes: query.feedTypes,
					marketplaceIds: query.marketplaceIds,
					processingStatuses: query.processingStatuses,
					pageSize: query.pageSize,
					createdSince: toIsoTime(query.createdSince),
					createdUntil: toIsoTime(query.createdUntil),
				},
	});
	return { feeds: response.data.feeds ?? [], nextToken: response.data.nextToken };
}

/** Only possible while the feed is IN_QUEUE. */
export async function cancelFeed(client: SpApiRequester, feedId: string): Promise<void> {
	await client.request({
		operation: 'feeds.cancelFeed',
		method: 'DELETE',
		path: `${FEEDS_PATH}/feeds/${pathId(feedId, 'feedId')}`,
	});
}

export async function getFeedDocument(client: SpApiRequester, feedDocumentId: string): Promise<FeedDocument> {
	const response = await client.request<FeedDocument>({
		operation: 'feeds.getFeedDocument',
		method: 'GET',
		path: `${FEEDS_PATH}/documents/${pathId(feedDocumentId, 'feedDocumentId')}`,
	});
	return response.data;
}

/**
 * createFeedDocument → upload → createFeed. The document must stay under 10 MiB, and a feed type should be
 * submitted at most once every 20 minutes (batch many messages into one feed instead).
 */
export async function submitFeed(
	client: SpApiRequester,
	input: SubmitFeedInput,
): Promise<{ feedId: string; feedDocumentId: string }> {
	if (!input.feedType?.trim()) throw new SpApiInputError('feedType', 'feedType is required');
	if (!input.marketplaceIds?.length) throw new SpApiInputError('marketplaceIds', 'At least one marketplace ID is required');
	if (!input.contentType?.trim()) throw new SpApiInputError('contentType', 'contentType is required');
	const bytes = encodeContent(input.content);
	if (bytes.length === 0) throw new SpApiInputError('content', 'The feed document is empty');
	if (bytes.length > MAX_FEED_BYTES) {
		throw new SpApiInputError(
			'content',
			`The feed document is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; Amazon accepts at most 10 MiB`,
			'Split the messages into several feeds',
		);
	}
	const document = await createFeedDocument(client, input.contentType);
	await uploadFeedContent(client, document.url, bytes, input.contentType);
	const feedId = await createFeed(client, {
		feedType: input.feedType,
		marketplaceIds: input.marketplaceIds,
		inputFeedDocumentId: document.feedDocumentId,
		...(input.feedOptions ? { feedOptions: input.feedOptions } : {}),
	});
	return { feedId, feedDocumentId: document.feedDocumentId };
}

/** Polls getFeed until DONE / CANCELLED / FATAL or the timeout; returns the last status, never throws on timeout. */
export async function waitForFeed(client: SpApiRequester, feedId: string, options: WaitOptions = {}): Promise<Feed> {
	return pollUntilTerminal(client.clock, () => getFeed(client, feedId), options);
}

const EMPTY_REPORT: FeedProcessingReport = {
	format: 'none',
	summary: { processed: 0, successful: 0, withError: 0, withWarning: 0 },
	messages: [],
};

/**
 * Downloads and parses the feed's result document (XML ProcessingReport, JSON listings report or flat-file
 * report) into one shape. A FATAL feed's document is surfaced as `fatalReason` when it is not a report.
 */
export async function getFeedResult(client: SpApiRequester, feedOrId: Feed | string): Promise<FeedProcessingResult> {
	const feed = typeof feedOrId === 'string' ? await getFeed(client, feedOrId) : feedOrId;
	const base = {
		feedId: feed.feedId,
		processingStatus: feed.processingStatus,
		resultFeedDocumentId: feed.resultFeedDocumentId,
	};
	if (!isTerminalProcessingStatus(feed.processingStatus)) {
		throw new SpApiInputError(
			'feedId',
			`Feed ${feed.feedId} is still ${feed.processingStatus}; its result is not available yet`,
			'Wait for the feed to finish (DONE, CANCELLED or FATAL) and ask again',
		);
	}
	if (!feed.resultFeedDocumentId) return { ...base, ...EMPTY_REPORT };

	const location = await getFeedDocument(client, feed.resultFeedDocumentId);
	const { text } = await downloadDocument(client, location);
	const report = parseProcessingReport(text);
	if (report || feed.processingStatus !== 'FATAL') {
		return { ...base, ...(report ?? { ...EMPTY_REPORT, format: sniffDocumentFormat(text) }) };
	}
	const reason = text.trim();
	return {
		...base,
		...EMPTY_REPORT,
		fatalReason: reason,
		messages: [{ messageId: 0, resultCode: 'Error', code: 'FATAL', description: reason }],
	};
}
