import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertFeedTypeAccepted, defaultFeedContentType, FEED_TYPES } from '../../../AmazonSpApi/core/feeds/feedTypes';
import { MAX_FEED_BYTES, submitFeed } from '../../../AmazonSpApi/core/feeds/feeds';
import { guardInput, invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { keyValueProperty, marketplacesProperty, readKeyValues, readMarketplaceIds, readType, typeProperties } from '../../../AmazonSpApi/n8n/jobParameters';
import { sellerClient } from '../common/client';
import { feedResultItems, waitOptionsProperty, readWaitOptions, type FeedWaitSettings } from './common';

const properties: INodeProperties[] = [
	...typeProperties(
		'feedType',
		'Feed Type',
		FEED_TYPES.map(({ name, value, description }) => ({ name, value, description })),
		'JSON_LISTINGS_FEED',
		'What the feed does. The retired XML and flat-file listings feeds are refused: use Listings (JSON) or the Listing resource.',
	),
	marketplacesProperty('Marketplaces the feed applies to'),
	{
		displayName: 'Content Source',
		name: 'contentSource',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A file from an input binary field, e.g. a PDF invoice' },
			{ name: 'JSON', value: 'json', description: 'A JSON document, e.g. a listings feed' },
			{ name: 'Text', value: 'text', description: 'XML or tab-separated text typed or mapped in' },
		],
		default: 'json',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		required: true,
		displayOptions: { show: { contentSource: ['text'] } },
		description: 'The feed document, at most 10 MiB',
	},
	{
		displayName: 'JSON Content',
		name: 'jsonContent',
		type: 'json',
		default: '{\n  "header": { "sellerId": "", "version": "2.0" },\n  "messages": []\n}',
		required: true,
		displayOptions: { show: { contentSource: ['json'] } },
		description: 'The feed document, at most 10 MiB',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { contentSource: ['binary'] } },
		hint: 'The name of the input binary field holding the file',
	},
	keyValueProperty('feedOptions', 'Feed Options', 'Extra settings some feed types need, e.g. metadata:orderid for VAT invoices', 'e.g. metadata:invoicenumber'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'string',
				default: '',
				placeholder: 'e.g. text/xml; charset=UTF-8',
				description: 'Overrides the content type chosen for the feed type (JSON, XML, tab-separated text or PDF)',
			},
		],
	},
	...waitOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['feed'], operation: ['upload'] } }, properties);

interface PreparedUpload {
	feedType: string;
	marketplaceIds: string[];
	content: Uint8Array;
	contentType: string;
	feedOptions?: Record<string, string>;
	wait: FeedWaitSettings;
}

async function readContent(this: IExecuteFunctions, itemIndex: number): Promise<Uint8Array> {
	const source = this.getNodeParameter('contentSource', itemIndex, 'json') as string;
	if (source === 'binary') {
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
		const binary = this.getInputData()[itemIndex]?.binary?.[property];
		if (!binary) {
			throw invalidInput(this.getNode(), itemIndex, 'Input Binary Field', `the input item has no binary field "${property}"`, 'Enter the name of the binary field that holds the file (see the input panel)');
		}
		return new Uint8Array(await this.helpers.getBinaryDataBuffer(itemIndex, property));
	}
	let text: string;
	if (source === 'json') {
		const value = this.getNodeParameter('jsonContent', itemIndex, '') as unknown;
		text = typeof value === 'string' ? value : JSON.stringify(value);
		try {
			JSON.parse(text);
		} catch (error) {
			throw invalidInput(this.getNode(), itemIndex, 'JSON Content', `is not valid JSON (${(error as Error).message})`, 'Correct the JSON, or choose Text as the content source');
		}
	} else {
		text = String(this.getNodeParameter('content', itemIndex, '') ?? '');
	}
	if (!text.trim()) throw invalidInput(this.getNode(), itemIndex, 'Content', 'is empty', 'Enter the feed document');
	return new TextEncoder().encode(text);
}

/** Everything is read and checked here, before any feed of any item is sent. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedUpload> {
	const { account } = await sellerClient.call(this);
	const feedType = readType.call(this, itemIndex, 'feedType', 'Feed Type', 'POST_ORDER_FULFILLMENT_DATA');
	guardInput(this.getNode(), itemIndex, 'Feed Type', () => assertFeedTypeAccepted(feedType));
	const content = await readContent.call(this, itemIndex);
	if (content.length > MAX_FEED_BYTES) {
		throw invalidInput(this.getNode(), itemIndex, 'Content', `is ${(content.length / 1048576).toFixed(1)} MiB; Amazon accepts at most 10 MiB`, 'Split the messages into several feeds');
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as { contentType?: string };
	return {
		feedType,
		marketplaceIds: readMarketplaceIds.call(this, itemIndex, account),
		content,
		contentType: options.contentType?.trim() || defaultFeedContentType(feedType),
		feedOptions: readKeyValues.call(this, itemIndex, 'feedOptions', 'Feed Options'),
		wait: readWaitOptions(this, itemIndex),
	};
}

/**
 * Submits the feed once (createFeed is never retried) and, when asked, waits for the processing report: one output
 * item per message of the report, all paired with this input item.
 */
export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: PreparedUpload): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	const { wait, ...input } = prepared;
	const { feedId, feedDocumentId } = await submitFeed(client, input);
	const submitted = { feedId, feedType: input.feedType, feedDocumentId, marketplaceIds: input.marketplaceIds };
	if (!wait.enabled) return [{ ...submitted, processingStatus: 'IN_QUEUE' }];
	return await feedResultItems(client, submitted, wait.timeoutMs);
}
