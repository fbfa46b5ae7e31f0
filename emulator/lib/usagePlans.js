'use strict';

const { planFor, SANDBOX_PLAN } = require('./rateTable');

/** Rates like 0.0167 * 3 must print as 0.0501, not 0.05009999999999999. */
const formatRate = (rate) => String(Number(rate.toPrecision(6)));

/**
 * Token buckets per (partner, operation), refilled at rate * timeScale per virtual second.
 * Sandbox calls of a partner share a single bucket.
 */
function createUsagePlans({ now, timeScale = 1 }) {
	const buckets = new Map();

	function take(partnerId, operationKey, { sandbox = false } = {}) {
		const [baseRate, burst] = sandbox ? SANDBOX_PLAN : planFor(operationKey);
		const rate = baseRate * timeScale;
		const key = `${partnerId}|${sandbox ? 'sandbox' : operationKey}`;
		const current = now();
		const bucket = buckets.get(key) || { tokens: burst, at: current };
		const elapsedSeconds = Math.max(0, current - bucket.at) / 1000;
		bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * rate);
		bucket.at = current;
		buckets.set(key, bucket);
		const allowed = bucket.tokens >= 1;
		if (allowed) bucket.tokens -= 1;
		return { allowed, rate: formatRate(rate), burst, remaining: Math.floor(bucket.tokens) };
	}

	function snapshot() {
		return Object.fromEntries([...buckets].map(([key, bucket]) => [key, Number(bucket.tokens.toFixed(3))]));
	}

	return { take, snapshot, reset: () => buckets.clear() };
}

module.exports = { createUsagePlans, formatRate };
