'use strict';

/** Virtual time = real time + offset; POST /_emulator/clock advances the offset. */
function createClock() {
	let offsetMs = 0;
	return {
		now: () => Date.now() + offsetMs,
		advance(ms) {
			offsetMs += Math.max(0, Number(ms) || 0);
			return offsetMs;
		},
		offset: () => offsetMs,
		reset() {
			offsetMs = 0;
		},
	};
}

module.exports = { createClock };
