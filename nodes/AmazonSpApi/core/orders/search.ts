import type { JsonObject } from '../types';

import { paginate, type OperationCall, type SpApiRequester } from '../index';
import { normalizeV0Order, normalizeV2026Order } from './normalize';
import { V0_PII_ELEMENTS, withPiiErrors } from './pii';
import { FULFILLED_BY, statusToV2026 } from './statuses';
import type {
	NormalizedOrder,
	OrderApiVersion,
	OrderFilters,
	OrderPage,
	SearchOptions,
	SearchProgress,
	TriState,
} from './types';
import { normalizeDateFilters, resolveMarketplaceIds } from './validate';

export const V0_ORDERS_PATH = '/orders/v0/orders';
export const V2026_ORDERS_PATH = '/orders/2026-01-01/orders';

/** v2026 datasets always requested: status and channel live in FULFILLMENT, totals and taxes in PROCEEDS. */
const V2026_BASE_DATA = ['FULFILLMENT', 'PROCEEDS'];
const V2026_PII_DATA = ['BUYER', 'RECIPIENT'];

export function v2026IncludedData(includePii: boolean): string[] {
	return includePii ? [...V2026_BASE_DATA, ...V2026_PII_DATA] : V2026_BASE_DATA;
}

function matchesTriState(setting: TriState, value: boolean): boolean {
	return setting === 'include' || (setting === 'only') === value;
}

/** Filters Amazon cannot apply server-side (Prime, business; v2026 has no InvoiceUnconfirmed), re-checked locally. */
export function matchesFilters(order: NormalizedOrder, filters: OrderFilters): boolean {
	return (
		matchesTriState(filters.prime, order.isPrime) &&
		matchesTriState(filters.business, order.isBusiness) &&
		(!filters.fulfillmentChannels.length || filters.fulfillmentChannels.includes(order.fulfillmentChannel)) &&
		(!filters.statuses.length || filters.statuses.includes(order.status))
	);
}

function pageSize(options: SearchOptions): number {
	const wanted = options.limit === undefined ? 100 : Math.min(options.limit, 100);
	return Math.max(1, Math.min(options.pageSize ?? wanted, 100));
}

/** The first-page call of a search; the filters must already be validated (see prepareFilters). */
export function buildSearchCall(
	version: OrderApiVersion,
	filters: OrderFilters,
	options: SearchOptions,
): OperationCall {
	const channels = filters.fulfillmentChannels.length === 1 ? filters.fulfillmentChannels : [];
	if (version === 'v2026') {
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
				fulfillmentStatuses: statuses.length === filters.statuses.length && statuses.length ? statuses : undefined,
				fulfilledBy: channels.length ? channels.map((channel) => FULFILLED_BY[channel]) : undefined,
				includedData: v2026IncludedData(options.includePii),
				maxResultsPerPage: pageSize(options),
			},
		};
	}
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
			MaxResultsPerPage: pageSize(options),
		},
	};
}

/** Marketplaces resolved to IDs of the client's region and dates clamped to now − 2 min; throws before any call. */
export function prepareFilters(client: SpApiRequester, filters: OrderFilters): OrderFilters {
	const now = client.clock.now();
	const marketplaceIds = resolveMarketplaceIds(filters.marketplaceIds, client.region, undefined);
	return normalizeDateFilters({ ...filters, marketplaceIds }, now);
}

function ordersOf(version: OrderApiVersion, data: unknown): NormalizedOrder[] {
	const body = (data ?? {}) as JsonObject;
	if (version === 'v2026') return ((body.orders as JsonObject[]) ?? []).map((order) => normalizeV2026Order(order));
	return ((body.Orders as JsonObject[]) ?? []).map((order) => normalizeV0Order(order));
}

/**
 * Order search as pages (`for await (const page of searchOrders(...))`). Validation happens before the first call.
 * After the loop, `progress` says whether the budget stopped it and where to resume.
 */
export class OrderSearch implements AsyncIterable<OrderPage> {
	readonly progress: SearchProgress = { pages: 0, orders: 0, stoppedEarly: false, limitReached: false };
	private readonly filters: OrderFilters;

