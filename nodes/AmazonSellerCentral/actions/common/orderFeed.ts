import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getFeedResult, isTerminalProcessingStatus, submitFeed } from '../../../AmazonSpApi/core/feeds/feeds';
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

/** What every batch feed operation prepares per input item (one feed message per item). */
export interface OrderFeedEntry {
	amazonOrderId: string;
	/** Already resolved and validated marketplace ID. */
	marketplaceId: string;
}

export interface OrderFeedRequest<P extends OrderFeedEntry> {
	feedType: string;
	entries: Array<PreparedItem<P>>;
	/** Builds the feed document; message N is entries[N - 1]. */
	build: (sellerId: string, entries: P[]) => string;
}

/**
 * Submits ONE feed for all prepared items and puts the outcome back on each of them: with "Wait for Processing
 * Result" the parsed processing report (`success`, Amazon's `messages`), otherwise the feed ID and status.
 */
export async function runOrderFeed<P extends OrderFeedEntry>(
	context: IExecuteFunctions,
	request: OrderFeedRequest<P>,
): Promise<BatchResult[]> {
	const { entries } = request;
	const itemIndexes = entries.map((entry) => entry.itemIndex);
	const firstItem = itemIndexes[0];
	const { client, account } = await sellerClient.call(context);

	if (!account.sellerId) {
		throw invalidInput(
			context.getNode(),
			firstItem,
			'Seller ID',
			'the credential has no seller ID (merchant token), which order feeds must name',
			'Open the Amazon Seller Central credential and fill in the seller ID shown in Seller Central under Settings → Account Info → Merchant Token',
		);
	}

	// Every message was validated in prepare; a builder complaint here is reported on the first item.
	const content = guardInput(
		context.getNode(),
		firstItem,
		(field) => field,
		() => request.build(account.sellerId as string, entries.map((entry) => entry.prepared)),
	);

	const marketplaceIds = [...new Set(entries.map((entry) => entry.prepared.marketplaceId))];
	const { feedId } = await submitFeed(client, {
		feedType: request.feedType,
		marketplaceIds,
		content,
		contentType: XML_FEED_CONTENT_TYPE,
	});

	const output = (outcomes?: ItemFeedOutcome[], extra: IDataObject = {}): BatchResult[] =>
		entries.map((entry, position) => ({
			itemIndex: entry.itemIndex,
			json: {
				amazonOrderId: entry.prepared.amazonOrderId,
				...(outcomes ? outcomes[position] : {}),
				feedId,
				feedType: request.feedType,
				...extra,
			},
		}));

	const wait = context.getNodeParameter('waitForResult', firstItem, true) as boolean;
	if (!wait) return output(undefined, { processingStatus: 'IN_QUEUE' });

	const maxWaitMinutes = context.getNodeParameter('maxWaitMinutes', firstItem, 5) as number;
	let status: string;
	let outcomes: ItemFeedOutcome[];
	try {
		const feed = await waitForFeedResult(client, feedId, maxWaitMinutes * 60_000);
		status = String(feed.processingStatus);
		if (!isTerminalProcessingStatus(status)) {
			return output(undefined, {
				processingStatus: status,
				hint: `Amazon is still processing the feed after ${maxWaitMinutes} min; get the result later with Feed → Get Result`,
			});
		}
		const report = await getFeedResult(client, feed);
		outcomes =
			status === 'DONE'
				? mapFeedMessages(entries.length, report.messages)
				: failedFeedOutcome(entries.length, status, report.messages);
	} catch (error) {
		// The feed is already with Amazon: failing the items would invite a second submission.
		return output(undefined, {
			processingStatus: 'UNKNOWN',
			hint: `The feed was submitted, but reading its result failed (${(error as Error).message}). Do not submit it again; get the result later with Feed → Get Result.`,
		});
	}
	return output(outcomes, { processingStatus: status });
}

/** What Acknowledge and Cancel prepare: both send one POST_ORDER_ACKNOWLEDGEMENT_DATA message per order. */
export interface AcknowledgementEntry extends OrderFeedEntry {
	merchantOrderId?: string;
}

/**
 * One acknowledgement feed for all entries: `Success` acknowledges, `Failure` cancels (with a reason per item).
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
