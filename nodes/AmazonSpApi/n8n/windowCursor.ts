/**
 * A generic time-window cursor for polling triggers over APIs that limit the queried period (e.g. vendor POs:
 * 7-day windows within 6 months). It knows nothing about the records:
 *
 * - the gap since the last poll is walked in slices of at most `sliceMs`, starting `overlapMs` before the cursor
 *   and ending `lagMs` before now (late-indexed records are read again);
 * - a record version (id + version time) is handled once: `isHandled` / `markHandled` dedupe across overlaps,
 *   slices, catch-up scans and restarts;
 * - the cursor moves only past slices read completely (`completeSlice`), so it never passes what wasn't emitted;
 * - a slice the poll deadline interrupted is resumed from where it stopped (`resume`, opaque to the cursor);
 * - a periodic catch-up re-scans the last `lookbackMs` for records the regular windows missed.
 *
 * The state is plain JSON for the node's static data; callers clone it and store it only after a successful poll.
 */
export interface WindowCursorState<R = unknown> {
	v: 1;
	/** Epoch ms: every slice ending at or before it was read completely. */
	cursor: number;
	/** Epoch ms: import start; records older than it are never emitted. */
	floor: number;
	/** id → newest version time handled (emitted or deliberately skipped). */
	seen: Record<string, number>;
	/** An interrupted slice and where it continues. */
	resume?: { start: number; end: number; at: R };
	/** When the last catch-up scan finished; `catchUpAt`: where a running one continues. */
	lastCatchUp?: number;
	catchUpAt?: number;
}

export interface WindowCursorOptions {
	sliceMs: number;
	overlapMs: number;
	lagMs: number;
	/** Handled versions are kept this long (at least the catch-up look-back) and at most `maxSeen` of them. */
	retentionMs: number;
	maxSeen: number;
	/** Earliest start the API accepts now (e.g. 6 months back). */
	oldestStart?: (now: number) => number;
}

export interface CursorSlice<R = unknown> {
	start: number;
	end: number;
	catchUp: boolean;
	resumeAt?: R;
}

export function createWindowCursor<R>(cursor: number, floor: number): WindowCursorState<R> {
	return { v: 1, cursor, floor, seen: {} };
}

export function isWindowCursor<R>(value: unknown): value is WindowCursorState<R> {
	const state = value as WindowCursorState<R> | undefined;
	return !!state && state.v === 1 && typeof state.cursor === 'number' && typeof state.seen === 'object';
}

export function cloneCursor<R>(state: WindowCursorState<R>): WindowCursorState<R> {
	return JSON.parse(JSON.stringify(state)) as WindowCursorState<R>;
}

function slicesBetween<R>(from: number, to: number, sliceMs: number, catchUp: boolean): Array<CursorSlice<R>> {
	const slices: Array<CursorSlice<R>> = [];
	for (let start = from; start < to; start += sliceMs) slices.push({ start, end: Math.min(start + sliceMs, to), catchUp });
	return slices;
}

/**
 * The slices of this poll, in order: a due (or running) catch-up over [now − lookback, cursor − overlap), then the
 * regular ones from the interrupted slice or cursor − overlap to now − lag.
 */
export function planSlices<R>(
	state: WindowCursorState<R>,
	now: number,
	options: WindowCursorOptions,
	catchUp?: { everyMs: number; lookbackMs: number },
): Array<CursorSlice<R>> {
	const oldest = options.oldestStart?.(now) ?? -Infinity;
	const end = now - options.lagMs;
	const regularFrom = Math.max(state.cursor - options.overlapMs, oldest);
	const slices: Array<CursorSlice<R>> = [];
	if (catchUp && (state.catchUpAt !== undefined || now - (state.lastCatchUp ?? state.floor) >= catchUp.everyMs)) {
		const from = Math.max(state.catchUpAt ?? now - catchUp.lookbackMs, oldest, state.floor);
		slices.push(...slicesBetween<R>(from, Math.min(regularFrom, end), options.sliceMs, true));
		if (!slices.length) state.lastCatchUp = now;
	}
	if (state.resume && state.resume.start >= regularFrom && state.resume.end <= end) {
		slices.push({ start: state.resume.start, end: state.resume.end, catchUp: false, resumeAt: state.resume.at });
		slices.push(...slicesBetween<R>(state.resume.end, end, options.sliceMs, false));
	} else {
		delete state.resume;
		slices.push(...slicesBetween<R>(regularFrom, end, options.sliceMs, false));
	}
	return slices;
}

export function isHandled(state: WindowCursorState, id: string, version: number): boolean {
	return (state.seen[id] ?? -Infinity) >= version;
}

export function markHandled(state: WindowCursorState, id: string, version: number): void {
	if (!isHandled(state, id, version)) state.seen[id] = version;
}

/** A slice was read to its end: the cursor (or the running catch-up) moves past it. */
export function completeSlice<R>(state: WindowCursorState<R>, slice: CursorSlice<R>, now: number, lastCatchUpSlice: boolean): void {
	if (slice.catchUp) {
		state.catchUpAt = slice.end;
		if (lastCatchUpSlice) {
			delete state.catchUpAt;
			state.lastCatchUp = now;
		}
		return;
	}
	delete state.resume;
	if (slice.end > state.cursor) state.cursor = slice.end;
}

/** The deadline interrupted a slice: remember where it continues. */
export function interruptSlice<R>(state: WindowCursorState<R>, slice: CursorSlice<R>, at: R | undefined): void {
	if (slice.catchUp) {
		state.catchUpAt = slice.start;
		return;
	}
	state.resume = at === undefined ? undefined : { start: slice.start, end: slice.end, at };
	if (!state.resume) delete state.resume;
}

/** Forgets versions older than the retention, then the oldest beyond `maxSeen`. */
export function pruneSeen(state: WindowCursorState, now: number, options: WindowCursorOptions): void {
	const oldest = now - options.retentionMs;
	const kept = Object.entries(state.seen)
		.filter(([, version]) => version >= oldest)
		.sort((a, b) => b[1] - a[1])
		.slice(0, options.maxSeen);
	state.seen = Object.fromEntries(kept);
}
