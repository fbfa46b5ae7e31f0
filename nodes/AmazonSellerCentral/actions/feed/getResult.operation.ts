import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getFeed, getFeedResult, isTerminalProcessingStatus } from '../../../AmazonSpApi/core/feeds/feeds';
import { sellerClient } from '../common/client';
import { feedIdDescription, prepareFeedId } from './common';

export const description = feedIdDescription('getResult');

export const prepare = prepareFeedId;

/** Status plus, once Amazon has finished, the parsed processing report (Amazon's own messages). */
export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	feedId: string,
): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	const feed = await getFeed(client, feedId);
	if (!isTerminalProcessingStatus(feed.processingStatus)) {
		return { ...feed, summary: null, messages: [] };
	}
	const result = await getFeedResult(client, feed);
	const errors = result.messages.filter((message) => message.resultCode.toLowerCase() === 'error');
	return {
		...feed,
		success: feed.processingStatus === 'DONE' && errors.length === 0,
		summary: { ...result.summary },
		messages: result.messages.map((message) => ({ ...message })),
		...(result.fatalReason ? { fatalReason: result.fatalReason } : {}),
	};
}
