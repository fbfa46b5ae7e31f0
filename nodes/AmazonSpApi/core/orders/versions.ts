import type { JsonObject } from '../types';

import {
	paginate,
	type Budget,
	type OperationCall,
	type PaginationStyle,
	type RestrictedResource,
	type SpApiRequester,
} from '../index';
import { normalizeV0Order, normalizeV2026Order } from './normalize';
import { FULFILLED_BY, statusToV2026 } from './statuses';
import type { NormalizedOrder, OrderApiVersion, OrderFilters } from './types';

export const V0_ORDERS_PATH = '/orders/v0/orders';
export const V2026_ORDERS_PATH = '/orders/2026-01-01/orders';

/** v0 Restricted Data Token resources for order reads with buyer data and address. */
export const V0_PII_ELEMENTS = ['buyerInfo', 'shippingAddress'];

/** v2026 datasets always requested: status and channel live in FULFILLMENT, totals and taxes in PROCEEDS. */
const V2026_BASE_DATA = ['FULFILLMENT', 'PROCEEDS'];
const V2026_PII_DATA = ['BUYER', 'RECIPIENT'];

export function v2026IncludedData(includePii: boolean): string[] {
	return includePii ? [...V2026_BASE_DATA, ...V2026_PII_DATA] : V2026_BASE_DATA;
}

/** Everything that differs between the Orders API versions, in one place per version. */
export interface OrdersApi {
	readonly version: OrderApiVersion;
	readonly pagingStyle: PaginationStyle;
	/** Whether an order's items take a call of their own (v0 getOrderItems); v2026 embeds them in the order. */
	readonly itemsNeedCalls: boolean;
	/** First-page search call; the filters must already be validated. */
	searchCall(filters: OrderFilters, pageSize: number, includePii: boolean): OperationCall;
	/** The orders of one search page. */
	parsePage(data: unknown): NormalizedOrder[];
	getOrderCall(orderId: string, includePii: boolean): OperationCall;
	parseOrder(data: unknown): NormalizedOrder;
	/** Restricted Data Token resources for buyer data on `path`; undefined when the version needs none. */
	piiResources(path: string): RestrictedResource[] | undefined;
}

const body = (data: unknown): JsonObject => (data ?? {}) as JsonObject;
const orderPath = (root: string, orderId: string) => `${root}/${encodeURIComponent(orderId)}`;

const v2026: OrdersApi = {
	version: 'v2026',
	pagingStyle: 'v2026',
	itemsNeedCalls: false,
	searchCall(filters, pageSize, includePii) {
		const channels = filters.fulfillmentChannels.length === 1 ? filters.fulfillmentChannels : [];
		const statuses = filters.statuses.map(statusToV2026).filter((status): status is string => !!status);
		return {
			operation: 'orders.searchOrders',
			method: 'GET',
			path: V2026_ORDERS_PATH,
			query: {
				marketplaceIds: filters.marketplaceIds,
				createdAfter: filters.createdAfter,
				createdBefore: filters.createdBefore,
				lastUpdatedAfter: filters.lastUpdatedAfter,
				lastUpdatedBefore: filters.lastUpdatedBefore,
				// A status without a v2026 equivalent (InvoiceUnconfirmed) is filtered locally instead.
				fulfillmentStatuses: statuses.length === filters.statuses.length && statuses.length ? statuses : undefined,
				fulfilledBy: channels.length ? channels.map((channel) => FULFILLED_BY[channel]) : undefined,
				includedData: v2026IncludedData(includePii),
				maxResultsPerPage: pageSize,
			},
		};
	},
	parsePage: (data) => ((body(data).orders as JsonObject[]) ?? []).map((order) => normalizeV2026Order(order)),
	getOrderCall: (orderId, includePii) => ({
		operation: 'orders.getOrder',
		method: 'GET',
		path: orderPath(V2026_ORDERS_PATH, orderId),
		query: { includedData: v2026IncludedData(includePii) },
	}),
	parseOrder: (data) => normalizeV2026Order(body(body(data).order)),
	piiResources: () => undefined,
};

const v0: OrdersApi = {
	version: 'v0',
	pagingStyle: 'v0',
	itemsNeedCalls: true,
	searchCall(filters, pageSize) {
		const channels = filters.fulfillmentChannels.length === 1 ? filters.fulfillmentChannels : [];
		return {
			operation: 'ordersV0.getOrders',
			method: 'GET',
			path: V0_ORDERS_PATH,
			unwrapPayload: true,
			query: {
				MarketplaceIds: filters.marketplaceIds,
				CreatedAfter: filters.createdAfter,
				CreatedBefore: filters.createdBefore,
				LastUpdatedAfter: filters.lastUpdatedAfter,
				LastUpdatedBefore: filters.lastUpdatedBefore,
				OrderStatuses: filters.statuses.length ? filters.statuses : undefined,
				FulfillmentChannels: channels.length ? channels : undefined,
				MaxResultsPerPage: pageSize,
			},
		};
	},
	parsePage: (data) => ((body(data).Orders as JsonObject[]) ?? []).map((order) => normalizeV0Order(order)),
	getOrderCall: (orderId) => ({
		operation: 'ordersV0.getOrder',
		method: 'GET',
		path: orderPath(V0_ORDERS_PATH, orderId),
		unwrapPayload: true,
	}),
	parseOrder: (data) => normalizeV0Order(body(data)),
	piiResources: (path) => [{ method: 'GET', path, dataElements: V0_PII_ELEMENTS }],
};

const APIS: Record<OrderApiVersion, OrdersApi> = { v2026, v0 };

export function ordersApi(version: OrderApiVersion): OrdersApi {
	return APIS[version];
}

/** All items of one v0 order, or undefined when the budget stopped the paging. */
export async function fetchV0Items(
	client: SpApiRequester,
	orderId: string,
	options: { budget?: Budget; maxWaitMs?: number } = {},
): Promise<JsonObject[] | undefined> {
	const pager = paginate(
		client,
		{
			operation: 'ordersV0.getOrderItems',
			method: 'GET',
			path: `${orderPath(V0_ORDERS_PATH, orderId)}/orderItems`,
			unwrapPayload: true,
			maxWaitMs: options.maxWaitMs,
		},
		{ style: 'v0', items: (data) => (body(data).OrderItems as JsonObject[]) ?? [], budget: options.budget },
	);
	const items = await pager.collect();
	return pager.result.stoppedEarly ? undefined : items;
}

/**
 * The order with its items: as is where the version embeds them, else with one getOrderItems (v0). Undefined when
 * the budget ran out first. The one place items are fetched for search results (Get Many and the trigger).
 */
export async function withOrderItems(
	client: SpApiRequester,
	order: NormalizedOrder,
	options: { budget?: Budget; maxWaitMs?: number } = {},
): Promise<NormalizedOrder | undefined> {
	if (!ordersApi(order.version).itemsNeedCalls) return order;
	const items = await fetchV0Items(client, order.orderId, options);
	return items && normalizeV0Order(order.raw, items);
}
