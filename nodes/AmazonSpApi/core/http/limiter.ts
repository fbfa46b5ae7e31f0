import { LOCAL_RATE_LIMIT_CODE, SpApiError } from './errors';
import type { Clock, UsagePlan } from '../types';

export interface LimiterKey {
	partnerKey: string;
	region: string;
	operation: string;
}

interface Bucket {
	/** May go negative: callers reserve a token and then wait for the debt to be restored. */
	tokens: number;
	rate: number;
	burst: number;
	updatedAt: number;
}

function bucketId(key: LimiterKey): string {
	return `${key.partnerKey}|${key.region}|${key.operation}`;
}

function formatSeconds(ms: number): string {
	return `${Math.ceil(ms / 1000)} s`;
}

/**
 * Token buckets per (selling partner, region, operation), seeded from the usage plan and starting full (burst).
 * Callers reserve a token first and then wait, so concurrent callers queue fairly and a wait can be refused before
 * anything is sent.
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
		return bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) / bucket.rate) * 1000;
	}

	/**
	 * Takes a token, waiting until it is restored. Throws SpApiError kind 'throttled' (code LocalRateLimit) without
	 * taking it when the wait would exceed `maxWaitMs`. Resolves to the time waited.
	 */
	async acquire(key: LimiterKey, plan: UsagePlan, maxWaitMs?: number): Promise<number> {
		const waitMs = this.estimateWaitMs(key, plan);
		if (maxWaitMs !== undefined && waitMs > maxWaitMs) {
			throw new SpApiError({
				kind: 'throttled',
				code: LOCAL_RATE_LIMIT_CODE,
				operation: key.operation,
				retryAfterMs: Math.ceil(waitMs),
				message: `Not calling ${key.operation}: its rate limit allows the next call in ${formatSeconds(waitMs)}, more than the ${formatSeconds(maxWaitMs)} this run may wait`,
				hint: 'The remaining work is left for the next run or poll.',
			});
		}
		this.refill(key, plan).tokens -= 1;
		if (waitMs > 0) await this.clock.sleep(waitMs);
		return waitMs;
	}

	/** Adopts the per-seller rate Amazon reports in `x-amzn-RateLimit-Limit`. */
	adaptRate(key: LimiterKey, plan: UsagePlan, rate: number): void {
		if (!Number.isFinite(rate) || rate <= 0) return;
		this.refill(key, plan).rate = rate;
	}

	/** After a 429: Amazon's bucket is empty, so no token becomes available for at least `delayMs`. */
	penalize(key: LimiterKey, plan: UsagePlan, delayMs: number): void {
		const bucket = this.refill(key, plan);
		bucket.tokens = Math.min(bucket.tokens, 1 - (delayMs / 1000) * bucket.rate);
	}

	/** Current rate (requests per second) of the bucket, after any header adaptation. */
	currentRate(key: LimiterKey, plan: UsagePlan): number {
		return this.refill(key, plan).rate;
	}

	clear(): void {
		this.buckets.clear();
	}

	private refill(key: LimiterKey, plan: UsagePlan): Bucket {
		const now = this.clock.now();
		const id = bucketId(key);
		let bucket = this.buckets.get(id);
		if (!bucket) {
			bucket = { tokens: plan.burst, rate: plan.rate, burst: plan.burst, updatedAt: now };
			this.buckets.set(id, bucket);
			return bucket;
		}
		const elapsedS = Math.max(0, now - bucket.updatedAt) / 1000;
		bucket.tokens = Math.min(bucket.burst, bucket.tokens + elapsedS * bucket.rate);
		bucket.updatedAt = now;
		return bucket;
	}
}

/** Shared by every client in the process, so polls and executions draw on one budget per selling partner. */
