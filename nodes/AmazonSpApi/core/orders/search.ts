import { paginate, type OperationCall, type SpApiRequester } from '../index';
import { withPiiErrors } from './pii';
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
import { ordersApi, V0_ORDERS_PATH, withOrderItems } from './versions';

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
	return ordersApi(version).searchCall(filters, pageSize(options), options.includePii);
}

/** Marketplaces resolved to IDs of the client's region and dates clamped to now − 2 min; throws before any call. */
export function prepareFilters(client: SpApiRequester, filters: OrderFilters): OrderFilters {
	const now = client.clock.now();
	const marketplaceIds = resolveMarketplaceIds(filters.marketplaceIds, client.region, undefined);
	return normalizeDateFilters({ ...filters, marketplaceIds }, now);
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
		const api = ordersApi(this.version);
		const call = { ...buildSearchCall(this.version, this.filters, this.options), maxWaitMs: this.options.maxWaitMs };
		const piiResources = includePii ? api.piiResources(V0_ORDERS_PATH) : undefined;
		if (piiResources) {
			call.restrictedDataToken = await withPiiErrors(true, async () => await this.client.restrictedDataToken(piiResources));
		}
		const pager = paginate(this.client, call, {
			style: api.pagingStyle,
			items: (data) => api.parsePage(data),
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

	/** Items where they take calls of their own (v0); stops at the budget with the complete prefix. */
	private async withItems(orders: NormalizedOrder[]): Promise<{ orders: NormalizedOrder[]; complete: boolean }> {
		if (!this.options.includeItems) return { orders, complete: true };
		const enriched: NormalizedOrder[] = [];
		for (const order of orders) {
			const complete = await withOrderItems(this.client, order, this.options);
			if (!complete) return { orders: enriched, complete: false };
			enriched.push(complete);
		}
		return { orders: enriched, complete: true };
	}
}

export function searchOrders(
	client: SpApiRequester,
	version: OrderApiVersion,
	filters: OrderFilters,
	options: SearchOptions,
): OrderSearch {
	return new OrderSearch(client, version, filters, options);
}
