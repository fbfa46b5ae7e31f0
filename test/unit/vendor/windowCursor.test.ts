import {
	completeSlice,
	createWindowCursor,
	interruptSlice,
	isHandled,
	markHandled,
	planSlices,
	pruneSeen,
	type WindowCursorOptions,
} from '../../../nodes/AmazonSpApi/n8n/windowCursor';

const DAY = 24 * 3600 * 1000;
const MINUTE = 60_000;
const NOW = Date.parse('2026-12-06T12:00:00Z');
const options: WindowCursorOptions = { sliceMs: 7 * DAY, overlapMs: 15 * MINUTE, lagMs: 2 * MINUTE, retentionMs: 9 * DAY, maxSeen: 3 };

describe('windowCursor', () => {
	it('plans 7-day slices from cursor − overlap to now − lag', () => {
		const state = createWindowCursor(NOW - 20 * DAY, NOW - 20 * DAY);
		const slices = planSlices(state, NOW, options);
		expect(slices[0].start).toBe(NOW - 20 * DAY - 15 * MINUTE);
		expect(slices.at(-1)?.end).toBe(NOW - 2 * MINUTE);
		expect(slices.every((slice) => slice.end - slice.start <= 7 * DAY && !slice.catchUp)).toBe(true);
	});

	it('clamps the start to the oldest the API accepts', () => {
		const state = createWindowCursor(NOW - 400 * DAY, 0);
		const [first] = planSlices(state, NOW, { ...options, oldestStart: (now) => now - 180 * DAY });
		expect(first.start).toBe(NOW - 180 * DAY);
	});

	it('moves the cursor only past completed slices and resumes an interrupted one', () => {
		const state = createWindowCursor<{ token: string }>(NOW - 10 * DAY, NOW - 10 * DAY);
		const [first, second] = planSlices(state, NOW, options);
		completeSlice(state, first, NOW, false);
		expect(state.cursor).toBe(first.end);
		interruptSlice(state, second, { token: 'page-3' });
		expect(state.cursor).toBe(first.end);
		const [resumed] = planSlices(state, NOW + MINUTE, options);
		expect(resumed).toMatchObject({ start: second.start, end: second.end, resumeAt: { token: 'page-3' } });
	});

	it('runs a due catch-up over the look-back before the regular slices, and records when it finished', () => {
		const state = createWindowCursor(NOW - 5 * MINUTE, NOW - 30 * DAY);
		state.lastCatchUp = NOW - 25 * 3600_000;
		const slices = planSlices(state, NOW, options, { everyMs: 24 * 3600_000, lookbackMs: 7 * DAY });
		expect(slices[0]).toMatchObject({ start: NOW - 7 * DAY, catchUp: true });
		const catchUps = slices.filter((slice) => slice.catchUp);
		catchUps.forEach((slice, i) => completeSlice(state, slice, NOW, i === catchUps.length - 1));
		expect(state.lastCatchUp).toBe(NOW);
		expect(planSlices(state, NOW + MINUTE, options, { everyMs: 24 * 3600_000, lookbackMs: 7 * DAY }).some((slice) => slice.catchUp)).toBe(false);
	});

	it('dedupes by id and version, and prunes old or surplus versions', () => {
		const state = createWindowCursor(NOW, NOW);
		markHandled(state, 'A', NOW - DAY);
		expect(isHandled(state, 'A', NOW - DAY)).toBe(true);
		expect(isHandled(state, 'A', NOW)).toBe(false);
		markHandled(state, 'A', NOW);
		markHandled(state, 'A', NOW - 2 * DAY);
		expect(state.seen.A).toBe(NOW);
		for (const id of ['B', 'C', 'D']) markHandled(state, id, NOW - DAY);
		markHandled(state, 'OLD', NOW - 20 * DAY);
		pruneSeen(state, NOW, options);
		expect(Object.keys(state.seen)).toHaveLength(3);
		expect(state.seen.OLD).toBeUndefined();
		expect(state.seen.A).toBe(NOW);
	});
});
