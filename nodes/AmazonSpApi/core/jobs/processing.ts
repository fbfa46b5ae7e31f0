/**
 * What feeds and reports share: the asynchronous processing lifecycle (IN_QUEUE → IN_PROGRESS → DONE | CANCELLED |
 * FATAL), bounded polling through the injected clock, and the path and time formats of their calls.
 */

import { SpApiInputError } from '../http/errors';
import type { Clock } from '../types';

export type ProcessingStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';
export const PROCESSING_STATUSES: readonly ProcessingStatus[] = ['IN_QUEUE', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'FATAL'];
export const TERMINAL_PROCESSING_STATUSES: readonly string[] = ['DONE', 'CANCELLED', 'FATAL'];

/** A polling cadence: every `intervalMs` while less than `untilMs` has passed since the first call. */
export interface PollPhase {
	untilMs: number;
	intervalMs: number;
}

export interface WaitOptions {
	/** Give up after this long and return the last status (default 5 minutes). */
	timeoutMs?: number;
	/** Pause between two status calls (default 15 s). */
	pollIntervalMs?: number;
	/** A cadence that slows down over time, instead of `pollIntervalMs`; the last phase lasts until the deadline. */
	phases?: readonly PollPhase[];
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 15_000;

export function isTerminalProcessingStatus(status: string | undefined): boolean {
	return TERMINAL_PROCESSING_STATUSES.includes(status ?? '');
}

/**
 * Polls `fetchStatus` until the processing status is terminal or the timeout has passed; returns the last
 * answer either way. A cadence in `phases` gives small jobs quick answers and long ones few calls. Waits through the client's clock, so virtual clocks work in tests.
 */
export async function pollUntilTerminal<T extends { processingStatus: string }>(
	clock: Clock,
	fetchStatus: () => Promise<T>,
	options: WaitOptions = {},
): Promise<T> {
	const phases = options.phases ?? [{ untilMs: Infinity, intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS }];
	const started = clock.now();
	const deadline = started + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	for (;;) {
		const latest = await fetchStatus();
		const now = clock.now();
		if (isTerminalProcessingStatus(latest.processingStatus) || now >= deadline) return latest;
		const phase = phases.find((candidate) => now - started < candidate.untilMs) ?? phases[phases.length - 1];
		await clock.sleep(Math.min(Math.max(phase.intervalMs, 1), deadline - now));
	}
}

export function toIsoTime(value: string | Date | undefined): string | undefined {
	return value instanceof Date ? value.toISOString() : value;
}

/** An ID as a path segment: required, trimmed, URL-encoded. */
export function pathId(id: string, field: string): string {
	if (!id || !String(id).trim()) throw new SpApiInputError(field, `${field} is required`);
	return encodeURIComponent(String(id).trim());
}

/** Follows `nextToken` (sent alone, as getFeeds and getReports require) until the end or `limit` items. */
export async function collectPages<T>(
	fetchPage: (nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>,
	limit?: number,
): Promise<T[]> {
	const items: T[] = [];
	let nextToken: string | undefined;
	do {
		const page = await fetchPage(nextToken);
		items.push(...page.items);
		nextToken = page.nextToken;
	} while (nextToken && (limit === undefined || items.length < limit));
	return limit === undefined ? items : items.slice(0, limit);
}
