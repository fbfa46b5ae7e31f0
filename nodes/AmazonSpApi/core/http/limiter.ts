import { LOCAL_RATE_LIMIT_CODE, SpApiError } from './errors';
import type { Clock, UsagePlan } from '../types';

export interface LimiterKey {
	partnerKey: string;
	region: string;
	operation: string;
}

/**
 * Paced calls leave this much later than the bare interval. Amazon counts a call when it ARRIVES, and arrival
 * times jitter by a few ms: without the margin, one paced call in a sustained run lands a few ms early (a 429).
 * Each paced call adds the margin to Amazon's surplus, so after k paced calls k × margin of jitter is absorbed.
 */
export const SAFETY_MARGIN = { ms: 25, maxShareOfInterval: 0.02 };

/**
 * After a 429 the local rate is halved (never below 1/8 of Amazon's) and the bucket pauses one new interval (capped);
 * each success then adds back 1/10 of Amazon's rate.
 */
export const RATE_ADAPTATION = { decrease: 0.5, floor: 0.125, recoveryStep: 0.1, maxPenaltyMs: 120_000 };

interface Bucket {
	/** May go negative: callers reserve a token and then wait for the debt to be restored. */
	tokens: number;
	/** Amazon's rate for this bucket (plan or x-amzn-RateLimit-Limit), already scaled by the caller's share. */
	ceiling: number;
	/** Rate in use: the ceiling, or less after a 429 until additive recovery brings it back. */
	rate: number;
	burst: number;
	updatedAt: number;
	/** Bumped by a 429: reservations made before it are void and wait again. */
	generation: number;
}

function bucketId(key: LimiterKey): string {
	return `${key.partnerKey}|${key.region}|${key.operation}`;
}

function formatSeconds(ms: number): string {
	return `${Math.ceil(ms / 1000)} s`;
}

/** Tokens per second actually restored locally: one per interval plus the safety margin. */
export function pacedRate(rate: number): number {
	const intervalMs = 1000 / rate;
	const marginMs = Math.min(SAFETY_MARGIN.ms, intervalMs * SAFETY_MARGIN.maxShareOfInterval);
	return 1000 / (intervalMs + marginMs);
}

/**
 * Token buckets per (selling partner, region, operation), seeded from the usage plan and starting full (burst).
 * Callers reserve a token first and then wait, so concurrent callers queue fairly and a wait can be refused before
 * anything is sent. The rate adapts to Amazon's answers: x-amzn-RateLimit-Limit sets the ceiling, a 429 cuts the
 * rate multiplicatively, successes restore it additively (AIMD, as processes sharing a seller cannot talk).
 */
export class RateLimiter {
	readonly clock: Clock;
	private readonly buckets = new Map<string, Bucket>();

	constructor(options: { clock: Clock }) {
		this.clock = options.clock;
	}

	/** How long a call made now would wait for its token (0 when one is available). */
	estimateWaitMs(key: LimiterKey, plan: UsagePlan): number {
		const bucket = this.refill(key, plan);
		if (bucket.tokens >= 1) return 0;
		// Whole ms, rounded up: never early (the epsilon absorbs float noise such as 2000.0000000000005).
		return Math.ceil(((1 - bucket.tokens) / pacedRate(bucket.rate)) * 1000 - 1e-6);
	}

	/**
	 * Takes a token, waiting until it is restored. Throws SpApiError kind 'throttled' (code LocalRateLimit) without
	 * taking it when the wait would exceed `maxWaitMs`. Resolves to the time waited. A 429 seen by another caller
	 * during the wait voids the reservation: the caller reserves again behind the penalty.
	 */
	async acquire(key: LimiterKey, plan: UsagePlan, maxWaitMs?: number): Promise<number> {
		let waited = 0;
		for (;;) {
			const waitMs = this.estimateWaitMs(key, plan);
			if (maxWaitMs !== undefined && waited + waitMs > maxWaitMs) {
				throw new SpApiError({
					kind: 'throttled',
					code: LOCAL_RATE_LIMIT_CODE,
					operation: key.operation,
					retryAfterMs: Math.ceil(waitMs),
					message: `Not calling ${key.operation}: its rate limit allows the next call in ${formatSeconds(waitMs)}, more than the ${formatSeconds(maxWaitMs - waited)} this run may wait`,
					hint: 'The remaining work is left for the next run or poll.',
				});
			}
			const bucket = this.refill(key, plan);
			bucket.tokens -= 1;
			const generation = bucket.generation;
			if (waitMs <= 0) return waited;
			await this.clock.sleep(waitMs);
			waited += waitMs;
			if (bucket.generation === generation) return waited;
		}
	}

	/** Adopts the per-seller rate Amazon reports in `x-amzn-RateLimit-Limit` (already scaled by the share). */
	adaptRate(key: LimiterKey, plan: UsagePlan, rate: number): void {
		if (!Number.isFinite(rate) || rate <= 0) return;
		const bucket = this.refill(key, plan);
		const recovering = bucket.rate < bucket.ceiling;
		bucket.ceiling = rate;
		bucket.rate = recovering ? Math.min(bucket.rate, rate) : rate;
	}

	/** A call succeeded: additive recovery towards the ceiling. */
	recordSuccess(key: LimiterKey, plan: UsagePlan): void {
		const bucket = this.refill(key, plan);
		bucket.rate = Math.min(bucket.ceiling, bucket.rate + bucket.ceiling * RATE_ADAPTATION.recoveryStep);
	}

	/**
	 * After a 429: Amazon's bucket is empty and someone else (another process) uses part of the plan. The rate is cut
	 * multiplicatively and no token is restored for one interval of the new rate (at most 2 minutes, or the plan's
	 * own interval when longer), times `jitter` (so that processes do not retry in lockstep). Consecutive 429s thus
	 * back off exponentially. Returns the penalty in ms.
	 */
	penalize(key: LimiterKey, plan: UsagePlan, jitter = 1): number {
		const bucket = this.refill(key, plan);
		bucket.rate = Math.max(bucket.ceiling * RATE_ADAPTATION.floor, bucket.rate * RATE_ADAPTATION.decrease);
		const capMs = Math.max(1000 / bucket.ceiling, RATE_ADAPTATION.maxPenaltyMs);
		const penaltyMs = Math.min(1000 / bucket.rate, capMs) * jitter;
		bucket.tokens = 1 - (penaltyMs / 1000) * pacedRate(bucket.rate);
		bucket.generation++;
		return penaltyMs;
	}

	/** Current rate (requests per second) of the bucket, after header adaptation and 429 decreases. */
	currentRate(key: LimiterKey, plan: UsagePlan): number {
		return this.refill(key, plan).rate;
	}

	/** Amazon's rate for the bucket as this process sees it (share applied), before any 429 decrease. */
	ceilingRate(key: LimiterKey, plan: UsagePlan): number {
		return this.refill(key, plan).ceiling;
	}

	clear(): void {
		this.buckets.clear();
	}

	private refill(key: LimiterKey, plan: UsagePlan): Bucket {
		const now = this.clock.now();
		const id = bucketId(key);
		let bucket = this.buckets.get(id);
		if (!bucket) {
			bucket = { tokens: plan.burst, ceiling: plan.rate, rate: plan.rate, burst: plan.burst, updatedAt: now, generation: 0 };
			this.buckets.set(id, bucket);
			return bucket;
		}
		const elapsedS = Math.max(0, now - bucket.updatedAt) / 1000;
		bucket.tokens = Math.min(bucket.burst, bucket.tokens + elapsedS * pacedRate(bucket.rate));
		bucket.updatedAt = now;
		return bucket;
	}
}
