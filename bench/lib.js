'use strict';
// Shared pieces of the benchmarks: emulator lifecycle, a fetch-based HttpClient for the SDK core, a clock that
// follows the emulator's virtual time, and the usage-plan floor.
const path = require('path');

const root = path.join(__dirname, '..');
const dist = (rel) => require(path.join(root, 'dist', rel));

// Generated orders are spread over the last days; both clients read from this far back.
const LOOKBACK_MS = 32 * 24 * 60 * 60 * 1000;

const SELLER = {
	clientId: 'amzn1.application-oa2-client.emulator',
	clientSecret: 'emulator-client-secret',
	refreshToken: 'Atzr|emulator-seller-refresh-token',
};

async function fetchHttp(request) {
	const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
	const headers = {};
	res.headers.forEach((value, key) => (headers[key] = value));
	return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
}

/** The emulator's clock is real time plus an offset; the client must see the same "now". */
function followingClock(offsetRef) {
	return {
		now: () => Date.now() + offsetRef.ms,
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
	};
}

async function emulatorJson(url, route, method = 'GET', body) {
	const res = await fetch(`${url}/_emulator${route}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return text ? JSON.parse(text) : {};
}

/** Minimum time Amazon's plan allows for `calls` calls of one operation, starting with a full bucket. */
function floorSeconds(calls, plan) {
	return Math.max(0, (calls - plan.burst) / plan.rate);
}

/** `{ total, throttled, byOperation }` from the emulator's call log, without LWA token calls. */
function callSummary(calls) {
	const byOperation = { ...calls.counts };
	delete byOperation['lwa.token'];
	const total = Object.values(byOperation).reduce((sum, n) => sum + n, 0);
	const throttled = Object.values(calls.throttled || {}).reduce((sum, n) => sum + n, 0);
	return { total, throttled, byOperation };
}

module.exports = { root, dist, LOOKBACK_MS, SELLER, fetchHttp, followingClock, emulatorJson, floorSeconds, callSummary };
