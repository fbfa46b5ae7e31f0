import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { SpApiClient } from '../../AmazonSpApi/core';
import { SpApiInputError } from '../../AmazonSpApi/core';
import { fetchV0Items, matchesFilters, searchOrders } from '../../AmazonSpApi/core/orders/search';
import { normalizeV0Order } from '../../AmazonSpApi/core/orders/normalize';
import { orderToJson } from '../output/simplify';
import { SAFE_LAG_MS } from '../../AmazonSpApi/core/orders/validate';
import type { NormalizedOrder, OrderFilters, OrderPage } from '../../AmazonSpApi/core/orders/types';
import { queryStatuses, type TriggerSettings } from './settings';
import {
	advanceCursor,
	classifyOrder,
	cloneState,
	createState,
	isAscending,
	pruneKnown,
	queryWindow,
	recordOrder,
	type TriggerState,
} from '../../AmazonSpApi/n8n/triggerState';

const DAY_MS = 24 * 3600 * 1000;
const PAGE_SIZE = 100;
/** Manual "fetch test event": look back this far, widening until something matches; return this many. */
const SAMPLE_WINDOWS_MS = [3600 * 1000, DAY_MS, 7 * DAY_MS, 30 * DAY_MS];
const SAMPLE_SIZE = 5;
const DEFAULT_BUDGET_MS = 5 * 60 * 1000;

export interface PollOutcome {
	orders: NormalizedOrder[];
	state: TriggerState;
}

/** n8n ≥ 2.41 tells a poll how long it may run; stop a little earlier so the results still get emitted. */
export function pollDeadline(ctx: IPollFunctions, now: number): number {
	const budget =
		typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	return now + Math.max(budget - Math.min(30_000, budget * 0.2), 0);
}

/** State for a trigger without one. `null` = production "only after activation": seed and report nothing yet. */
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

function windowFilters(settings: TriggerSettings, after: string, before: string): OrderFilters {
	return {
		...settings.filters,
		statuses: queryStatuses(settings),
		createdAfter: undefined,
		createdBefore: undefined,
		lastUpdatedAfter: after,
		lastUpdatedBefore: before,
	};
}

async function firstPage(
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
async function completeOrder(
	client: SpApiClient,
	settings: TriggerSettings,
	order: NormalizedOrder,
	deadline: number,
): Promise<NormalizedOrder | undefined> {
	if (order.version !== 'v0' || !settings.includeItems) return order;
	const items = await fetchV0Items(client, order.orderId, { budget: { deadline } });
	return items && normalizeV0Order(order.raw, items);
}

/**
 * One production poll. Reads the window [cursor − overlap, now − 2 min) page by page in lastUpdateDate order
 * (keyset: each page is a fresh query from the last order handled, so updates during paging shift nothing),
 * stops at the deadline or when a rate-limit wait would pass it, and returns the emitted orders with the new state.
 * The given state is not modified: the caller stores the result only when the poll succeeded.
 */
export async function pollOrders(
	client: SpApiClient,
	settings: TriggerSettings,
	saved: TriggerState,
	deadline: number,
): Promise<PollOutcome> {
	const state = cloneState(saved);
	const emitted: NormalizedOrder[] = [];
	const window = queryWindow(state, client.clock.now() - SAFE_LAG_MS);
	if (!window) return { orders: emitted, state };
	let after = window.after;
	let resumeToken: string | undefined;
	let maxScanned = state.cursor;
	for (;;) {
		const page = await firstPage(client, settings, windowFilters(settings, after, window.before), deadline, resumeToken);
		if (!page) break;
		const sorted = isAscending(page.scanned);
		let stopped = false;
		for (const order of page.scanned) {
			const emission = matchesFilters(order, settings.filters) ? classifyOrder(state, order, settings) : null;
			if (emission) {
				const complete = await completeOrder(client, settings, order, deadline);
				if (!complete) {
					stopped = true;
					break;
				}
				emitted.push(complete);
			}
			recordOrder(state, order, emission);
			if (sorted) advanceCursor(state, order.lastUpdateDate);
			if (order.lastUpdateDate > maxScanned) maxScanned = order.lastUpdateDate;
		}
		if (stopped || page.truncated || !page.nextToken) {
			// Unsorted results: only a fully read window moves the cursor.
			if (!stopped && !page.truncated && !sorted) advanceCursor(state, maxScanned);
			break;
		}
		const last = page.scanned.at(-1)?.lastUpdateDate;
		const stuck = !sorted || !last || last === page.scanned[0]?.lastUpdateDate;
		// Unsorted results or a full page sharing one timestamp: keyset cannot move on, follow Amazon's token.
		resumeToken = stuck ? page.nextToken : undefined;
		if (!stuck && last) after = last;
	}
	pruneKnown(state);
	return { orders: emitted, state };
}

/** Manual "fetch test event": the most recent matching orders; never touches the state. */
export async function sampleOrders(
	client: SpApiClient,
	settings: TriggerSettings,
	deadline: number,
): Promise<NormalizedOrder[]> {
	const probe = createState(0, 0);
	const end = client.clock.now() - SAFE_LAG_MS;
	for (const lookback of SAMPLE_WINDOWS_MS) {
		const filters = windowFilters(settings, new Date(end - lookback).toISOString(), new Date(end).toISOString());
		const page = await firstPage(client, settings, filters, deadline);
		if (!page) break;
		const matching = page.scanned
			.filter((order) => matchesFilters(order, settings.filters) && classifyOrder(probe, order, settings))
			.sort((a, b) => b.lastUpdateDate.localeCompare(a.lastUpdateDate))
			.slice(0, SAMPLE_SIZE);
		if (!matching.length) continue;
		const complete: NormalizedOrder[] = [];
		for (const order of matching) {
			const full = await completeOrder(client, settings, order, deadline);
			if (full) complete.push(full);
		}
		return complete;
	}
	return [];
}

export function toItems(orders: NormalizedOrder[], settings: TriggerSettings): INodeExecutionData[] {
	return orders.map((order) => ({
		json: orderToJson(order, settings.simplify, settings.simplifySettings) as IDataObject,
	}));
}
