/**
 * Pushing ready offers to Amazon and reading back one result per SKU: PATCH (one call per SKU at Amazon's 5 per
 * second) or JSON_LISTINGS_FEED (chunked documents within the per-region submission window, then the processing
 * report's issues by messageId). Feed submissions are writes: never re-sent; a result that cannot be read is
 * reported as such with the feed ID.
 */

import { getFeedResult, isTerminalProcessingStatus, submitFeed } from '../feeds/feeds';
import type { FeedResultMessage } from '../feeds/processingReports';
import { waitForFeedResult } from '../jobs/feedWait';
import type { SpApiRequester } from '../types';
import { buildListingsFeeds, LISTINGS_FEED_CONTENT_TYPE, LISTINGS_FEED_TYPE, type ListingsFeedChunk } from './feedDocuments';
import { patchListingsItem, type ListingsItemIssue } from './listingsItems';
import { offerPatches } from './patches';
import type { ComputedOffer } from './rules';
import { SubmissionWindow } from './submissionPlan';

export type PushMethod = 'patch' | 'feed';

/** ACCEPTED / INVALID / VALID (preview) come from Amazon; SUBMITTED = feed still processing; FAILED = feed FATAL/CANCELLED; UNKNOWN = result unreadable. */
export type PushStatus = 'ACCEPTED' | 'INVALID' | 'VALID' | 'SUBMITTED' | 'FAILED' | 'UNKNOWN';

export interface PushIssue {
	severity: string;
	code: string;
	message: string;
	attributeNames?: string[];
}

export interface PushResult {
	offer: ComputedOffer;
	method: PushMethod;
	status: PushStatus;
	errors: PushIssue[];
	warnings: PushIssue[];
	submissionId?: string;
	feedId?: string;
	messageId?: number;
	processingStatus?: string;
	hint?: string;
}

/** Auto: PATCH up to this many SKUs, the feed above. */
export const DEFAULT_PATCH_THRESHOLD = 100;

export function chooseMethod(requested: 'auto' | PushMethod, count: number, threshold = DEFAULT_PATCH_THRESHOLD): PushMethod {
	if (requested !== 'auto') return requested;
	return count <= threshold ? 'patch' : 'feed';
}

function splitIssues(issues: PushIssue[]): Pick<PushResult, 'errors' | 'warnings'> {
	return {
		errors: issues.filter((issue) => issue.severity === 'ERROR'),
		warnings: issues.filter((issue) => issue.severity !== 'ERROR'),
	};
}

function fromListingsIssue(issue: ListingsItemIssue): PushIssue {
	return { severity: issue.severity, code: issue.code, message: issue.message, ...(issue.attributeNames ? { attributeNames: issue.attributeNames } : {}) };
}

/**
 * One PATCH per offer, in order. An API failure of one SKU becomes that SKU's result (status UNKNOWN when it may
 * have been applied, INVALID for a 4xx Amazon refused), so the others still go.
 */
export async function pushByPatch(
	client: SpApiRequester,
	sellerId: string,
	offers: readonly ComputedOffer[],
	options: { validationPreview?: boolean } = {},
): Promise<PushResult[]> {
	const results: PushResult[] = [];
	for (const offer of offers) {
		try {
			const answer = await patchListingsItem(client, {
				sellerId,
				sku: offer.sku,
				marketplaceId: offer.marketplaceId,
				productType: offer.productType as string,
				patches: offerPatches(offer),
				validationPreview: options.validationPreview,
			});
			results.push({
				offer,
				method: 'patch',
				status: answer.status as PushStatus,
				submissionId: answer.submissionId,
				...splitIssues((answer.issues ?? []).map(fromListingsIssue)),
			});
		} catch (error) {
			const failure = error as Error & { status?: number; code?: string };
			const refused = failure.status !== undefined && failure.status >= 400 && failure.status < 500;
			results.push({
				offer,
				method: 'patch',
				status: refused ? 'INVALID' : 'UNKNOWN',
				errors: [{ severity: 'ERROR', code: failure.code ?? String(failure.status ?? 'ERROR'), message: failure.message }],
				warnings: [],
				...(refused ? {} : { hint: 'The request failed on the way; check the listing before sending it again' }),
			});
		}
	}
	return results;
}

export interface FeedPushOptions {
	sellerId: string;
	maxMessages?: number;
	/** Process-wide submission record (5 per 5 minutes per region). */
	window: SubmissionWindow;
	/** Wait for the processing reports (default true). */
	waitForResult?: boolean;
	/** Longest wait per feed (default 10 minutes). */
	timeoutMs?: number;
}

