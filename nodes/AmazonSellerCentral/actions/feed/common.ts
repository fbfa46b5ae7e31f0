import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getFeedResult, isTerminalProcessingStatus, type Feed, type FeedProcessingResult } from '../../../AmazonSpApi/core/feeds/feeds';
import { isErrorMessage } from '../../../AmazonSpApi/core/feeds/processingReports';
import type { SpApiClient } from '../../../AmazonSpApi/core/http/client';
import { waitForFeedResult } from '../../../AmazonSpApi/core/jobs/feedWait';
import { readRequiredString } from '../../../AmazonSpApi/n8n/parameters';

export const feedIdProperty: INodeProperties = {
	displayName: 'Feed ID',
	name: 'feedId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 50000000123',
	description: 'ID returned when the feed was submitted (feedId)',
};

/** The parameters of a Feed operation that only needs a feed ID. */
export function feedIdDescription(operation: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['feed'], operation: [operation] } }, [feedIdProperty]);
}

export async function prepareFeedId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readRequiredString.call(this, itemIndex, 'feedId', 'Feed ID', 'Enter the feedId of a submitted feed');
}

export const waitOptionsProperty: INodeProperties[] = [
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: false,
		description:
			"Whether to wait for Amazon's processing report and output one item per message. Amazon usually needs minutes (at busy times much longer); when the wait ends first, the output has the feed ID to check later with Get Result.",
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 60 },
		default: 5,
		displayOptions: { show: { waitForResult: [true] } },
		description: 'Longest time to wait for the processing report',
	},
];

export interface FeedWaitSettings {
	enabled: boolean;
	timeoutMs: number;
}

export function readWaitOptions(context: IExecuteFunctions, itemIndex: number): FeedWaitSettings {
	const enabled = context.getNodeParameter('waitForResult', itemIndex, false) as boolean;
	const minutes = context.getNodeParameter('maxWaitMinutes', itemIndex, 5) as number;
	return { enabled, timeoutMs: Math.min(Math.max(minutes, 1), 60) * 60_000 };
}

/** The feed with its report in one item: success, summary and Amazon's messages. */
export function resultSummary(feed: Feed, result: FeedProcessingResult): IDataObject {
	return {
		...feed,
		success: feed.processingStatus === 'DONE' && !result.messages.some(isErrorMessage),
		summary: { ...result.summary },
		messages: result.messages.map((message) => ({ ...message })),
		...(result.fatalReason ? { fatalReason: result.fatalReason } : {}),
	};
}

/** One item per message of the processing report (or one summary item when there are none). */
export function resultItems(feed: Feed, result: FeedProcessingResult, base: IDataObject = {}): IDataObject[] {
	const shared: IDataObject = { ...base, ...resultSummary(feed, result) };
	delete shared.messages;
	if (!result.messages.length) return [shared];
	return result.messages.map((message) => ({ ...shared, ...message, success: !isErrorMessage(message) && feed.processingStatus === 'DONE' }));
}

/**
 * Waits (bounded) for a submitted feed and returns its report as items. The feed is already with Amazon: any
 * failure from here on is reported with the feed ID instead of failing the item, which would invite a resubmission.
 */
export async function feedResultItems(client: SpApiClient, submitted: IDataObject & { feedId: string }, timeoutMs: number): Promise<IDataObject[]> {
	try {
		const feed = await waitForFeedResult(client, submitted.feedId, timeoutMs);
		if (!isTerminalProcessingStatus(feed.processingStatus)) {
			return [
				{
					...submitted,
					processingStatus: feed.processingStatus,
					hint: `Amazon is still processing the feed after ${Math.round(timeoutMs / 60_000)} min; get its result later with Feed → Get Result and feed ID ${submitted.feedId}`,
				},
			];
		}
		return resultItems(feed, await getFeedResult(client, feed), submitted);
	} catch (error) {
		return [
			{
				...submitted,
				processingStatus: 'UNKNOWN',
				hint: `The feed was submitted, but reading its result failed (${(error as Error).message}). Do not submit it again: get the result later with Feed → Get Result and feed ID ${submitted.feedId}.`,
			},
		];
	}
}
