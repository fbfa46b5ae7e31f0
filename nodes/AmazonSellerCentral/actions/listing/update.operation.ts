import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	chooseMethod,
	DEFAULT_PATCH_THRESHOLD,
	getListingProductType,
	MAX_LISTINGS_FEED_MESSAGES,
	pushByFeed,
	pushByPatch,
	SubmissionWindow,
	type ComputedOffer,
	type PushMethod,
	type PushResult,
} from '../../../AmazonSpApi/core/listings';
import { assertMarketplaceInRegion, getMarketplace } from '../../../AmazonSpApi/core/marketplaces';
import { guardInput, invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';
import { toNodeError } from '../../../AmazonSpApi/n8n/session';
import { sellerClient } from '../common/client';
import { requireSellerId } from './common';
import { computeItemOffers, ROW_FIELD_LABELS } from './input';
import { notSentToJson, pushResultToJson } from './output';
import { rowProperties } from './rowProperties';
import { rulesProperty } from './rulesProperties';

const properties: INodeProperties[] = [
	...rowProperties,
	rulesProperty,
	{
		displayName: 'Send With',
		name: 'method',
		type: 'options',
		default: 'auto',
		options: [
			{ name: 'Auto', value: 'auto', description: 'One request per SKU for small sets, a listings feed above the threshold' },
			{ name: 'Listings Feed', value: 'feed', description: 'JSON_LISTINGS_FEED, up to 25,000 SKUs per feed; results when Amazon has processed it' },
			{ name: 'One Request per SKU', value: 'patch', description: 'Listings Items API PATCH, 5 SKUs per second; results at once' },
		],
		hint: 'Inventory and prices go only through the Listings Items API or JSON_LISTINGS_FEED; Amazon retired the XML and flat-file feeds',
	},
	{
		displayName: 'Options',
		name: 'pushOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Auto Threshold (SKUs)',
				name: 'autoThreshold',
				type: 'number',
				default: DEFAULT_PATCH_THRESHOLD,
				typeOptions: { minValue: 1 },
				description: 'With Auto: up to this many SKUs go one request each, more go as a listings feed',
			},
			{
				displayName: 'Feed Chunk Size',
				name: 'chunkSize',
				type: 'number',
				default: MAX_LISTINGS_FEED_MESSAGES,
				typeOptions: { minValue: 1, maxValue: MAX_LISTINGS_FEED_MESSAGES },
				description: 'SKUs per listings feed (each feed also stays under 10 MiB). Amazon allows 5 feeds per 5 minutes per region; more wait for the window.',
			},
			{
				displayName: 'Max Wait Time (Minutes)',
				name: 'maxWaitMinutes',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1, maxValue: 60 },
				description: 'How long to wait for each feed\'s processing report',
			},
			{
				displayName: 'Validation Preview',
				name: 'validationPreview',
				type: 'boolean',
				default: false,
				description: 'Whether Amazon should only validate (VALIDATION_PREVIEW) without applying anything. Uses one request per SKU.',
			},
			{
				displayName: 'Wait for Processing Result',
				name: 'waitForResult',
				type: 'boolean',
				default: true,
				description: 'Whether to wait for the listings feed\'s processing report. Off: the feed ID is returned; use Feed → Get Result later.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['listing'], operation: ['update'] } }, properties);

/** One record per n8n process: listings feeds are limited to 5 submissions per 5 minutes per region. */
const listingsFeedWindow = new SubmissionWindow();

/** Product types looked up during this execution, per SKU and marketplace. */
const productTypeCache = new WeakMap<object, Map<string, Promise<string | undefined>>>();

interface Prepared {
	offers: ComputedOffer[];
}

export function isBatch(): boolean {
	return true;
}

async function lookUpProductType(this: IExecuteFunctions, itemIndex: number, sellerId: string, offer: ComputedOffer): Promise<string> {
	let cache = productTypeCache.get(this);
	if (!cache) productTypeCache.set(this, (cache = new Map()));
	const key = `${offer.sku}|${offer.marketplaceId}`;
	let lookup = cache.get(key);
	if (!lookup) {
		const { client } = await sellerClient.call(this);
		lookup = getListingProductType(client, { sellerId, sku: offer.sku, marketplaceId: offer.marketplaceId }).catch((error) => {
			if ((error as { status?: number }).status === 404) return undefined;
			throw toNodeError(this.getNode(), error, itemIndex);
		});
		cache.set(key, lookup);
	}
	const productType = await lookup;
	if (!productType) {
		throw invalidInput(this.getNode(), itemIndex, ROW_FIELD_LABELS.productType, `SKU ${offer.sku} has no listing in marketplace ${offer.marketplaceId} to read its product type from`, 'Check the SKU, or give the product type in More Row Fields → Product Type');
	}
	return productType;
}

/** Validates the row and the rules (and reads product types); nothing is written here. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const session = await sellerClient.call(this);
	const sellerId = requireSellerId.call(this, itemIndex, session);
	const options = this.getNodeParameter('pushOptions', itemIndex, {}) as IDataObject;
	if (options.validationPreview === true && this.getNodeParameter('method', itemIndex, 'auto') === 'feed') {
		throw invalidInput(this.getNode(), itemIndex, 'Options → Validation Preview', 'works only with one request per SKU; listings feeds have no preview', 'Set Send With to Auto or One Request per SKU, or turn off Validation Preview');
	}
	const offers = computeItemOffers.call(this, itemIndex, session.account.defaultMarketplaceId);
	const invalid = offers.find((offer) => offer.status === 'invalid');
	if (invalid) {
		const [first, ...more] = invalid.problems;
		const others = more.map((problem) => `${ROW_FIELD_LABELS[problem.field]}: ${problem.message}`).join('; ');
		throw invalidInput(this.getNode(), itemIndex, ROW_FIELD_LABELS[first.field], `${first.message}${others ? ` (also ${others})` : ''}`, 'Correct the row; nothing was sent for it');
	}
	for (const offer of offers) {
		if (offer.status !== 'ready') continue;
		guardInput(this.getNode(), itemIndex, ROW_FIELD_LABELS.marketplaceId, () => assertMarketplaceInRegion(getMarketplace(offer.marketplaceId), session.account.region));
		offer.productType ??= await lookUpProductType.call(this, itemIndex, sellerId, offer);
	}
	return { offers };
}

async function push(this: IExecuteFunctions, ready: ComputedOffer[], firstItem: number): Promise<PushResult[]> {
	const session = await sellerClient.call(this);
	const sellerId = requireSellerId.call(this, firstItem, session);
	const options = this.getNodeParameter('pushOptions', firstItem, {}) as IDataObject;
	const preview = options.validationPreview === true;
	const requested = this.getNodeParameter('method', firstItem, 'auto') as 'auto' | PushMethod;
	const method = preview ? 'patch' : chooseMethod(requested, ready.length, Number(options.autoThreshold ?? DEFAULT_PATCH_THRESHOLD));
	if (method === 'patch') return await pushByPatch(session.client, sellerId, ready, { validationPreview: preview });
	return await pushByFeed(session.client, ready, {
		sellerId,
		maxMessages: Number(options.chunkSize ?? MAX_LISTINGS_FEED_MESSAGES),
		window: listingsFeedWindow,
		waitForResult: options.waitForResult !== false,
		timeoutMs: Number(options.maxWaitMinutes ?? 10) * 60_000,
	});
}

/** Pushes every ready SKU of every item at once, then gives each item its SKUs' results (pairedItem). */
export async function executeBatch(this: IExecuteFunctions, entries: Array<PreparedItem<Prepared>>): Promise<BatchResult[]> {
	const ready = entries.flatMap((entry) => entry.prepared.offers.filter((offer) => offer.status === 'ready'));
	const results = ready.length ? await push.call(this, ready, entries[0].itemIndex) : [];
	const byOffer = new Map(results.map((result) => [result.offer, result]));
	return entries.map((entry) => ({
		itemIndex: entry.itemIndex,
		jsonItems: entry.prepared.offers.map((offer) => {
			const result = byOffer.get(offer);
			return result ? pushResultToJson(result) : notSentToJson(offer);
		}),
	}));
}
