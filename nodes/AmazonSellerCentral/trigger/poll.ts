import type { SpApiClient } from '../../AmazonSpApi/core';
import { SpApiInputError } from '../../AmazonSpApi/core';
import { fetchV0Items, matchesFilters, searchOrders } from '../../AmazonSpApi/core/orders/search';
import { normalizeV0Order } from '../../AmazonSpApi/core/orders/normalize';
import { SAFE_LAG_MS } from '../../AmazonSpApi/core/orders/validate';
import type { NormalizedOrder, OrderFilters, OrderPage } from '../../AmazonSpApi/core/orders/types';
import { queryStatuses, type TriggerSettings } from './settings';
import { classifyOrder, recordOrder } from './events';
import {
	advanceCursor,
	advanceSettled,
	cloneState,
	createState,
	isAscending,
	knownBetween,
	pruneKnown,
	RESUME_TOKEN_TTL_MS,
	settleWindowEnd,
	type TriggerState,
} from '../../AmazonSpApi/n8n/triggerState';

const DAY_MS = 24 * 3600 * 1000;
export const PAGE_SIZE = 100;
/** Below this many already-handled orders to re-read, one query covers the late-indexing check and new orders. */
const COMBINE_BELOW = PAGE_SIZE / 2;

export interface PollOutcome {
	orders: NormalizedOrder[];
	state: TriggerState;
	/** More work was waiting when the poll had to stop (deadline or rate limit). */
	backlog: boolean;
	/** A call failed after the poll had made progress: what was done is kept, the next poll retries. */
	error?: unknown;
}

/** State for a trigger without one. `seedOnly` = production "only after activation": save it and report nothing yet. */
export function initialState(settings: TriggerSettings, now: number): { state: TriggerState; seedOnly: boolean } {
	if (settings.importFrom === 'date') {
		const date = Date.parse(settings.importDate ?? '');
		if (Number.isNaN(date)) {
			throw new SpApiInputError('importDate', 'Import Orders From is "A Date" but no valid date is set', 'Set the date.');
		}
		return { state: createState(date, date), seedOnly: false };
	}
	if (settings.importFrom === 'last90Days') {
		const from = now - 90 * DAY_MS;
		return { state: createState(from, from), seedOnly: false };
	}
	// Amazon's dates have whole seconds: an order bought in the activation second counts as after activation.
	const activationSecond = Math.floor(now / 1000) * 1000;
	return { state: createState(now - SAFE_LAG_MS, activationSecond), seedOnly: true };
}

export function windowFilters(settings: TriggerSettings, after: string, before: string): OrderFilters {
	return {
		...settings.filters,
		statuses: queryStatuses(settings),
		createdAfter: undefined,
		createdBefore: undefined,
		lastUpdatedAfter: after,
		lastUpdatedBefore: before,
	};
}

/** One page of a window query (no items: they are fetched only for orders that are emitted). */
export async function firstPage(
	client: SpApiClient,
	settings: TriggerSettings,
	filters: OrderFilters,
	deadline: number,
	resumeToken?: string,
): Promise<OrderPage | undefined> {
	const search = searchOrders(client, settings.version, filters, {
		includeItems: false,
		includePii: settings.includePii,
		budget: { deadline, maxPages: 1 },
		resumeToken,
		pageSize: PAGE_SIZE,
	});
	for await (const page of search) return page;
	return undefined;
}

/** v0 only: items for an order about to be emitted; undefined when the budget ran out. */
export async function completeOrder(
	client: SpApiClient,
	settings: TriggerSettings,
	order: NormalizedOrder,
	deadline: number,
): Promise<NormalizedOrder | undefined> {
	if (order.version !== 'v0' || !settings.includeItems) return order;
	const items = await fetchV0Items(client, order.orderId, { budget: { deadline } });
	return items && normalizeV0Order(order.raw, items);
}

type ScanEnd = 'complete' | 'stopped';

/** One poll's work: the state being advanced and what it emitted. */
class PollRun {
	readonly state: TriggerState;
	readonly emitted: NormalizedOrder[] = [];
	pagesRead = 0;

	constructor(
		private readonly client: SpApiClient,
		private readonly settings: TriggerSettings,
		saved: TriggerState,
		private readonly deadline: number,
	) {
		this.state = cloneState(saved);
	}

