import { isTerminalProcessingStatus, waitForFeed, type Feed } from '../feeds/feeds';
import type { SpApiRequester } from '../types';

const QUICK_PHASE_MS = 20_000;
const QUICK_INTERVAL_MS = 2_000;
const SLOW_INTERVAL_MS = 15_000;

/**
 * Small feeds often finish within seconds, large ones take minutes: poll every 2 s for the first 20 s, then every
 * 15 s until the deadline (getFeed allows 2 requests per second, so neither phase strains the quota).
 */
export async function waitForFeedResult(client: SpApiRequester, feedId: string, timeoutMs: number): Promise<Feed> {
	const quick = Math.min(timeoutMs, QUICK_PHASE_MS);
	const started = client.clock.now();
	const feed = await waitForFeed(client, feedId, { timeoutMs: quick, pollIntervalMs: QUICK_INTERVAL_MS });
	const deadline = started + timeoutMs;
	if (isTerminalProcessingStatus(feed.processingStatus) || client.clock.now() >= deadline) return feed;
	// waitForFeed asks at once; the quick phase just did, so pause first.
	await client.clock.sleep(Math.min(SLOW_INTERVAL_MS, deadline - client.clock.now()));
	return await waitForFeed(client, feedId, {
		timeoutMs: Math.max(deadline - client.clock.now(), 0),
		pollIntervalMs: SLOW_INTERVAL_MS,
	});
}
