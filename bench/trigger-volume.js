'use strict';
// Benchmark: the order trigger draining a backlog of new orders, polled as n8n polls it (every 1 or 5 simulated
// minutes, each poll bounded by the gap and n8n's 5-minute budget), on the emulator's virtual time: rate-limit waits
// advance the emulator's clock, so the figures are simulated minutes and the run takes seconds.
// The floor is what a perfect client needs under Amazon's usage plans: the minimum number of pages (100 orders a
// page) and, on v0 with items, one getOrderItems per order, each plan starting with a full burst.
// Fails (exit code 1) when an order is never emitted or emitted twice.
const { start } = require('../emulator');
const { dist, SELLER, fetchHttp, floorSeconds, callSummary } = require('./lib');
const { MARKETPLACE, triggerSettings } = require('./triggerSettings');

const MINUTE = 60_000;
const POLL_BUDGET_MS = 5 * MINUTE; // n8n-core's getPollBudgetMs default
const SIZES = (process.env.BENCH_TRIGGER_ORDERS || '3000,10000').split(',').map(Number);
const GAPS = [1, 5];

function virtualClock(ctx) {
	return {
		now: () => ctx.now(),
		sleep: async (ms) => {
			const target = ctx.now() + ms;
			await new Promise((resolve) => setImmediate(resolve));
			if (target > ctx.now()) ctx.clock.advance(target - ctx.now());
		},
	};
}

/** Minutes a perfect client needs for `orders` new orders (every plan starts with its full burst). */
function floorMinutes(version, orders) {
	const { getUsagePlan } = dist('nodes/AmazonSpApi/core');
	const pages = Math.ceil(orders / 100);
	if (version === 'v2026') return floorSeconds(pages, getUsagePlan('orders.searchOrders')) / 60;
	return Math.max(floorSeconds(pages, getUsagePlan('ordersV0.getOrders')), floorSeconds(orders, getUsagePlan('ordersV0.getOrderItems'))) / 60;
}

/** The n8n side of a poll: Poll Times "every <gap> minutes" and n8n's poll budget. */
function pollContext(gapMinutes) {
	return {
		getPollBudgetMs: () => POLL_BUDGET_MS,
		getNodeParameter: () => ({ item: [{ mode: 'everyX', value: gapMinutes, unit: 'minutes' }] }),
	};
}

async function runRow(version, orders, gapMinutes) {
	const { SpApiClient, RateLimiter } = dist('nodes/AmazonSpApi/core');
	const { pollOrders } = dist('nodes/AmazonSellerCentral/trigger/poll');
	const { createState, pollDeadline } = dist('nodes/AmazonSpApi/n8n/triggerState');
	const emu = await start({ port: 0, seed: 16, orders: 0, purchaseOrders: 0, listings: 0, timeScale: 1, indexLagMs: 0, quiet: true });
	try {
		const clock = virtualClock(emu.ctx);
		// The backlog: `orders` new MFN orders bought over the last hour (a Prime-Day hour), all visible.
		const began = clock.now();
		const ids = new Set();
		for (let index = 0; index < orders; index++) {
			const at = new Date(began - MINUTE * 60 + Math.floor((index * 60 * MINUTE) / orders)).toISOString();
			const order = emu.ctx.orders.upsert({ marketplaceId: MARKETPLACE, fulfillmentChannel: 'MFN', purchaseDate: at, lastUpdateDate: at, visibleAfter: at });
			ids.add(order.orderId);
		}
		const credentials = { ...SELLER, region: 'na', environment: 'custom', customBaseUrl: emu.url, customTokenUrl: `${emu.url}/auth/o2/token` };
		const client = new SpApiClient({ credentials, http: fetchHttp, clock, limiter: new RateLimiter({ clock }) });
		const settings = triggerSettings(version);
		const ctx = pollContext(gapMinutes);
		const floor = floorMinutes(version, orders);
		const giveUpAt = began + (floor * 3 + 120) * MINUTE;
		let state = createState(began - 2 * 60 * MINUTE, began - 2 * 60 * MINUTE);
		const counts = new Map();
		let idle = 0;
		let maxIdle = 0;
		let lastEmission = began;
		let tick = began;
		while (counts.size < ids.size && clock.now() < giveUpAt) {
			if (clock.now() < tick) emu.ctx.clock.advance(tick - clock.now());
			const outcome = await pollOrders(client, settings, state, pollDeadline(ctx, clock.now()));
			state = outcome.state;
			for (const order of outcome.orders) counts.set(order.orderId, (counts.get(order.orderId) || 0) + 1);
			if (outcome.orders.length) lastEmission = clock.now();
			idle = outcome.orders.length ? 0 : idle + 1;
			maxIdle = Math.max(maxIdle, idle);
			// n8n's next tick after this poll ended (a poll never outlasts its gap; a late one would step aside).
			while (tick <= clock.now()) tick += gapMinutes * MINUTE;
		}
		const emitted = [...counts.keys()].filter((id) => ids.has(id)).length;
		const duplicates = [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
		const simMinutes = (lastEmission - began) / MINUTE;
		const calls = callSummary(emu.ctx.calls.snapshot());
		return { version, orders, gapMinutes, emitted, duplicates, maxIdle, simMinutes, floor, calls };
	} finally {
		await emu.stop();
	}
}

function line(row) {
	const ratio = row.floor > 0 ? (row.simMinutes / row.floor).toFixed(2) : 'n/a';
	return `trigger-volume: ${row.version} orders=${row.orders} gap=${row.gapMinutes}m emitted=${row.emitted} duplicates=${row.duplicates} max-idle-polls=${row.maxIdle} sim-minutes=${row.simMinutes.toFixed(1)} floor-minutes=${row.floor.toFixed(1)} ratio=${ratio}`;
}

async function main() {
	const rows = [];
	for (const version of ['v2026', 'v0'])
		for (const orders of SIZES)
			for (const gap of GAPS) {
				const row = await runRow(version, orders, gap);
				rows.push(row);
				process.stdout.write(line(row) + '\n');
				process.stdout.write(`  calls ${JSON.stringify(row.calls.byOperation)} (429s ${row.calls.throttled})\n`);
			}
	const incomplete = rows.filter((row) => row.emitted !== row.orders || row.duplicates > 0);
	if (incomplete.length) {
		throw new Error(`trigger-volume: ${incomplete.length} row(s) incomplete or with duplicates: ${incomplete.map(line).join('; ')}`);
	}
	return rows;
}

module.exports = { main };
if (require.main === module) main().catch((error) => { process.stderr.write(String(error.stack || error) + '\n'); process.exit(1); });
