'use strict';
// Baseline for the orders benchmark: the npm `amazon-sp-api` client (the most used SP-API client on npm) reading
// the same 1,000 orders from the same emulator. It only talks https to Amazon's hosts, so its https.request is
// redirected to the emulator on loopback for the duration of the run. It has no proactive limiter: it sends until
// Amazon answers 429, then waits its static restore rate (which we divide by the time scale, as Amazon's would be).
const https = require('https');
const http = require('http');
const SellingPartner = require('amazon-sp-api');
const { LOOKBACK_MS, SELLER, emulatorJson, floorSeconds, callSummary, dist } = require('./lib');

function redirectHttpsTo(emulatorUrl) {
	const target = new URL(emulatorUrl);
	const original = https.request;
	https.request = (options, callback) =>
		http.request({ ...options, protocol: 'http:', hostname: target.hostname, port: target.port, agent: undefined }, callback);
	return () => (https.request = original);
}

async function readAll(sp, version, { timeScale, marketplaceId, after }) {
	const seen = new Set();
	let duplicates = 0;
	const note = (id) => (seen.has(id) ? duplicates++ : seen.add(id));
	let token;
	do {
		if (version === 'v2026') {
			const query = token ? { paginationToken: token } : { lastUpdatedAfter: after, marketplaceIds: [marketplaceId], maxResultsPerPage: 100 };
			const res = await sp.callAPI({ operation: 'searchOrders', endpoint: 'orders', query, options: { version: '2026-01-01', restore_rate: 180 / timeScale } });
			for (const order of res.orders || []) note(order.orderId);
			token = res.pagination?.nextToken;
		} else {
			const query = token ? { MarketplaceIds: [marketplaceId], NextToken: token } : { MarketplaceIds: [marketplaceId], LastUpdatedAfter: after, MaxResultsPerPage: 100 };
			const res = await sp.callAPI({ operation: 'getOrders', endpoint: 'orders', query, options: { version: 'v0', restore_rate: 60 / timeScale } });
			for (const order of res.Orders || []) {
				await sp.callAPI({ operation: 'getOrderItems', endpoint: 'orders', path: { orderId: order.AmazonOrderId }, options: { version: 'v0', restore_rate: 2 / timeScale } });
				note(order.AmazonOrderId);
			}
			token = res.NextToken;
		}
	} while (token);
	return { emitted: seen.size, duplicates };
}

async function runBaseline(version, { timeScale, freshEmulator, marketplaceId }) {
	const { getUsagePlan } = dist('nodes/AmazonSpApi/core');
	const { emu, offset } = await freshEmulator();
	const restore = redirectHttpsTo(emu.url);
	try {
		const sp = new SellingPartner({
			region: 'na',
			refresh_token: SELLER.refreshToken,
			credentials: { SELLING_PARTNER_APP_CLIENT_ID: SELLER.clientId, SELLING_PARTNER_APP_CLIENT_SECRET: SELLER.clientSecret },
			options: { auto_request_tokens: true, auto_request_throttled: true },
		});
		const after = new Date(Date.now() + offset.ms - LOOKBACK_MS).toISOString();
		const began = Date.now();
		const read = await readAll(sp, version, { timeScale, marketplaceId, after });
		const elapsedMs = Date.now() - began;
		const calls = callSummary(await emulatorJson(emu.url, '/calls'));
		const floor =
			version === 'v2026'
				? floorSeconds(calls.byOperation['orders.searchOrders'] || 0, getUsagePlan('orders.searchOrders'))
				: Math.max(
						floorSeconds(calls.byOperation['ordersV0.getOrders'] || 0, getUsagePlan('ordersV0.getOrders')),
						floorSeconds(read.emitted, getUsagePlan('ordersV0.getOrderItems')),
					);
		return { ...read, simulatedMin: (elapsedMs * timeScale) / 60000, floorMin: floor / 60, calls };
	} finally {
		restore();
		await emu.stop();
	}
}

module.exports = { runBaseline, redirectHttpsTo };
