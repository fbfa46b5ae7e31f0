import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * Cursor, dedupe and deadline pieces shared by every polling trigger of the package (Seller orders, Vendor purchase
 * orders). Nothing here knows what a record is: the node's trigger folder decides what to emit.
 */

/** [tag the trigger last saw (e.g. a status), emitted once already (1) or not (0), update time in epoch ms] */
export type KnownRecord = [string, 0 | 1, number];

/** Persisted in the node's static data. Small and JSON-only. */
export interface TriggerState {
	v: 2;
	/**
	 * ISO. Forward position (keyset on the update time): every record visible when it was read, updated before it,
	 * has been handled.
	 */
	cursor: string;
	/**
	 * ISO, ≤ cursor. Late-indexing check position: every record updated before it was looked for at least
	 * LATE_INDEX_MS after its update, so records that became visible late have been found too.
	 */
	settled: string;
	/** ISO. Import start: records before it are never emitted (what "before" means is up to the event). */
	floor: string;
	/** Records handled recently: dedupe between the forward and the late-indexing reads, last tag per record. */
	known: Record<string, KnownRecord>;
	/** Work left when the last poll ended (records waiting are reported, never silent). */
	backlog?: { at: string; position: string };
	/**
	 * A read stopped inside a run of records sharing one update time (keyset cannot split them): the API's page token
	 * to continue it, with the window it belongs to.
	 */
	resume?: ResumePoint;
}

export interface ResumePoint {
	token: string;
	after: string;
	before: string;
	/** The read started at the settled position and can still settle. */
	settles: boolean;
	/** Epoch ms the token was issued; tokens expire (Orders 2026-01-01: 24 h). */
	at: number;
}

/** Page tokens older than this are not used again (the read starts over from the position instead). */
export const RESUME_TOKEN_TTL_MS = 12 * 3600 * 1000;

/** How late Amazon may index an update: reads of a time range are repeated once the range is this old. */
export const LATE_INDEX_MS = 10 * 60 * 1000;
/** How long handled records are remembered (a record updated again after that may be reported again). */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;
export const MAX_KNOWN_RECORDS = 20_000;
/** Used when n8n does not tell the poll budget (n8n-core's own default). */
const DEFAULT_BUDGET_MS = 5 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

const time = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

export function createState(cursorMs: number, floorMs: number): TriggerState {
	return { v: 2, cursor: iso(cursorMs), settled: iso(cursorMs), floor: iso(floorMs), known: {} };
}

/** The saved state, upgraded from version 1 (which had no settled position), or undefined. */
export function loadState(value: unknown): TriggerState | undefined {
	const state = value as (Omit<TriggerState, 'v' | 'settled'> & { v: number; settled?: string }) | undefined;
	if (!state || typeof state.cursor !== 'string' || typeof state.known !== 'object') return undefined;
	if (state.v === 2 && typeof state.settled === 'string') return state as TriggerState;
	if (state.v !== 1) return undefined;
	return { ...state, v: 2, settled: iso(time(state.cursor) - LATE_INDEX_MS) } as TriggerState;
}

export function cloneState(state: TriggerState): TriggerState {
	const known = Object.fromEntries(Object.entries(state.known).map(([id, entry]) => [id, [...entry]]));
	return { ...state, known } as TriggerState;
}

export function advanceCursor(state: TriggerState, updatedIso: string): void {
	if (time(updatedIso) > time(state.cursor)) state.cursor = iso(time(updatedIso));
}

/**
 * A read that started at the settled position and went on without a gap up to `readUntilIso`, made at `readAtMs`:
 * everything up to the read end that was at least LATE_INDEX_MS old by then is settled. Returns false when the read
 * end was younger than that (the rest of that read cannot settle anything).
 */
export function advanceSettled(state: TriggerState, readUntilIso: string, readAtMs: number): boolean {
	const until = time(readUntilIso);
	const settled = Math.min(until, readAtMs - LATE_INDEX_MS, time(state.cursor));
	if (settled > time(state.settled)) state.settled = iso(settled);
	return until <= readAtMs - LATE_INDEX_MS;
}

