'use strict';

const crypto = require('crypto');

function readBody(nodeRequest) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		nodeRequest.on('data', (chunk) => chunks.push(chunk));
		nodeRequest.on('end', () => resolve(Buffer.concat(chunks)));
		nodeRequest.on('error', reject);
	});
}

/** name -> raw value (URL-decoded, '+' as space like Amazon); repeated names are joined with ','. */
function parseQuery(searchParams) {
	const query = {};
	for (const [name, value] of searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
	return query;
}

/** JSON or form body -> object; undefined when empty; throws SyntaxError on malformed JSON. */
function parseBody(rawBody, contentType = '') {
	if (!rawBody.length) return undefined;
	const text = rawBody.toString('utf8');
	if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
	if (contentType.includes('json') || /^\s*[[{"]/.test(text)) return JSON.parse(text);
	return undefined;
}

const newRequestId = () => crypto.randomUUID();

/** Writes a handler result { status, body?, raw?, stream?, headers? }. */
function sendResult(nodeResponse, result, extraHeaders) {
	const headers = { ...extraHeaders, ...(result.headers || {}) };
	if (result.stream) {
		nodeResponse.writeHead(result.status, headers);
		result.stream.on('error', () => nodeResponse.destroy());
		nodeResponse.on('close', () => result.stream.destroy());
		return void result.stream.pipe(nodeResponse);
	}
	let payload;
	if (result.raw !== undefined) payload = result.raw;
	else if (result.body !== undefined && result.status !== 204) {
		payload = JSON.stringify(result.body);
		if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
	}
	if (payload !== undefined) headers['Content-Length'] = Buffer.byteLength(payload);
	nodeResponse.writeHead(result.status, headers);
	nodeResponse.end(payload);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { readBody, parseQuery, parseBody, newRequestId, sendResult, sleep };
