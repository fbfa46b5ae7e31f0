'use strict';

const TWO_MINUTES_MS = 2 * 60 * 1000;
const TWO_MINUTE_RULE =
	'The most updated data is 2 minutes after an order is created or last updated. If you set the CreatedBefore or LastUpdatedBefore parameters, please provide a date that is at least 2 minutes before current time';
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
// Bytes that base64-encode to "+/+/": Amazon's NextTokens contain + / =, so unencoded tokens break like theirs.
const TOKEN_MAGIC = Buffer.from([0xfb, 0xff, 0xbf]);

function parseIsoDate(text) {
	if (typeof text !== 'string' || !ISO_8601.test(text)) return NaN;
	return Date.parse(text);
}

/**
 * The created/lastUpdated window of a list query, with Amazon's rules: the Before bound defaults to
 * now - 2 min and must itself be at least 2 minutes old; the After bound must not be in the future.
 * -> { afterMs, beforeMs } | { error }
 */
function timeWindow(query, { after, before }, now) {
	const afterMs = parseIsoDate(query[after]);
	if (Number.isNaN(afterMs)) return { error: `Invalid ${after}: "${query[after]}" is not an ISO 8601 date-time.` };
	if (afterMs > now) return { error: `${after} cannot be a date in the future.` };
	if (query[before] === undefined) return { afterMs, beforeMs: now - TWO_MINUTES_MS };
	const beforeMs = parseIsoDate(query[before]);
	if (Number.isNaN(beforeMs)) return { error: `Invalid ${before}: "${query[before]}" is not an ISO 8601 date-time.` };
	if (beforeMs > now - TWO_MINUTES_MS) return { error: TWO_MINUTE_RULE };
	if (beforeMs < afterMs) return { error: `${before} must be later than ${after}.` };
	return { afterMs, beforeMs };
}

/** Optional window on another date field (e.g. EarliestDeliveryDateAfter). -> { error } | { afterMs?, beforeMs? } */
function optionalWindow(query, { after, before }) {
	const window = {};
	for (const [name, key] of [[after, 'afterMs'], [before, 'beforeMs']]) {
		if (query[name] === undefined) continue;
		window[key] = parseIsoDate(query[name]);
		if (Number.isNaN(window[key])) return { error: `Invalid ${name}: "${query[name]}" is not an ISO 8601 date-time.` };
	}
	return window;
}

function encodePageToken(payload) {
	let json = JSON.stringify(payload);
	while ((TOKEN_MAGIC.length + Buffer.byteLength(json)) % 3 !== 1) json += ' ';
	return Buffer.concat([TOKEN_MAGIC, Buffer.from(json)]).toString('base64');
}

/** -> payload | null (malformed, e.g. a token whose '+' arrived as ' ' because it was not URL-encoded) */
function decodePageToken(token) {
	if (typeof token !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return null;
	const bytes = Buffer.from(token, 'base64');
	if (!bytes.subarray(0, TOKEN_MAGIC.length).equals(TOKEN_MAGIC)) return null;
	try {
		return JSON.parse(bytes.subarray(TOKEN_MAGIC.length).toString('utf8'));
	} catch {
		return null;
	}
}

/** Sort by a date field, then order id, so pages are stable while nothing changes. */
function sortByDate(orders, field) {
	return [...orders].sort((a, b) => Date.parse(a[field]) - Date.parse(b[field]) || a.orderId.localeCompare(b.orderId));
}

function parsePageSize(value, { name, max = 100 }) {
	if (value === undefined) return { size: max };
	const size = Number(value);
	if (!Number.isInteger(size) || size < 1 || size > max) return { error: `${name} must be an integer between 1 and ${max}.` };
	return { size };
}

const inWindow = (ms, { afterMs, beforeMs }) => (afterMs === undefined || ms >= afterMs) && (beforeMs === undefined || ms < beforeMs);

module.exports = { TWO_MINUTES_MS, TWO_MINUTE_RULE, parseIsoDate, timeWindow, optionalWindow, encodePageToken, decodePageToken, sortByDate, parsePageSize, inWindow };
