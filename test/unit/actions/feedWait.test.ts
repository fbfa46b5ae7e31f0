import { waitForFeedResult } from '../../../nodes/AmazonSpApi/core/jobs/feedWait';
import type { SpApiRequester } from '../../../nodes/AmazonSpApi/core/types';

/** A requester whose getFeed answers from a status timeline on a virtual clock. */
function fakeClient(statusAt: (elapsedMs: number) => string) {
	let now = 0;
	const polls: number[] = [];
	const client = {
		clock: {
			now: () => now,
			sleep: async (ms: number) => {
				now += ms;
			},
		},
		request: async () => {
			polls.push(now);
			return { status: 200, headers: {}, data: { feedId: '1', feedType: 'X', createdTime: '', processingStatus: statusAt(now) } };
		},
	} as unknown as SpApiRequester;
	return { client, polls };
}

describe('waitForFeedResult', () => {
	it('polls every 2 s at first, so small feeds return within seconds', async () => {
		const { client, polls } = fakeClient((ms) => (ms >= 5_000 ? 'DONE' : 'IN_PROGRESS'));
		const feed = await waitForFeedResult(client, '1', 300_000);
		expect(feed.processingStatus).toBe('DONE');
		expect(polls).toEqual([0, 2_000, 4_000, 6_000]);
	});

	it('then polls every 15 s and returns the last status at the deadline', async () => {
		const { client, polls } = fakeClient(() => 'IN_QUEUE');
		const feed = await waitForFeedResult(client, '1', 60_000);
		expect(feed.processingStatus).toBe('IN_QUEUE');
		expect(polls.at(-1)).toBe(60_000);
		expect(polls.filter((at) => at >= 20_000)).toEqual([20_000, 35_000, 50_000, 60_000]);
		expect(new Set(polls).size).toBe(polls.length);
	});
});
