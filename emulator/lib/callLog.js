'use strict';

const RECENT_REQUESTS_PER_OPERATION = 50;
const MAX_LOG_ENTRIES = 200000;

/** Per-operation counters, the last request bodies per operation and an ordered log of every call. */
function createCallLog(now) {
	let counts = {};
	let throttled = {};
	let statuses = {};
	let recent = {};
	let log = [];
	let sequence = 0;

	function record({ operation, method, path, status, partner, query, params, body, fault, sandbox }) {
		const time = new Date(now()).toISOString();
		counts[operation] = (counts[operation] || 0) + 1;
		if (status === 429) throttled[operation] = (throttled[operation] || 0) + 1;
		statuses[operation] = statuses[operation] || {};
		statuses[operation][status] = (statuses[operation][status] || 0) + 1;
		recent[operation] = recent[operation] || [];
		recent[operation].push({ time, method, path, status, query, params, body });
		if (recent[operation].length > RECENT_REQUESTS_PER_OPERATION) recent[operation].shift();
		sequence += 1;
		log.push({ seq: sequence, time, operation, method, path, status, partner: partner || null, ...(fault ? { fault } : {}), ...(sandbox ? { sandbox } : {}) });
		if (log.length > MAX_LOG_ENTRIES) log.shift();
	}

	function snapshot({ operation, limit } = {}) {
		const entries = operation ? log.filter((entry) => entry.operation === operation) : log;
		const max = Number(limit) || 0;
		return {
			total: sequence,
			counts,
			throttled,
			statuses,
			requests: operation ? { [operation]: recent[operation] || [] } : recent,
			log: max ? entries.slice(-max) : entries,
		};
	}

	function clear() {
		counts = {};
		throttled = {};
		statuses = {};
		recent = {};
		log = [];
		sequence = 0;
	}

	return { record, snapshot, clear };
}

module.exports = { createCallLog };
