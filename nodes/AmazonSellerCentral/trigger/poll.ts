import type { SpApiClient } from '../../AmazonSpApi/core';
import { SpApiInputError } from '../../AmazonSpApi/core';
import { searchOrders } from '../../AmazonSpApi/core/orders/search';
import { withOrderItems } from '../../AmazonSpApi/core/orders/versions';
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
	pruneKnown,
	RESUME_TOKEN_TTL_MS,
	settleWindowEnd,
	type TriggerState,
} from '../../AmazonSpApi/n8n/triggerState';

const DAY_MS = 24 * 3600 * 1000;
export const PAGE_SIZE = 100;

export interface PollOutcome {
	orders: NormalizedOrder[];
	state: TriggerState;
	/** More work was waiting when the poll had to stop (deadline or rate limit). */
	backlog: boolean;
	/** A call failed: with `progress`, what was done is kept and the next poll retries; without, the poll failed. */
	error?: unknown;
	/** At least one page was read. */
	progress: boolean;
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

/** Items for an order about to be emitted (fetched once, only for emitted orders); undefined when the budget ran out. */
export async function completeOrder(
	client: SpApiClient,
	settings: TriggerSettings,
	order: NormalizedOrder,
	deadline: number,
): Promise<NormalizedOrder | undefined> {
	return settings.includeItems ? await withOrderItems(client, order, { budget: { deadline } }) : order;
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
			// page.orders: the scanned orders that pass every filter, the client-side ones included.
			const matching = new Set(page.orders);
			for (const order of page.scanned) {
				if (!(await this.handle(order, matching.has(order)))) return stop(resumeToken);
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
			// Past the old-enough part, what lies before the cursor was read recently: skip to the cursor.
			if (!stuck && last) from = !settling && this.state.cursor > last ? this.state.cursor : last;
		}
	}

	/** Emits the order if the event says so (items fetched first on v0); false when the budget ran out. */
	private async handle(order: NormalizedOrder, matches: boolean): Promise<boolean> {
		const emission = matches ? classifyOrder(this.state, order, this.settings) : null;
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
 * Reads in update order from the settled position (when at least a minute of updates is old enough to settle) or
 * else from the cursor, to now − 2 min: the old-enough part settles (late-indexed orders are found there), then
 * the read skips what it read recently and goes on from the cursor. Every page moves a position past what it
 * handled, so a busy account never makes a poll start over; items are fetched only for orders emitted.
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
		// Old enough updates not yet read when old enough come first: reading them settles them (late-indexed ones
		// included) and emits what the fresh read missed. Otherwise straight from the cursor.
		const from = settleWindowEnd(state, now) !== undefined ? state.settled : state.cursor;
		const read = resumed === 'complete' && from < end ? await run.scan(from, end, from === state.settled) : resumed;
		// Stopped after reading: more is waiting. Stopped before any read: the rate limit's next call is beyond this
		// poll, nothing new is known (the last backlog note stays).
		backlog = read === 'stopped' && run.pagesRead > 0;
		if (read === 'complete') state.backlog = undefined;
	} catch (error) {
		pruneKnown(state);
		return { orders: run.emitted, state, backlog: true, error, progress: run.pagesRead > 0 };
	}
	pruneKnown(state);
	if (backlog) state.backlog = { at: new Date(now).toISOString(), position: state.cursor };
	if (!state.backlog) delete state.backlog;
	return { orders: run.emitted, state, backlog, progress: run.pagesRead > 0 };
}
