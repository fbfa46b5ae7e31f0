/**
 * JSON_LISTINGS_FEED allows 5 submissions per 5 minutes per region (May 2025, REFERENCE §9.4). The window
 * remembers when this process submitted, per selling partner and region, and says how long to wait before the
 * next submission, so a 60,000-SKU update (3 feeds) goes at once and a 200,000-SKU one (8 feeds) waits for the
 * window instead of collecting 429s on a write that must not be re-sent blindly.
 */

export const LISTINGS_FEED_SUBMISSIONS = { limit: 5, windowMs: 5 * 60_000 } as const;

/**
 * Times (epoch ms) at which `count` more submissions may go, given the earlier ones: the i-th new submission waits
 * until the submission `limit` places before it has left the window.
 */
export function planSubmissionTimes(
	history: readonly number[],
	count: number,
	now: number,
	{ limit, windowMs }: { limit: number; windowMs: number } = LISTINGS_FEED_SUBMISSIONS,
): number[] {
	const times = history.filter((time) => time > now - windowMs).sort((a, b) => a - b);
	const planned: number[] = [];
	for (let i = 0; i < count; i++) {
		const all = times.length;
		const at = all >= limit ? Math.max(now, times[all - limit] + windowMs) : now;
		times.push(at);
		planned.push(at);
	}
	return planned;
}

/** Process-wide record of submissions, keyed by selling partner and region. */
export class SubmissionWindow {
	private readonly history = new Map<string, number[]>();

	constructor(private readonly rule: { limit: number; windowMs: number } = LISTINGS_FEED_SUBMISSIONS) {}

	/** Milliseconds to wait before the next submission under `key`. */
	delayFor(key: string, now: number): number {
		const [at] = planSubmissionTimes(this.history.get(key) ?? [], 1, now, this.rule);
		return Math.max(0, at - now);
	}

	record(key: string, at: number): void {
		const kept = (this.history.get(key) ?? []).filter((time) => time > at - this.rule.windowMs);
		kept.push(at);
		this.history.set(key, kept);
	}
}
