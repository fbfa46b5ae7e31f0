import { isLocalRateLimitRefusal } from './errors';
import type { Budget, OperationCall, SpApiRequester } from '../types';

/**
 * Where the next-page token is and how it is sent back:
 * - `v0`: `payload.NextToken` → query `NextToken` (other parameters repeated), Orders v0 and other v0 APIs.
 * - `nextTokenOnly`: `nextToken` → query `nextToken` as the ONLY parameter (Feeds/Reports 2021-06-30 getFeeds/getReports).
 * - `v2026`: `pagination.nextToken` → query `paginationToken` (Orders 2026-01-01 searchOrders).
 * - `vendor`: `payload.pagination.nextToken` → query `nextToken` (Vendor Orders v1 and other wrapped vendor APIs).
 * - `vendorDirect`: `pagination.nextToken` → query `nextToken` (Vendor Direct Fulfillment 2021-12-28).
 */
export type PaginationStyle = 'v0' | 'nextTokenOnly' | 'v2026' | 'vendor' | 'vendorDirect';

/** Marks a page the local limiter refused to wait for (nothing was sent). */
const REFUSED = Symbol('refused');

const QUERY_PARAMETER: Record<PaginationStyle, string> = {
	v0: 'NextToken',
	nextTokenOnly: 'nextToken',
	v2026: 'paginationToken',
	vendor: 'nextToken',
	vendorDirect: 'nextToken',
};

function field(value: unknown, name: string): unknown {
	return value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

function asToken(value: unknown): string | undefined {
	return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The next-page token of a response body, wrapped in `payload` or already unwrapped. */
export function extractNextToken(style: PaginationStyle, data: unknown): string | undefined {
	const payload = field(data, 'payload') ?? data;
	switch (style) {
		case 'v0':
			return asToken(field(payload, 'NextToken'));
		case 'nextTokenOnly':
			return asToken(field(data, 'nextToken'));
		case 'v2026':
		case 'vendorDirect':
			return asToken(field(field(data, 'pagination'), 'nextToken'));
		case 'vendor':
			return asToken(field(field(payload, 'pagination'), 'nextToken'));
	}
}

/** The call that fetches the page after `token`. */
export function nextPageCall(style: PaginationStyle, call: OperationCall, token: string): OperationCall {
	const parameter = QUERY_PARAMETER[style];
	if (style === 'nextTokenOnly') return { ...call, query: { [parameter]: token } };
	return { ...call, query: { ...call.query, [parameter]: token } };
}

export interface PaginateOptions<TItem> {
	style: PaginationStyle;
	/** The items of one page's data (after unwrapPayload when the call sets it). */
	items: (data: unknown) => TItem[];
	/** Default true. When false, stop once `limit` items were yielded. */
	returnAll?: boolean;
	limit?: number;
	budget?: Budget;
	/** Continue an earlier run from this token instead of starting with `call`'s own query. */
	resumeToken?: string;
}

export interface Page<TItem> {
	items: TItem[];
	data: unknown;
	/** 1-based. */
	pageNumber: number;
	nextToken?: string;
}

export interface PaginationResult {
	pages: number;
	items: number;
	/** The budget (deadline, maxPages, or a rate-limit wait beyond it) ended the run with pages left. */
	stoppedEarly: boolean;
	/** Token of the first page NOT fetched, when stoppedEarly; hand it to the next run as `resumeToken`. */
	resumeToken?: string;
	/** The item limit was reached (more pages or items may exist). */
	limitReached: boolean;
}

/**
 * Pages of one list operation. Iterate with `for await`; afterwards `result` tells whether the run stopped early and
 * with which token to resume. A deadline also caps every rate-limit wait, so a trigger never sleeps past it.
 */
export class Paginator<TItem> implements AsyncIterable<Page<TItem>> {
	readonly result: PaginationResult = { pages: 0, items: 0, stoppedEarly: false, limitReached: false };

	constructor(
		private readonly requester: SpApiRequester,
		private readonly call: OperationCall,
		private readonly options: PaginateOptions<TItem>,
	) {}

	async *[Symbol.asyncIterator](): AsyncIterator<Page<TItem>> {
		const { style, resumeToken } = this.options;
		const limit = this.options.returnAll === false ? Math.max(0, this.options.limit ?? 50) : Infinity;
		let token = resumeToken;
		for (;;) {
			if (this.result.items >= limit) {
				this.result.limitReached = true;
				return;
			}
			if (this.budgetExhausted()) return this.stopEarly(token);
			const call = token ? nextPageCall(style, this.call, token) : this.call;
			const data = await this.requester
				.request({ ...call, maxWaitMs: this.maxWaitMs(call) })
				.then(
					(response) => response.data,
					(error: unknown) => {
						if (isLocalRateLimitRefusal(error)) return REFUSED;
						throw error;
					},
				);
			if (data === REFUSED) return this.stopEarly(token);
			const nextToken = extractNextToken(style, data);
			const items = this.options.items(data).slice(0, limit - this.result.items);
			this.result.pages++;
			this.result.items += items.length;
			yield { items, data, pageNumber: this.result.pages, nextToken };
			if (!nextToken) return;
			token = nextToken;
		}
	}

	/** All items (respecting returnAll/limit and the budget). */
	async collect(): Promise<TItem[]> {
		const all: TItem[] = [];
		for await (const page of this) all.push(...page.items);
		return all;
	}

	private budgetExhausted(): boolean {
		const budget = this.options.budget;
		if (!budget) return false;
		if (budget.maxPages !== undefined && this.result.pages >= budget.maxPages) return true;
		return budget.deadline !== undefined && this.requester.clock.now() >= budget.deadline;
	}

	private maxWaitMs(call: OperationCall): number | undefined {
		const deadline = this.options.budget?.deadline;
		if (deadline === undefined) return call.maxWaitMs;
		const remaining = Math.max(0, deadline - this.requester.clock.now());
		return call.maxWaitMs === undefined ? remaining : Math.min(call.maxWaitMs, remaining);
	}

	private stopEarly(token: string | undefined): void {
		this.result.stoppedEarly = true;
		this.result.resumeToken = token;
	}
}

export function paginate<TItem>(
	requester: SpApiRequester,
	call: OperationCall,
	options: PaginateOptions<TItem>,
): Paginator<TItem> {
	return new Paginator(requester, call, options);
}
