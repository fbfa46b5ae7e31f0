import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getFeed, getFeedDocument, getFeedResult, isTerminalProcessingStatus } from '../../../AmazonSpApi/core/feeds/feeds';
import { openDocument } from '../../../AmazonSpApi/core/http/documents';
import { binaryOutputFieldProperty, documentToBinary } from '../../../AmazonSpApi/n8n/documentOutput';
import { outputItems, type OutputItems } from '../../../AmazonSpApi/n8n/operations';
import { sellerClient } from '../common/client';
import { feedIdProperty, prepareFeedId, resultSummary } from './common';

export const description = updateDisplayOptions({ show: { resource: ['feed'], operation: ['getResult'] } }, [
	feedIdProperty,
	{
		displayName: 'Output',
		name: 'resultOutput',
		type: 'options',
		options: [
			{ name: 'Parsed Report', value: 'parsed', description: 'Status, summary and the messages of the processing report' },
			{ name: 'Raw Document', value: 'binary', description: "Amazon's result document as a binary file" },
		],
		default: 'parsed',
	},
	{ ...binaryOutputFieldProperty, displayOptions: { show: { resultOutput: ['binary'] } } },
] as INodeProperties[]);

export const prepare = prepareFeedId;

/** Status plus, once Amazon has finished, the processing report: parsed into items, or the raw document. */
export async function execute(this: IExecuteFunctions, itemIndex: number, feedId: string): Promise<IDataObject[] | OutputItems> {
	const { client } = await sellerClient.call(this);
	const feed = await getFeed(client, feedId);
	if (!isTerminalProcessingStatus(feed.processingStatus)) return [{ ...feed, summary: null, messages: [] }];
	if (this.getNodeParameter('resultOutput', itemIndex, 'parsed') !== 'binary' || !feed.resultFeedDocumentId) {
		return [resultSummary(feed, await getFeedResult(client, feed))];
	}
	const document = await openDocument(client, await getFeedDocument(client, feed.resultFeedDocumentId));
	const kind = /json/i.test(document.contentType) ? 'json' : /xml/i.test(document.contentType) ? 'xml' : 'txt';
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const binary = await documentToBinary(this, document, `feed-${feed.feedId}-result.${kind}`, document.contentType.split(';')[0] || 'text/plain');
	return outputItems([{ json: { ...feed }, binary: { [property]: binary } }]);
}
