import { sleep } from 'n8n-workflow';

import type { Clock } from './types';

/** Real time. Tests inject a virtual clock instead. */
export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => {
		if (ms > 0) await sleep(ms);
	},
};
