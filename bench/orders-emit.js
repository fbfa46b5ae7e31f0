'use strict';
// Benchmark: time to emit 1,000 new orders with items under Amazon's usage plans.
// The emulator is time-scaled (every rate × K), so simulated Amazon time = real elapsed time × K.
// Ours: the trigger's own poll engine (pollOrders) with the SDK core client, v2026 (items embedded) and v0
// (getOrders + getOrderItems). Baseline in the same process: the npm `amazon-sp-api` client doing the same reads
// on the same emulator (its network layer redirected to loopback, its static restore rates divided by K).
const { start } = require('../emulator');
const { dist, LOOKBACK_MS, SELLER, fetchHttp, followingClock, emulatorJson, floorSeconds, callSummary } = require('./lib');
const { runBaseline } = require('./baseline');
const { MARKETPLACE, triggerSettings } = require('./triggerSettings');

const ORDERS = Number(process.env.BENCH_ORDERS || 1000);
const K = Number(process.env.BENCH_TIME_SCALE || 120);
const POLL_BUDGET_S = 300; // n8n's poll budget, in Amazon (simulated) seconds

async function freshEmulator() {
	const emu = await start({ port: 0, seed: 7, orders: 0, purchaseOrders: 0, listings: 0, timeScale: K, indexLagMs: 0, quiet: true });
	const template = { marketplaceId: MARKETPLACE, status: 'Unshipped', fulfillmentChannel: 'MFN' };
	await emulatorJson(emu.url, '/orders', 'POST', { generate: ORDERS, template });
	await emulatorJson(emu.url, '/clock', 'POST', { advanceMinutes: 3 }); // past Amazon's 2-minute rule
	await emulatorJson(emu.url, '/calls', 'DELETE');
	const state = await emulatorJson(emu.url, '/state');
	return { emu, offset: { ms: Date.parse(state.clock?.now ?? state.now) - Date.now() } };
}

async function runOurs(version) {
	const { SpApiClient, getUsagePlan } = dist('nodes/AmazonSpApi/core');
	const { pollOrders } = dist('nodes/AmazonSellerCentral/trigger/poll');
	const { createState } = dist('nodes/AmazonSpApi/n8n/triggerState');
	const { emu, offset } = await freshEmulator();
	const clock = followingClock(offset);
	const credentials = { ...SELLER, region: 'na', environment: 'custom', customBaseUrl: emu.url, customTokenUrl: `${emu.url}/auth/o2/token` };
	const client = new SpApiClient({ credentials, http: fetchHttp, clock });
	let state = createState(clock.now() - LOOKBACK_MS, clock.now() - LOOKBACK_MS);
	const seen = new Set();
	let duplicates = 0;
	let polls = 0;
	const began = Date.now();
	let idlePolls = 0; // stop rather than spin if something is wrong with the window (the run then fails)
	while (seen.size < ORDERS && idlePolls < 20) {
		polls++;
		const before = seen.size;
		const outcome = await pollOrders(client, triggerSettings(version), state, clock.now() + (POLL_BUDGET_S * 1000) / K);
		state = outcome.state;
		for (const order of outcome.orders) (seen.has(order.orderId) ? duplicates++ : seen.add(order.orderId));
		idlePolls = seen.size === before ? idlePolls + 1 : 0;
	}
	const elapsedMs = Date.now() - began;
	const calls = callSummary(await emulatorJson(emu.url, '/calls'));
	await emu.stop();
	const plan = (op) => getUsagePlan(op);
	const floor =
		version === 'v2026'
			? floorSeconds(calls.byOperation['orders.searchOrders'] || 0, plan('orders.searchOrders'))
			: Math.max(
					floorSeconds(calls.byOperation['ordersV0.getOrders'] || 0, plan('ordersV0.getOrders')),
					floorSeconds(seen.size, plan('ordersV0.getOrderItems')),
				);
	return { emitted: seen.size, duplicates, polls, simulatedMin: (elapsedMs * K) / 60000, floorMin: floor / 60, calls };
}

function line(label, r) {
	const ratio = r.floorMin > 0 ? (r.simulatedMin / r.floorMin).toFixed(2) : 'n/a (floor 0: within burst)';
	return `${label.padEnd(34)} emitted ${String(r.emitted).padStart(5)}  simulated ${r.simulatedMin.toFixed(1).padStart(6)} min  floor ${r.floorMin.toFixed(1).padStart(5)} min  ratio-to-floor ${ratio}  calls ${r.calls.total} ${JSON.stringify(r.calls.byOperation)} (429s ${r.calls.throttled})${r.polls !== undefined ? `  polls ${r.polls}  dupes ${r.duplicates}` : ''}`;
}

async function main() {
	process.stdout.write(`orders-emit: ${ORDERS} new MFN orders with items, emulator time scale ×${K}\n`);
	const results = {};
	for (const version of ['v2026', 'v0']) {
		results[`ours ${version}`] = await runOurs(version);
		process.stdout.write(line(`ours ${version}`, results[`ours ${version}`]) + '\n');
		results[`amazon-sp-api ${version}`] = await runBaseline(version, { orders: ORDERS, timeScale: K, freshEmulator, marketplaceId: MARKETPLACE });
		process.stdout.write(line(`baseline amazon-sp-api ${version}`, results[`amazon-sp-api ${version}`]) + '\n');
	}
	const incomplete = Object.entries(results).filter(([, r]) => r.emitted !== ORDERS || r.duplicates);
	if (incomplete.length) {
		throw new Error(`orders-emit: incomplete or duplicated: ${incomplete.map(([label, r]) => `${label} emitted ${r.emitted}/${ORDERS}, duplicates ${r.duplicates}`).join('; ')}`);
	}
	for (const version of ['v2026', 'v0']) {
		const ours = results[`ours ${version}`];
		const base = results[`amazon-sp-api ${version}`];
		process.stdout.write(
			`${version}: time ours/baseline ${(ours.simulatedMin / base.simulatedMin).toFixed(2)}, calls ours/baseline ${(ours.calls.total / base.calls.total).toFixed(2)}, 429s ours ${ours.calls.throttled} vs baseline ${base.calls.throttled}\n`,
		);
	}
	return results;
}

module.exports = { main };
if (require.main === module) main().catch((error) => { process.stderr.write(String(error.stack || error) + '\n'); process.exit(1); });
