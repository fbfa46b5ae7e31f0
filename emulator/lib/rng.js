'use strict';

/** Seeded PRNG (mulberry32): deterministic data for a given --seed. */
function createRng(seed) {
	let state = seed >>> 0 || 0x9e3779b9;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return next;
}

/** Convenience helpers bound to one rng function. */
function rngTools(rng) {
	const int = (min, max) => min + Math.floor(rng() * (max - min + 1));
	return {
		rng,
		int,
		chance: (probability) => rng() < probability,
		pick: (list) => list[Math.floor(rng() * list.length)],
		digits: (count) => Array.from({ length: count }, () => int(0, 9)).join(''),
		/** weights: [[value, weight], ...] */
		weighted(weights) {
			const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = rng() * total;
			for (const [value, weight] of weights) {
				roll -= weight;
				if (roll < 0) return value;
			}
			return weights[weights.length - 1][0];
		},
	};
}

module.exports = { createRng, rngTools };
