import { waitForFeed, type Feed } from '../feeds/feeds';
import type { SpApiRequester } from '../types';
import type { PollPhase } from './processing';

/**
 * Small feeds often finish within seconds, large ones take minutes: poll every 2 s for the first 20 s, then every
 * 15 s until the deadline (getFeed allows 2 requests per second, so neither phase strains the quota).
 */
export const FEED_POLL_PHASES: readonly PollPhase[] = [
	{ untilMs: 20_000, intervalMs: 2_000 },
	{ untilMs: Infinity, intervalMs: 15_000 },
];

export async function waitForFeedResult(client: SpApiRequester, feedId: string, timeoutMs: number): Promise<Feed> {
	return await waitForFeed(client, feedId, { timeoutMs, phases: FEED_POLL_PHASES });
}