/** End of the late-indexing check window at `nowMs`; undefined while less than a minute is old enough to settle. */
export function settleWindowEnd(state: TriggerState, nowMs: number): number | undefined {
	const end = Math.min(time(state.cursor), nowMs - LATE_INDEX_MS);
	return end - time(state.settled) >= MINUTE_MS ? end : undefined;
}

/** Drops records not updated within the retention, then the oldest beyond the size cap. */
export function pruneKnown(state: TriggerState): void {
	const oldest = time(state.settled) - RETENTION_MS;
	const entries = Object.entries(state.known).filter(([, entry]) => entry[2] >= oldest);
	entries.sort((a, b) => b[1][2] - a[1][2]);
	state.known = Object.fromEntries(entries.slice(0, MAX_KNOWN_RECORDS));
}

/** Whether update times never decrease along the page (keyset paging relies on it). */
export function isAscending(updatedIsos: string[]): boolean {
	return updatedIsos.every((value, index) => index === 0 || time(value) >= time(updatedIsos[index - 1]));
}

/**
 * Shortest gap between two polls, from n8n's Poll Times (every minute: 60 s). Unknown modes and several poll times
 * count as one minute, the shortest n8n allows.
 */
export function pollIntervalMs(ctx: IPollFunctions): number {
	let pollTimes: { item?: IDataObject[] } | undefined;
	try {
		pollTimes = ctx.getNodeParameter('pollTimes', {}) as { item?: IDataObject[] };
	} catch {
		return MINUTE_MS;
	}
	const items = pollTimes?.item ?? [];
	if (items.length !== 1) return MINUTE_MS;
	const [item] = items;
	const unitMs: Record<string, number> = { minutes: MINUTE_MS, hours: 60 * MINUTE_MS };
	switch (item.mode) {
		case 'everyX':
			return Math.max(1, Number(item.value) || 1) * (unitMs[String(item.unit)] ?? MINUTE_MS);
		case 'everyHour':
			return 60 * MINUTE_MS;
		case 'everyDay':
			return 24 * 60 * MINUTE_MS;
		case 'everyWeek':
			return 7 * 24 * 60 * MINUTE_MS;
		case 'everyMonth':
			return 28 * 24 * 60 * MINUTE_MS;
		default:
			return MINUTE_MS;
	}
}

/**
 * When a poll must stop: within n8n's poll budget and within the gap to the next poll (n8n starts the next one
 * whether or not this one ended), less a margin to hand the results over.
 */
export function pollDeadline(ctx: IPollFunctions, nowMs: number): number {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	const window = Math.min(budget, pollIntervalMs(ctx));
	return nowMs + Math.max(window - Math.min(30_000, window * 0.2), 0);
}

/**
 * One poll at a time per trigger node. n8n starts a poll on every tick, even while the previous one still runs, and
 * hands each poll its own copy of the static data when durable poll cursors are on: both would read the same saved
 * position and emit the same records. Keyed by workflow and node; a lease ends with its poll, or at `untilMs` if
 * the poll never returns.
 */
const leases = new Map<string, number>();

export function pollLeaseKey(ctx: IPollFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
}

/** Takes the lease until `untilMs`; false when another poll of the same node holds it. */
export function acquirePollLease(key: string, nowMs: number, untilMs: number): boolean {
	for (const [held, until] of leases) if (until <= nowMs) leases.delete(held);
	if (leases.has(key)) return false;
	leases.set(key, untilMs);
	return true;
}

export function releasePollLease(key: string): void {
	leases.delete(key);
}

/**
 * A lease outlives its poll's deadline by this much: a poll that overran it must still keep the next polls out
 * until it ends.
 */
const LEASE_GRACE_MS = 15 * 60_000;

/** Runs `poll` as the node's only running poll; resolves to null (no items) when another poll of it still runs. */
export async function runExclusivePoll<T>(
	ctx: IPollFunctions,
	nowMs: number,
	deadlineMs: number,
	poll: () => Promise<T>,
): Promise<T | null> {
	const key = pollLeaseKey(ctx);
	if (!acquirePollLease(key, nowMs, deadlineMs + LEASE_GRACE_MS)) {
		ctx.logger.debug(`${ctx.getNode().name}: the previous poll is still running; skipping this one`);
		return null;
	}
	try {
		return await poll();
	} finally {
		releasePollLease(key);
	}
}
