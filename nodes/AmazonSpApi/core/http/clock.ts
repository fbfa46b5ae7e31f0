import type { Clock } from '../types';

/**
 * Wall-clock time with an injected sleep. The core never schedules timers itself: the n8n layer passes
 * n8n-workflow's `sleep`, tests pass a virtual clock instead of calling this.
 */
export function createClock(sleep: (ms: number) => Promise<void>): Clock {
	return {
		now: () => Date.now(),
		sleep: async (ms: number) => {
			if (ms > 0) await sleep(ms);
		},
	};
}