	constructor(
		private readonly client: SpApiRequester,
		private readonly version: OrderApiVersion,
		filters: OrderFilters,
		private readonly options: SearchOptions,
	) {
		this.filters = prepareFilters(client, filters);
		this.progress.lastUpdatedBefore = this.filters.lastUpdatedBefore;
		this.progress.createdBefore = this.filters.createdBefore;
	}

	async *[Symbol.asyncIterator](): AsyncIterator<OrderPage> {
		const { includePii } = this.options;
		const call = { ...buildSearchCall(this.version, this.filters, this.options), maxWaitMs: this.options.maxWaitMs };
		if (this.version === 'v0' && includePii) {
			call.restrictedDataToken = await withPiiErrors(true, async () =>
				await this.client.restrictedDataToken([
					{ method: 'GET', path: V0_ORDERS_PATH, dataElements: V0_PII_ELEMENTS },
				]),
			);
		}
		const pager = paginate(this.client, call, {
			style: this.version === 'v2026' ? 'v2026' : 'v0',
			items: (data) => ordersOf(this.version, data),
			budget: this.options.budget,
			resumeToken: this.options.resumeToken,
		});
		const iterator = pager[Symbol.asyncIterator]();
		let pageToken = this.options.resumeToken;
		for (;;) {
			const next = await withPiiErrors(includePii, async () => await iterator.next());
			if (next.done) break;
			const page = next.value;
			const wanted = page.items.filter((order) => matchesFilters(order, this.filters)).slice(0, this.remaining());
			const { orders, complete } = await this.withItems(wanted);
			const firstMissing = complete ? undefined : wanted[orders.length];
			const scanned = firstMissing ? page.items.slice(0, page.items.indexOf(firstMissing)) : page.items;
			this.progress.pages++;
			this.progress.orders += orders.length;
			yield { orders, scanned, pageToken, nextToken: page.nextToken, truncated: !complete };
			if (!complete) {
				this.progress.stoppedEarly = true;
				this.progress.resumeToken = pageToken;
				return;
			}
			if (this.remaining() <= 0) {
				this.progress.limitReached = !!page.nextToken || wanted.length < page.items.length;
				return;
			}
			pageToken = page.nextToken;
		}
		this.progress.stoppedEarly = pager.result.stoppedEarly;
		this.progress.resumeToken = pager.result.resumeToken;
	}

	/** Every order of all pages (within limit and budget). */
	async collect(): Promise<NormalizedOrder[]> {
		const all: NormalizedOrder[] = [];
		for await (const page of this) all.push(...page.orders);
		return all;
	}

	private remaining(): number {
		return this.options.limit === undefined ? Infinity : this.options.limit - this.progress.orders;
	}

	/** v0 only: one getOrderItems per order; stops at the budget with the complete prefix. */
	private async withItems(orders: NormalizedOrder[]): Promise<{ orders: NormalizedOrder[]; complete: boolean }> {
		if (this.version !== 'v0' || !this.options.includeItems) return { orders, complete: true };
		const enriched: NormalizedOrder[] = [];
		for (const order of orders) {
			const items = await fetchV0Items(this.client, order.orderId, this.options);
			if (!items) return { orders: enriched, complete: false };
			enriched.push(normalizeV0Order(order.raw, items));
		}
		return { orders: enriched, complete: true };
	}
}

/** All items of one v0 order, or undefined when the budget stopped the paging. */
export async function fetchV0Items(
	client: SpApiRequester,
	orderId: string,
	options: Pick<SearchOptions, 'budget' | 'maxWaitMs'> = {},
): Promise<JsonObject[] | undefined> {
	const pager = paginate(
		client,
		{
			operation: 'ordersV0.getOrderItems',
			method: 'GET',
			path: `${V0_ORDERS_PATH}/${encodeURIComponent(orderId)}/orderItems`,
			unwrapPayload: true,
			maxWaitMs: options.maxWaitMs,
		},
		{
			style: 'v0',
			items: (data) => ((data as JsonObject)?.OrderItems as JsonObject[]) ?? [],
			budget: options.budget,
		},
	);
	const items = await pager.collect();
	return pager.result.stoppedEarly ? undefined : items;
}

export function searchOrders(
	client: SpApiRequester,
	version: OrderApiVersion,
	filters: OrderFilters,
	options: SearchOptions,
): OrderSearch {
	return new OrderSearch(client, version, filters, options);
}
