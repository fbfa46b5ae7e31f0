'use strict';

const { start } = require('../index');
const { CREDENTIALS } = require('./credentials');

const REFRESH_TOKENS = { seller: CREDENTIALS.sellerRefreshToken, vendor: CREDENTIALS.vendorRefreshToken };

async function readResponse(response) {
	const text = await response.text();
	let body;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		body = undefined;
	}
	return { status: response.status, headers: response.headers, text, body };
}

function withQuery(path, query) {
	if (!query) return path;
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(query)) {
		if (value !== undefined) search.set(name, Array.isArray(value) ? value.join(',') : String(value));
	}
	const text = search.toString();
	return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/**
 * Test helper around start(): token cache per partner, SP-API calls and inspection shortcuts.
 * call(method, path, { as: 'seller'|'vendor'|null, token, query, body, headers }) -> { status, headers, body, text }
 */
async function startEmulator(options = {}) {
	const emulator = await start({ quiet: true, ...options });
	const cachedTokens = {};
	const raw = (method, path, { body, headers = {}, form = false } = {}) => {
		const init = { method, headers: { ...headers } };
		if (body !== undefined) {
			init.body = form ? new URLSearchParams(body).toString() : JSON.stringify(body);
			init.headers['content-type'] = form ? 'application/x-www-form-urlencoded;charset=UTF-8' : 'application/json';
		}
		return fetch(`${emulator.url}${path}`, init).then(readResponse);
	};
	const lwa = (fields, { json = false } = {}) => raw('POST', '/auth/o2/token', { body: fields, form: !json });
	async function token(kind = 'seller') {
		if (!cachedTokens[kind]) {
			const response = await lwa({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKENS[kind], client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret });
			if (response.status !== 200) throw new Error(`LWA failed: ${response.text}`);
			cachedTokens[kind] = response.body.access_token;
		}
		return cachedTokens[kind];
	}
	async function call(method, path, { as = 'seller', token: explicitToken, query, body, headers = {} } = {}) {
		const accessToken = explicitToken !== undefined ? explicitToken : as ? await token(as) : undefined;
		const allHeaders = { ...headers };
		if (accessToken) allHeaders['x-amz-access-token'] = accessToken;
		return raw(method, withQuery(path, query), { body, headers: allHeaders });
	}
	const inspect = (method, path, body) => raw(method, `/_emulator${path}`, { body }).then((response) => response.body);
	return {
		...emulator,
		raw,
		lwa,
		token,
		forgetTokens: () => Object.keys(cachedTokens).forEach((kind) => delete cachedTokens[kind]),
		call,
		inspect,
		advance: (ms) => inspect('POST', '/clock', { advanceMs: ms }),
		inject: (orders) => inspect('POST', '/orders', orders).then((result) => result.orders),
		setFaults: (spec) => inspect('POST', '/faults', { spec }),
		calls: (operation) => inspect('GET', operation ? `/calls?operation=${encodeURIComponent(operation)}` : '/calls'),
	};
}

module.exports = { startEmulator, CREDENTIALS, withQuery };
