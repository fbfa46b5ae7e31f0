import type { JsonObject } from '../types';
import { isErrorMessage, type FeedResultMessage } from './processingReports';

/** One result line of Amazon's processing report, as the parsers in processingReports.ts return it. */
export type FeedReportMessage = Pick<FeedResultMessage, 'messageId' | 'resultCode' | 'amazonOrderId' | 'amazonOrderItemCode'> &
	Partial<Pick<FeedResultMessage, 'code' | 'description'>>;

export interface ItemFeedOutcome extends JsonObject {
	success: boolean;
	messages: JsonObject[];
}

function toOutputMessage(message: FeedReportMessage): JsonObject {
	const output: JsonObject = { resultCode: message.resultCode };
	if (message.code !== undefined) output.code = message.code;
	if (message.description !== undefined) output.description = message.description;
	if (message.amazonOrderItemCode !== undefined) output.amazonOrderItemCode = message.amazonOrderItemCode;
	return output;
}

/**
 * Distributes report messages over the feed's messages: message N of the feed is the N-th entry of `count`
 * (MessageID = position, starting at 1). A message without a valid MessageID concerns the whole feed and is
 * attached to every entry.
 */
export function mapFeedMessages(count: number, messages: FeedReportMessage[]): ItemFeedOutcome[] {
	const perMessage: FeedReportMessage[][] = Array.from({ length: count }, () => []);
	const feedWide: FeedReportMessage[] = [];
	for (const message of messages) {
		const id = Number(message.messageId);
		if (Number.isInteger(id) && id >= 1 && id <= count) perMessage[id - 1].push(message);
		else feedWide.push(message);
	}
	return perMessage.map((own) => {
		const all = [...own, ...feedWide];
		return { success: !all.some(isErrorMessage), messages: all.map(toOutputMessage) };
	});
}

/** Outcome for every entry when Amazon did not process the feed (FATAL / CANCELLED). */
export function failedFeedOutcome(count: number, status: string, messages: FeedReportMessage[]): ItemFeedOutcome[] {
	const outcomes = mapFeedMessages(count, messages);
	return outcomes.map((outcome) => ({
		success: false,
		messages: outcome.messages.length
			? outcome.messages
			: [{ resultCode: 'Error', description: `Amazon ended the feed with status ${status} without a processing report` }],
	}));
}
