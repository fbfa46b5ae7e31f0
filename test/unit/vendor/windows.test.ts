import { SpApiInputError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { MAX_SLICE_MS, oldestAllowedStart, rangeSlices, sliceRange } from '../../../nodes/AmazonSpApi/core/vendor/windows';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-12-06T12:00:00Z');
const fields = { after: 'after', before: 'before' };

describe('vendor date windows', () => {
	it('cuts any range into consecutive slices of at most 7 days', () => {
		const slices = sliceRange(NOW - 30 * DAY, NOW);
		expect(slices).toHaveLength(5);
		expect(slices[0].start).toBe(NOW - 30 * DAY);
		expect(slices.at(-1)?.end).toBe(NOW);
		slices.forEach((slice, i) => {
			expect(slice.end - slice.start).toBeLessThanOrEqual(MAX_SLICE_MS);
			if (i) expect(slice.start).toBe(slices[i - 1].end);
		});
	});

	it('defaults to the 7 days before the end, and the end to now', () => {
		expect(rangeSlices(undefined, undefined, NOW, fields)).toEqual([{ start: NOW - 7 * DAY, end: NOW }]);
	});

	it('refuses starts older than 6 months and inverted ranges, naming the field', () => {
		expect(oldestAllowedStart(NOW)).toBeGreaterThan(Date.parse('2026-06-06T12:00:00Z'));
		expect(() => rangeSlices('2026-05-01T00:00:00Z', undefined, NOW, fields)).toThrow(SpApiInputError);
		try {
			rangeSlices('2026-12-05T00:00:00Z', '2026-12-01T00:00:00Z', NOW, fields);
		} catch (error) {
			expect((error as SpApiInputError).field).toBe('after');
		}
		expect(() => rangeSlices('yesterday', undefined, NOW, fields)).toThrow(/not a date/);
	});
});