function reportIssue(message: FeedResultMessage): PushIssue {
	return { severity: message.resultCode.toUpperCase(), code: message.code, message: message.description };
}

function submittedResults(chunk: ListingsFeedChunk, feedId: string, status: PushStatus, extra: Partial<PushResult> = {}): PushResult[] {
	return chunk.offers.map((offer, position) => ({ offer, method: 'feed', status, errors: [], warnings: [], feedId, messageId: position + 1, ...extra }));
}

async function readFeedOutcome(client: SpApiRequester, chunk: ListingsFeedChunk, feedId: string, timeoutMs: number): Promise<PushResult[]> {
	try {
		const feed = await waitForFeedResult(client, feedId, timeoutMs);
		const processingStatus = String(feed.processingStatus);
		if (!isTerminalProcessingStatus(processingStatus)) {
			return submittedResults(chunk, feedId, 'SUBMITTED', { processingStatus, hint: 'Amazon is still processing the feed; read its result later with Feed → Get Result' });
		}
		const report = await getFeedResult(client, feed);
		const perMessage = new Map<number, PushIssue[]>();
		const feedWide: PushIssue[] = [];
		for (const message of report.messages) {
			const list = message.messageId >= 1 && message.messageId <= chunk.offers.length ? (perMessage.get(message.messageId) ?? []) : feedWide;
			list.push(reportIssue(message));
			if (list !== feedWide) perMessage.set(message.messageId, list);
		}
		return chunk.offers.map((offer, position) => {
			const issues = [...(perMessage.get(position + 1) ?? []), ...feedWide];
			const split = splitIssues(issues);
			const status: PushStatus = processingStatus !== 'DONE' ? 'FAILED' : split.errors.length ? 'INVALID' : 'ACCEPTED';
			return { offer, method: 'feed', status, ...split, feedId, messageId: position + 1, processingStatus };
		});
	} catch (error) {
		return submittedResults(chunk, feedId, 'UNKNOWN', {
			hint: `The feed was submitted, but reading its result failed (${(error as Error).message}). Do not submit it again; read the result later with Feed → Get Result.`,
		});
	}
}

/** A 4xx on createFeed (or before it) created no feed: FAILED. Anything else may have created it: UNKNOWN. */
function failedSubmission(chunk: ListingsFeedChunk, error: Error & { status?: number }): PushResult[] {
	const notCreated = error.status !== undefined && error.status >= 400 && error.status < 500;
	return chunk.offers.map((offer) => ({
		offer,
		method: 'feed',
		status: notCreated ? 'FAILED' : 'UNKNOWN',
		errors: [{ severity: 'ERROR', code: String(error.status ?? 'ERROR'), message: error.message }],
		warnings: [],
		...(notCreated ? {} : { hint: 'The feed may have been created; check the recent JSON_LISTINGS_FEED feeds before sending these SKUs again' }),
	}));
}

/**
 * Builds the documents, submits them within the submission window (waiting through the client's clock when the
 * window is full), then reads every processing report. Results follow the offers' feed order.
 */
export async function pushByFeed(client: SpApiRequester, offers: readonly ComputedOffer[], options: FeedPushOptions): Promise<PushResult[]> {
	const chunks = buildListingsFeeds(offers, { sellerId: options.sellerId, maxMessages: options.maxMessages });
	const key = `${client.partnerKey}|${client.region}`;
	const submitted: Array<{ chunk: ListingsFeedChunk; feedId?: string; failure?: PushResult[] }> = [];
	for (const chunk of chunks) {
		const delay = options.window.delayFor(key, client.clock.now());
		if (delay > 0) await client.clock.sleep(delay);
		options.window.record(key, client.clock.now());
		try {
			const { feedId } = await submitFeed(client, {
				feedType: LISTINGS_FEED_TYPE,
				marketplaceIds: [chunk.marketplaceId],
				content: chunk.content,
				contentType: LISTINGS_FEED_CONTENT_TYPE,
			});
			submitted.push({ chunk, feedId });
		} catch (error) {
			submitted.push({ chunk, failure: failedSubmission(chunk, error as Error & { status?: number }) });
		}
	}
	// The feeds are processed side by side at Amazon: wait for all of them at once.
	const outcomes = await Promise.all(
		submitted.map(async ({ chunk, feedId, failure }) =>
			failure ??
			(options.waitForResult === false
				? submittedResults(chunk, feedId as string, 'SUBMITTED', { processingStatus: 'IN_QUEUE' })
				: await readFeedOutcome(client, chunk, feedId as string, options.timeoutMs ?? 10 * 60_000)),
		),
	);
	return outcomes.flat();
}
