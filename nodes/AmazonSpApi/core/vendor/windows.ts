import { SpApiInputError } from '../http/errors';

export const DAY_MS = 24 * 3600 * 1000;
/** Amazon allows at most 7 days between a vendor order query's after and before dates. */
export const MAX_SLICE_MS = 7 * DAY_MS;
/** ... and the start no earlier than 6 months back; keep an hour of margin against clock skew. */
const SIX_MONTHS_MARGIN_MS = 3600 * 1000;

export interface TimeSlice {
	start: number;
	end: number;
}

/** Earliest start Amazon accepts now: 6 calendar months back plus a margin. */
export function oldestAllowedStart(now: number): number {
	const date = new Date(now);
	date.setUTCMonth(date.getUTCMonth() - 6);
	return date.getTime() + SIX_MONTHS_MARGIN_MS;
}

/** Consecutive slices of at most `sliceMs` covering [start, end], oldest first. */
export function sliceRange(start: number, end: number, sliceMs = MAX_SLICE_MS): TimeSlice[] {
	const slices: TimeSlice[] = [];
	for (let from = start; from < end; from += sliceMs) slices.push({ start: from, end: Math.min(from + sliceMs, end) });
	return slices;
}

function parseDate(value: string | undefined, field: string): number | undefined {
	if (value === undefined || value === '') return undefined;
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) throw new SpApiInputError(field, `"${value}" is not a date`, 'Enter an ISO-8601 date such as 2026-11-30T00:00:00Z.');
	return ms;
}

/**
 * A user's date range of any length, checked against Amazon's 6-month limit and cut into 7-day slices.
 * Missing ends: `before` defaults to now, `after` to `defaultLookbackMs` before it.
 */
export function rangeSlices(
	afterIso: string | undefined,
	beforeIso: string | undefined,
	now: number,
	fields: { after: string; before: string },
	defaultLookbackMs = MAX_SLICE_MS,
): TimeSlice[] {
	const before = parseDate(beforeIso, fields.before) ?? now;
	const after = parseDate(afterIso, fields.after) ?? before - defaultLookbackMs;
	if (after >= before) {
		throw new SpApiInputError(fields.after, 'must be earlier than the end of the range', `Set ${fields.after} before ${fields.before}.`);
	}
	const oldest = oldestAllowedStart(now);
	if (after < oldest) {
		throw new SpApiInputError(
			fields.after,
			`is more than 6 months ago (earliest allowed: ${new Date(oldest).toISOString()})`,
			'Amazon only returns purchase orders of the last 6 months; choose a later date.',
		);
	}
	return sliceRange(after, Math.min(before, now));
}
