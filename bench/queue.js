'use strict';
// Benchmark: the same items-heavy read load through 1 and 2 workers, as in n8n queue mode (each worker a process of
// its own with its own limiter). 20 executions of 10 orders each call v0 getOrderItems once per order (plan 0.5/s,
// burst 30) on a time-scaled emulator; executions are spread round-robin over the workers and read their orders one
// after the other, as n8n's item loop does. Rows: ours with 1 worker, 2 workers at a 50% share, 2 workers without a
// share (AIMD only); baseline in the same process: the npm `amazon-sp-api` client with 1 and 2 workers.
// Prints one machine-readable line per row:
//   queue-read: client=<ours|amazon-sp-api> workers=<n> share=<pct> calls=<n> answered429=<n> surfaced=<n>
//     seconds=<real s> floor=<s> ratio=<seconds/floor> throughput=<orders/s>
// and fails when any order was not read.
const https = require('https');
const http = require('http');
const { start } = require('../emulator');
const { dist, SELLER, fetchHttp, emulatorJson, floorSeconds, callSummary } = require('./lib');

const K = Number(process.env.BENCH_QUEUE_TIME_SCALE || 10);
const EXECUTIONS = 20;
const ORDERS_PER_EXECUTION = 10;
const OPERATION = 'ordersV0.getOrderItems';

async function freshEmulator() {
	const emu = await start({ port: 0, seed: 11, orders: 0, purchaseOrders: 0, listings: 0, timeScale: K, quiet: true });
	const template = { marketplaceId: 'ATVPDKIKX0DER', status: 'Unshipped', fulfillmentChannel: 'MFN' };
	const created = await emulatorJson(emu.url, '/orders', 'POST', { generate: EXECUTIONS * ORDERS_PER_EXECUTION, template });
	await emulatorJson(emu.url, '/calls', 'DELETE');
	return { emu, orderIds: (created.orders ?? created).map((order) => order.orderId) };
}

/** Runs the 20 executions over `workers` (each `readOne(orderId)` of its own) and measures the emulator's view. */
async function runLoad(label, workers, share, makeWorker) {
	const { emu, orderIds } = await freshEmulator();
	const readers = await Promise.all(Array.from({ length: workers }, () => makeWorker(emu.url)));
	let surfaced = 0;
	const began = Date.now();
	try {
		await Promise.all(
			Array.from({ length: EXECUTIONS }, async (_, execution) => {
				const readOne = readers[execution % workers].readOne;
				for (const orderId of orderIds.slice(execution * ORDERS_PER_EXECUTION, (execution + 1) * ORDERS_PER_EXECUTION)) {
					try {
						await readOne(orderId);
					} catch {
						surfaced++;
					}
				}
			}),
		);
		const seconds = (Date.now() - began) / 1000;
		const calls = await emulatorJson(emu.url, '/calls');
		const answered = (calls.counts[OPERATION] || 0) - (calls.throttled[OPERATION] || 0);
		const { getUsagePlan } = dist('nodes/AmazonSpApi/core');
		const plan = getUsagePlan(OPERATION);
		const floor = floorSeconds(orderIds.length, { rate: plan.rate * K, burst: plan.burst });
		const row = { label, workers, share, calls: callSummary(calls).total, answered429: calls.throttled[OPERATION] || 0, surfaced, seconds, floor, read: answered };
		process.stdout.write(
			`queue-read: client=${label} workers=${workers} share=${share}% calls=${row.calls} answered429=${row.answered429} surfaced=${surfaced} ` +
				`seconds=${seconds.toFixed(1)} floor=${floor.toFixed(1)} ratio=${(seconds / floor).toFixed(2)} throughput=${(answered / seconds).toFixed(2)}\n`,
		);
		if (answered !== orderIds.length || surfaced) {
			throw new Error(`${label} with ${workers} worker(s): read ${answered} of ${orderIds.length} orders, ${surfaced} failures surfaced`);
		}
		return row;
	} finally {
		https.request = originalHttpsRequest;
		await emu.stop();
	}
}

function ourWorker(share) {
	return async (url) => {
		const { SpApiClient, RateLimiter, createClock } = dist('nodes/AmazonSpApi/core');
		const clock = createClock((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
		const credentials = { ...SELLER, region: 'na', environment: 'custom', customBaseUrl: url, customTokenUrl: `${url}/auth/o2/token` };
		const client = new SpApiClient({ credentials, http: fetchHttp, clock, limiter: new RateLimiter({ clock }), rateShare: share / 100 });
		return {
			readOne: (orderId) => client.request({ operation: OPERATION, method: 'GET', path: `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems` }),
		};
	};
}

const originalHttpsRequest = https.request;

/** amazon-sp-api only speaks https to Amazon's hosts: for the run its requests go to the emulator on loopback. */
function baselineWorker(url) {
	const SellingPartner = require('amazon-sp-api');
	const target = new URL(url);
	https.request = (options, callback) =>
		http.request({ ...options, protocol: 'http:', hostname: target.hostname, port: target.port, agent: undefined }, callback);
	const sp = new SellingPartner({
		region: 'na',
		refresh_token: SELLER.refreshToken,
		credentials: { SELLING_PARTNER_APP_CLIENT_ID: SELLER.clientId, SELLING_PARTNER_APP_CLIENT_SECRET: SELLER.clientSecret },
		options: { auto_request_tokens: true, auto_request_throttled: true },
	});
	return {
		readOne: (orderId) =>
			sp.callAPI({ operation: 'getOrderItems', endpoint: 'orders', path: { orderId }, options: { version: 'v0', restore_rate: 2 / K } }),
	};
}

async function main() {
	process.stdout.write(`\nqueue-read: ${EXECUTIONS} executions × ${ORDERS_PER_EXECUTION} orders, getOrderItems 0.5/s burst 30, emulator ×${K}\n`);
	const ours1 = await runLoad('ours', 1, 100, ourWorker(100));
	const ours2 = await runLoad('ours', 2, 50, ourWorker(50));
	const oursNoShare = await runLoad('ours', 2, 100, ourWorker(100));
	const base1 = await runLoad('amazon-sp-api', 1, 100, baselineWorker);
	const base2 = await runLoad('amazon-sp-api', 2, 100, baselineWorker);
	const ratio = (ours, base) => (ours.seconds / base.seconds).toFixed(2);
	process.stdout.write(
		`queue-read-ratio: workers=1 time-vs-baseline=${ratio(ours1, base1)} answered429 ours=${ours1.answered429} baseline=${base1.answered429}\n` +
			`queue-read-ratio: workers=2 time-vs-baseline=${ratio(ours2, base2)} answered429 ours=${ours2.answered429} (share 50%), ${oursNoShare.answered429} (no share) baseline=${base2.answered429}\n`,
	);
}

module.exports = { main };

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(String(error.stack || error) + '\n');
		process.exit(1);
	});
}
