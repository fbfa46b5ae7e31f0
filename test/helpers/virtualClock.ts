import type { Clock } from '../../nodes/AmazonSpApi/core/types';

/**
 * Deterministic clock: `sleep(ms)` resolves at once and moves time forward by `ms`. Every sleep is recorded, so tests
 * can assert exact waits without real time passing.
 */
export class VirtualClock implements Clock {
	readonly sleeps: number[] = [];

	constructor(private time = Date.UTC(2026, 10, 23, 12, 0, 0)) {}

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		if (ms > 0) this.time += ms;
		await Promise.resolve();
	}

	advance(ms: number): void {
		this.time += ms;
	}

	get totalSlept(): number {
		return this.sleeps.reduce((sum, ms) => sum + ms, 0);
	}
}
