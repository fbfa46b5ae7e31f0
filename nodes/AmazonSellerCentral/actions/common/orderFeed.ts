import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getFeedResult, isTerminalProcessingStatus, submitFeed } from '../../../AmazonSpApi/core/feeds/feeds';
import type { SpApiRequester } from '../../../AmazonSpApi/core/types';
import type { OrderAcknowledgementItem, OrderAcknowledgementMessage } from '../../../AmazonSpApi/core/orders/orderFeeds';
import {
	buildOrderAcknowledgementFeed,
	ORDER_FEED_TYPES,
	XML_FEED_CONTENT_TYPE,
} from '../../../AmazonSpApi/core/orders/orderFeeds';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';
import { sellerClient } from './client';
import { guardInput, invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { waitForFeedResult } from '../../../AmazonSpApi/core/jobs/feedWait';
import { failedFeedOutcome, mapFeedMessages, type ItemFeedOutcome } from '../../../AmazonSpApi/core/feeds/feedResults';
import { withOperationHints } from './amazonHints';

/** What every batch feed operation prepares per input item (one feed message per item). */
export interface OrderFeedEntry {
	amazonOrderId: string;
	/** The marketplace the order was placed on (read from the order). */
	marketplaceId: string;
}

export interface OrderFeedRequest<P extends OrderFeedEntry> {
	feedType: string;
	entries: Array<PreparedItem<P>>;
	/** Builds one feed document; message N is entries[N - 1]. */
	build: (sellerId: string, entries: P[]) => string;
}

interface MarketplaceFeed<P extends OrderFeedEntry> {
	marketplaceId: string;
	entries: Array<PreparedItem<P>>;
	content: string;
	feedId?: string;
	error?: Error;
}

/** Entries grouped by their order's marketplace, in input order: Amazon takes one marketplace per order feed. */
function byMarketplace<P extends OrderFeedEntry>(entries: Array<PreparedItem<P>>): Map<string, Array<PreparedItem<P>>> {
	const groups = new Map<string, Array<PreparedItem<P>>>();
	for (const entry of entries) {
		const group = groups.get(entry.prepared.marketplaceId) ?? [];
		group.push(entry);
		groups.set(entry.prepared.marketplaceId, group);
	}
	return groups;
}

function requireSellerId(context: IExecuteFunctions, sellerId: string | undefined, itemIndex: number): string {
	if (sellerId) return sellerId;
	throw invalidInput(
		context.getNode(),
		itemIndex,
		'Seller ID',
		'the credential has no seller ID (merchant token), which order feeds must name',
		'Open the Amazon Seller Central credential and fill in the seller ID shown in Seller Central under Settings → Account Info → Merchant Token',
	);
}

/**
 * Submits ONE feed per marketplace of the prepared orders and puts the outcome back on each item: with "Wait for
 * Processing Result" the parsed processing report (`success`, Amazon's `messages`), otherwise the feed ID and status.
 */
export async function runOrderFeed<P extends OrderFeedEntry>(
	context: IExecuteFunctions,
	request: OrderFeedRequest<P>,
): Promise<BatchResult[]> {
	const firstItem = request.entries[0].itemIndex;
	const { client, account } = await sellerClient.call(context);
	const sellerId = requireSellerId(context, account.sellerId, firstItem);

	// Every document is built (and checked) before the first feed goes out.
	const feeds: Array<MarketplaceFeed<P>> = [...byMarketplace(request.entries)].map(([marketplaceId, entries]) => ({
		marketplaceId,
		entries,
		content: guardInput(
			context.getNode(),
			entries[0].itemIndex,
			(field) => field,
			() => request.build(sellerId, entries.map((entry) => entry.prepared)),
		),
	}));
	for (const feed of feeds) {
		try {
			const submitted = await withOperationHints(async () =>
				await submitFeed(client, {
					feedType: request.feedType,
					marketplaceIds: [feed.marketplaceId],
					content: feed.content,
					contentType: XML_FEED_CONTENT_TYPE,
				}),
			);
			feed.feedId = submitted.feedId;
		} catch (error) {
			feed.error = error as Error;
		}
	}

	const wait = context.getNodeParameter('waitForResult', firstItem, true) as boolean;
	const maxWaitMinutes = context.getNodeParameter('maxWaitMinutes', firstItem, 5) as number;
	const deadline = client.clock.now() + maxWaitMinutes * 60_000;
	const results: BatchResult[] = [];
	for (const feed of feeds) {
		if (feed.error) {
			results.push(...feed.entries.map(({ itemIndex }) => ({ itemIndex, error: feed.error })));
			continue;
		}
		const outcome = wait
			? await feedOutcome(client, feed.feedId as string, feed.entries.length, deadline, maxWaitMinutes)
			: { extra: { processingStatus: 'IN_QUEUE' } };
		results.push(
			...feed.entries.map((entry, position) => ({
				itemIndex: entry.itemIndex,
				json: {
					orderId: entry.prepared.amazonOrderId,
					...(outcome.outcomes ? outcome.outcomes[position] : {}),
					feedId: feed.feedId,
					feedType: request.feedType,
					marketplaceId: feed.marketplaceId,
					...outcome.extra,
				},
			})),
		);
	}
	return results;
}

/** Waits for one submitted feed until the shared deadline; its report mapped onto the feed's messages. */
async function feedOutcome(
	client: SpApiRequester,
	feedId: string,
	count: number,
	deadline: number,
	maxWaitMinutes: number,
): Promise<{ outcomes?: ItemFeedOutcome[]; extra: IDataObject }> {
	try {
		const feed = await waitForFeedResult(client, feedId, Math.max(deadline - client.clock.now(), 0));
		const status = String(feed.processingStatus);
		if (!isTerminalProcessingStatus(status)) {
			return {
				extra: {
					processingStatus: status,
					hint: `Amazon is still processing the feed after ${maxWaitMinutes} min; get the result later with Feed → Get Result`,
				},
			};
		}
		const report = await getFeedResult(client, feed);
		const outcomes =
			status === 'DONE' ? mapFeedMessages(count, report.messages) : failedFeedOutcome(count, status, report.messages);
		return { outcomes, extra: { processingStatus: status } };
	} catch (error) {
		// The feed is already with Amazon: failing the items would invite a second submission.
		return {
			extra: {
				processingStatus: 'UNKNOWN',
				hint: `The feed was submitted, but reading its result failed (${(error as Error).message}). Do not submit it again; get the result later with Feed → Get Result.`,
			},
		};
	}
}

/** What Acknowledge and Cancel prepare: both send one POST_ORDER_ACKNOWLEDGEMENT_DATA message per order. */
export interface AcknowledgementEntry extends OrderFeedEntry {
	merchantOrderId?: string;
}

/**
 * One acknowledgement feed per marketplace: `Success` acknowledges, `Failure` cancels (with a reason per item).
 * `itemsOf` gives an entry's item lines; undefined means the whole order.
 */
export async function runAcknowledgementFeed<P extends AcknowledgementEntry>(
	context: IExecuteFunctions,
	entries: Array<PreparedItem<P>>,
	statusCode: OrderAcknowledgementMessage['statusCode'],
	itemsOf: (entry: P) => OrderAcknowledgementItem[] | undefined,
): Promise<BatchResult[]> {
	return await runOrderFeed(context, {
		feedType: ORDER_FEED_TYPES.acknowledgement,
		entries,
		build: (sellerId, list) =>
			buildOrderAcknowledgementFeed(
				sellerId,
				list.map((entry) => ({
					amazonOrderId: entry.amazonOrderId,
					merchantOrderId: entry.merchantOrderId,
					statusCode,
					items: itemsOf(entry),
				})),
			),
	});
}
