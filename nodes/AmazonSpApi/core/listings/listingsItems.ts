/**
 * Listings Items API 2021-08-01 (unwrapped responses): getListingsItem, searchListingsItems, patchListingsItem.
 * Amazon's plans: 5 requests per second for each (bursts 10 / 5 / 5); the client's limiter paces them.
 */

import { SpApiInputError } from '../http/errors';
import type { JsonObject, SpApiRequester } from '../types';
import type { ListingPatch } from './patches';

const ITEMS_PATH = '/listings/2021-08-01/items';
export const LISTING_INCLUDED_DATA = ['summaries', 'attributes', 'issues', 'offers', 'fulfillmentAvailability', 'procurement', 'relationships', 'productTypes'] as const;
export const DEFAULT_INCLUDED_DATA = ['summaries', 'offers', 'fulfillmentAvailability', 'issues'];
/** searchListingsItems returns at most 20 items per page. */
export const SEARCH_PAGE_SIZE = 20;

export interface ListingsItemIssue {
	code: string;
	message: string;
	severity: 'ERROR' | 'WARNING' | 'INFO' | string;
	attributeNames?: string[];
}

export interface PatchListingsItemResult {
	sku: string;
	status: 'ACCEPTED' | 'INVALID' | 'VALID' | string;
	submissionId: string;
	issues?: ListingsItemIssue[];
}

function segment(value: string, field: string): string {
	const text = String(value ?? '').trim();
	if (!text) throw new SpApiInputError(field, `${field} is empty`);
	return encodeURIComponent(text);
}

export async function getListingsItem(
	client: SpApiRequester,
	input: { sellerId: string; sku: string; marketplaceId: string; includedData?: readonly string[] },
): Promise<JsonObject> {
	const response = await client.request<JsonObject>({
		operation: 'listingsItems.getListingsItem',
		method: 'GET',
		path: `${ITEMS_PATH}/${segment(input.sellerId, 'sellerId')}/${segment(input.sku, 'sku')}`,
		query: { marketplaceIds: [input.marketplaceId], includedData: [...(input.includedData ?? DEFAULT_INCLUDED_DATA)] },
	});
	return response.data;
}

/** The listing's product type in the marketplace (summaries or productTypes of getListingsItem). */
export async function getListingProductType(client: SpApiRequester, input: { sellerId: string; sku: string; marketplaceId: string }): Promise<string | undefined> {
	const item = await getListingsItem(client, { ...input, includedData: ['summaries', 'productTypes'] });
	const fromSummary = (item.summaries as JsonObject[] | undefined)?.find((s) => s.marketplaceId === input.marketplaceId)?.productType;
	const fromTypes = (item.productTypes as JsonObject[] | undefined)?.find((t) => t.marketplaceId === input.marketplaceId)?.productType;
	return (fromSummary ?? fromTypes) as string | undefined;
}

export interface SearchListingsQuery {
	sellerId: string;
	marketplaceId: string;
	includedData?: readonly string[];
	/** SKUs (identifiersType SKU), up to 20. */
	skus?: string[];
	withStatus?: string[];
	sortBy?: 'sku' | 'createdDate' | 'lastUpdatedDate';
	sortOrder?: 'ASC' | 'DESC';
}

/** Pages through searchListingsItems (`pagination.nextToken` → `pageToken`) until `limit` items or the end. */
export async function searchListingsItems(client: SpApiRequester, query: SearchListingsQuery, limit = Infinity): Promise<JsonObject[]> {
	const items: JsonObject[] = [];
	let pageToken: string | undefined;
	do {
		const response = await client.request<{ items?: JsonObject[]; pagination?: { nextToken?: string } }>({
			operation: 'listingsItems.searchListingsItems',
			method: 'GET',
			path: `${ITEMS_PATH}/${segment(query.sellerId, 'sellerId')}`,
			query: {
				marketplaceIds: [query.marketplaceId],
				includedData: [...(query.includedData ?? DEFAULT_INCLUDED_DATA)],
				...(query.skus?.length ? { identifiers: query.skus, identifiersType: 'SKU' } : {}),
				...(query.withStatus?.length ? { withStatus: query.withStatus } : {}),
				...(query.sortBy ? { sortBy: query.sortBy, sortOrder: query.sortOrder ?? 'DESC' } : {}),
				pageSize: SEARCH_PAGE_SIZE,
				...(pageToken ? { pageToken } : {}),
			},
		});
		for (const item of response.data.items ?? []) {
			if (items.length >= limit) break;
			items.push(item);
		}
		pageToken = response.data.pagination?.nextToken;
	} while (pageToken && items.length < limit);
	return items;
}

/**
 * One PATCH. `VALIDATION_PREVIEW` makes Amazon validate without applying (status VALID or INVALID). A PATCH that
 * fails on the network is not re-sent (the client's default for PATCH): it may have been applied.
 */
export async function patchListingsItem(
	client: SpApiRequester,
	input: { sellerId: string; sku: string; marketplaceId: string; productType: string; patches: ListingPatch[]; validationPreview?: boolean },
): Promise<PatchListingsItemResult> {
	const response = await client.request<PatchListingsItemResult>({
		operation: 'listingsItems.patchListingsItem',
		method: 'PATCH',
		path: `${ITEMS_PATH}/${segment(input.sellerId, 'sellerId')}/${segment(input.sku, 'sku')}`,
		query: { marketplaceIds: [input.marketplaceId], ...(input.validationPreview ? { mode: 'VALIDATION_PREVIEW' } : {}) },
		body: { productType: input.productType, patches: input.patches },
	});
	return response.data;
}
