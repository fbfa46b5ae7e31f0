import { PENDING_STATUSES } from '../core/orders/statuses';
import type { NormalizedOrder, OrderStatus } from '../core/orders/types';

export type TriggerEvent = 'newOrder' | 'statusChanged';
export type Emission = 'new' | 'statusChanged';

/** [last status seen, emitted as new (1) or not (0), lastUpdateDate in epoch ms] */
export type KnownOrder = [OrderStatus, 0 | 1, number];

/** Persisted in the node's static data. Small and JSON-only. */
export interface TriggerState {
	v: 1;
	/** ISO. Every visible order updated before it has been handled (results are read in lastUpdateDate order). */
	cursor: string;
	/** ISO. Import start: orders bought (New Order) or updated (Status Changed) before it are never emitted. */
	floor: string;
	/** Orders handled recently: dedupe at the overlapping window start, Pending tracking, last status per order. */
	known: Record<string, KnownOrder>;
}

export interface EventSettings {
	event: TriggerEvent;
	/** Status Changed: the statuses to report. */
	statuses: OrderStatus[];
	/** New Order: hold Pending orders back until they leave Pending (they carry no prices or address yet). */
	waitWhilePending: boolean;
}

/** Re-read this much before the cursor each poll, so late-indexed orders are still found. */
export const OVERLAP_MS = 10 * 60 * 1000;
/** How long handled orders are remembered (an order updated again after that may be reported again). */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;
export const MAX_KNOWN_ORDERS = 20_000;

const time = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

export function createState(cursorMs: number, floorMs: number): TriggerState {
	return { v: 1, cursor: iso(cursorMs), floor: iso(floorMs), known: {} };
}

export function isTriggerState(value: unknown): value is TriggerState {
	const state = value as TriggerState | undefined;
	return !!state && state.v === 1 && typeof state.cursor === 'string' && typeof state.known === 'object';
}

export function cloneState(state: TriggerState): TriggerState {
	return { ...state, known: Object.fromEntries(Object.entries(state.known).map(([id, entry]) => [id, [...entry]])) } as TriggerState;
}

/** Query window: from the cursor minus the overlap to the given end (now − 2 min); undefined when empty. */
export function queryWindow(state: TriggerState, windowEndMs: number): { after: string; before: string } | undefined {
	const afterMs = time(state.cursor) - OVERLAP_MS;
	if (afterMs >= windowEndMs) return undefined;
	return { after: iso(afterMs), before: iso(windowEndMs) };
}

/** What this version of the order means for the event, given what was handled before. */
export function classifyOrder(state: TriggerState, order: NormalizedOrder, settings: EventSettings): Emission | null {
	const known = state.known[order.orderId];
	const updated = time(order.lastUpdateDate);
	if (known && updated < known[2]) return null;
	if (settings.event === 'newOrder') {
		if (known?.[1] === 1) return null;
		if (settings.waitWhilePending && PENDING_STATUSES.has(order.status)) return null;
		return time(order.purchaseDate) >= time(state.floor) ? 'new' : null;
	}
	if (!settings.statuses.includes(order.status)) return null;
	if (known && known[0] === order.status) return null;
	return updated >= time(state.floor) ? 'statusChanged' : null;
}

/** Remembers a handled order version (emitted or deliberately skipped). */
export function recordOrder(state: TriggerState, order: NormalizedOrder, emission: Emission | null): void {
	const known = state.known[order.orderId];
	const updated = time(order.lastUpdateDate);
	if (known && updated < known[2]) return;
	const emittedAsNew: 0 | 1 = known?.[1] === 1 || emission === 'new' ? 1 : 0;
	state.known[order.orderId] = [order.status, emittedAsNew, updated];
}

export function advanceCursor(state: TriggerState, lastUpdateDate: string): void {
	if (time(lastUpdateDate) > time(state.cursor)) state.cursor = iso(time(lastUpdateDate));
}

/** Drops orders not updated within the retention, then the oldest beyond the size cap. */
export function pruneKnown(state: TriggerState): void {
	const oldest = time(state.cursor) - RETENTION_MS;
	const entries = Object.entries(state.known).filter(([, entry]) => entry[2] >= oldest);
	entries.sort((a, b) => b[1][2] - a[1][2]);
	state.known = Object.fromEntries(entries.slice(0, MAX_KNOWN_ORDERS));
}

/** Whether lastUpdateDate never decreases along the page (keyset paging relies on it). */
export function isAscending(orders: NormalizedOrder[]): boolean {
	return orders.every((order, index) => index === 0 || time(order.lastUpdateDate) >= time(orders[index - 1].lastUpdateDate));
}