	/**
	 * Reads [after, before) in update order, keyset-paged (each page is a fresh query from the last order handled, so
	 * updates during paging shift nothing). `settles`: the read starts at the settled position, so it settles too.
	 */
	async scan(after: string, before: string, settles: boolean, token?: string): Promise<ScanEnd> {
		let from = after;
		let resumeToken = token;
		let maxScanned = from;
		let settling = settles;
		const startedAt = this.client.clock.now();
		let allSorted = true;
		const stop = (pageToken: string | undefined): ScanEnd => {
			// Keyset resumes from the cursor by itself; only a token chain needs remembering.
			this.state.resume = pageToken
				? { token: pageToken, after: from, before, settles: settling, at: this.client.clock.now() }
				: undefined;
			return 'stopped';
		};
		for (;;) {
			const readAt = this.client.clock.now();
			const filters = windowFilters(this.settings, from, before);
			const page = await firstPage(this.client, this.settings, filters, this.deadline, resumeToken);
			if (!page) return stop(resumeToken);
			this.pagesRead++;
			const sorted = isAscending(page.scanned.map((order) => order.lastUpdateDate));
			allSorted &&= sorted;
			for (const order of page.scanned) {
				if (!(await this.handle(order))) return stop(resumeToken);
				if (order.lastUpdateDate > maxScanned) maxScanned = order.lastUpdateDate;
				if (!allSorted) continue;
				advanceCursor(this.state, order.lastUpdateDate);
				if (settling) settling = advanceSettled(this.state, order.lastUpdateDate, readAt);
			}
			if (page.truncated) return stop(resumeToken);
			if (!page.nextToken) {
				// Fully read: everything visible before the window end is handled (unsorted results move only now).
				advanceCursor(this.state, before < maxScanned ? maxScanned : before);
				if (settling) advanceSettled(this.state, before, allSorted ? readAt : startedAt);
				this.state.resume = undefined;
				return 'complete';
			}
			const last = page.scanned.at(-1)?.lastUpdateDate;
			const stuck = !sorted || !last || last === page.scanned[0]?.lastUpdateDate;
			// Unsorted results or a full page sharing one timestamp: keyset cannot move on, follow Amazon's token.
			resumeToken = stuck ? page.nextToken : undefined;
			if (!stuck && last) from = last;
		}
	}

	/** Emits the order if the event says so (items fetched first on v0); false when the budget ran out. */
	private async handle(order: NormalizedOrder): Promise<boolean> {
		const emission = matchesFilters(order, this.settings.filters)
			? classifyOrder(this.state, order, this.settings)
			: null;
		if (emission) {
			const complete = await completeOrder(this.client, this.settings, order, this.deadline);
			if (!complete) return false;
			this.emitted.push(complete);
		}
		recordOrder(this.state, order, emission);
		return true;
	}
}

/**
 * One production poll; the given state is not modified (the caller stores the result).
 * - Forward: new updates from the cursor to now − 2 min, page by page, until the deadline.
 * - Late-indexing check: ranges read while younger than LATE_INDEX_MS are read once more when they are old enough.
 *   When few handled orders lie in between, both go in one query from the settled position (one call per quiet
 *   poll); otherwise the check runs only after the forward read caught up, so it never holds progress back.
 * Any page read moves a position past what it handled, so a busy account never makes a poll start over.
 */
export async function pollOrders(
	client: SpApiClient,
	settings: TriggerSettings,
	saved: TriggerState,
	deadline: number,
): Promise<PollOutcome> {
	const run = new PollRun(client, settings, saved, deadline);
	const { state } = run;
	const now = client.clock.now();
	const end = new Date(now - SAFE_LAG_MS).toISOString();
	let backlog = false;
	try {
		const resume = state.resume && now - state.resume.at < RESUME_TOKEN_TTL_MS ? state.resume : undefined;
		state.resume = undefined;
		const resumed = resume ? await run.scan(resume.after, resume.before, resume.settles, resume.token) : 'complete';
		const settleEnd = settleWindowEnd(state, now);
		const combine = settleEnd !== undefined && knownBetween(state, state.settled, state.cursor) < COMBINE_BELOW;
		const from = combine ? state.settled : state.cursor;
		const forward = resumed === 'stopped' ? 'stopped' : from < end ? await run.scan(from, end, from === state.settled) : 'complete';
		backlog = forward === 'stopped';
		const checkEnd = settleWindowEnd(state, now);
		if (forward === 'complete' && checkEnd !== undefined) {
			backlog = (await run.scan(state.settled, new Date(checkEnd).toISOString(), true)) === 'stopped';
		}
	} catch (error) {
		if (!run.pagesRead) throw error;
		pruneKnown(state);
		return { orders: run.emitted, state, backlog: true, error };
	}
	pruneKnown(state);
	state.backlog = backlog ? { at: new Date(now).toISOString(), position: state.cursor } : undefined;
	if (!state.backlog) delete state.backlog;
	return { orders: run.emitted, state, backlog };
}
