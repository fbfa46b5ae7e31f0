'use strict';

const path = require('path');
const { isDeepStrictEqual } = require('util');
const { CONTRACT_DIR } = require('./models');
const { errors } = require('./errors');

let vectorsByOperation;

function loadVectors() {
	if (vectorsByOperation) return vectorsByOperation;
	vectorsByOperation = new Map();
	for (const vector of require(path.join(CONTRACT_DIR, 'sandbox-vectors.json'))) {
		const key = `${vector.model}#${vector.operationId}`;
		if (!vectorsByOperation.has(key)) vectorsByOperation.set(key, []);
		vectorsByOperation.get(key).push(vector);
	}
	return vectorsByOperation;
}

/** Query values arrive raw (CSV unsplit); the vectors hold arrays, numbers and booleans. */
function queryValueMatches(expected, actual) {
	if (actual === undefined) return false;
	if (Array.isArray(expected)) return expected.map(String).join(',') === actual;
	return String(expected) === actual;
}

function parameterMatches(vector, name, spec, req) {
	// `{}` means "any value"; it also accepts an absent value (e.g. `body: {}` on GET getListingsItem).
	if (!('value' in spec)) return true;
	const location = name === 'body' ? 'body' : vector.paramLocations[name];
	if (location === 'body') return req.body !== undefined && isDeepStrictEqual(req.body, spec.value);
	if (location === 'path') return req.params[name] === String(spec.value);
	return queryValueMatches(spec.value, req.query[name]);
}

const specificity = (vector) => Object.values(vector.request.parameters).filter((spec) => 'value' in spec).length;
const isSuccess = (status) => status >= 200 && status < 300;

/** Candidates in Amazon's order: most specific first, 2xx before errors, then model order. */
function matchingVectors(route, req) {
	const vectors = loadVectors().get(`${route.modelFile}#${route.operationId}`) || [];
	return vectors
		.filter((vector) => Object.entries(vector.request.parameters).every(([name, spec]) => parameterMatches(vector, name, spec, req)))
		.sort((a, b) => specificity(b) - specificity(a) || Number(isSuccess(b.status)) - Number(isSuccess(a.status)));
}

/** Replays Amazon's static sandbox for one request. `x-emulator-case: <status>` picks among equal matches. */
function replaySandbox(route, req) {
	let candidates = matchingVectors(route, req);
	const wanted = Number(req.headers['x-emulator-case']);
	if (wanted) {
		const chosen = candidates.filter((vector) => vector.status === wanted);
		if (chosen.length) candidates = chosen;
	}
	const vector = candidates[0];
	if (!vector) return errors.sandboxNoMatch();
	const noBody = vector.response === null || vector.status === 204;
	return noBody ? { status: vector.status } : { status: vector.status, body: vector.response };
}

module.exports = { replaySandbox, loadVectors };
