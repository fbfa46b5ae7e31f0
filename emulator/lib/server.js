'use strict';

const http = require('http');
const { readBody, parseQuery, parseBody, newRequestId, sendResult } = require('./http');
const { handleInspection } = require('./inspection');
const { runSpApi, applyFault, describeFault } = require('./pipeline');
const { errors } = require('./errors');

const splitCsv = (value) => (value === undefined || value === '' ? [] : String(value).split(',').map((part) => part.trim()));

async function buildRequest(nodeRequest) {
	const url = new URL(nodeRequest.url, 'http://emulator.local');
	const rawBody = await readBody(nodeRequest);
	const req = {
		method: nodeRequest.method,
		path: url.pathname,
		query: parseQuery(url.searchParams),
		headers: nodeRequest.headers,
		rawBody,
		params: {},
		socket: nodeRequest.socket,
	};
	req.list = (name) => splitCsv(req.query[name]);
	try {
		req.body = parseBody(rawBody, nodeRequest.headers['content-type']);
	} catch (error) {
		req.bodyError = error.message;
	}
	return req;
}

function findRawRoute(ctx, req) {
	return ctx.rawRoutes.find((route) => route.method === req.method && (route.path ? req.path === route.path : req.path.startsWith(route.prefix)));
}

async function runRawRoute(route, req, ctx) {
	const operation = route.operation || `raw ${route.method} ${route.prefix || route.path}`;
	const fault = route.operation ? ctx.faults.next(route.operation) : null;
	const faulted = await applyFault(fault, { req, ctx, token: null });
	if (faulted) {
		const result = faulted.result && route.faultResult ? route.faultResult(faulted.result.status) : faulted.result;
		return { operation, ...faulted, result, fault: describeFault(fault) };
	}
	return { operation, result: await route.handle(req, ctx) };
}

/** HTTP front: raw routes (LWA, document URLs), the /_emulator inspection API, then the SP-API pipeline. */
function createHttpServer(ctx) {
	return http.createServer(async (nodeRequest, nodeResponse) => {
		const requestId = newRequestId();
		let outcome;
		let req;
		try {
			req = await buildRequest(nodeRequest);
			const inspection = handleInspection(req, ctx);
			if (inspection) return sendResult(nodeResponse, inspection, { 'x-amzn-RequestId': requestId });
			const rawRoute = findRawRoute(ctx, req);
			outcome = rawRoute ? await runRawRoute(rawRoute, req, ctx) : await runSpApi(req, ctx, ctx.handlers);
		} catch (error) {
			ctx.log(`SP-API emulator: ${error.stack}`);
			outcome = { operation: (req && req.operation) || 'unknown', result: errors.internalFailure(error.message) };
		}
		const status = outcome.dropped ? 0 : outcome.result.status;
		ctx.calls.record({
			operation: outcome.operation,
			method: req ? req.method : nodeRequest.method,
			path: req ? req.path : nodeRequest.url,
			status,
			partner: outcome.partner,
			query: req && req.query,
			params: req && req.params,
			body: req && (req.body !== undefined ? req.body : req.rawBody.length ? req.rawBody.toString('utf8').slice(0, 10000) : undefined),
			fault: outcome.fault,
			sandbox: outcome.sandbox,
		});
		if (outcome.dropped) return nodeRequest.socket.destroy();
		const headers = { 'x-amzn-RequestId': requestId };
		if (outcome.rateLimit !== undefined) headers['x-amzn-RateLimit-Limit'] = outcome.rateLimit;
		sendResult(nodeResponse, outcome.result, headers);
	});
}

module.exports = { createHttpServer };
