'use strict';

// The demo's order book (`npm start`, `--demo`): recent orders in the demo credential's marketplace (US) that each
// example workflow acts on at its first run, and "live orders" (`--live-orders <minutes>`) that keep arriving so a
// published Amazon Seller Central Trigger visibly fires.
const { generateOrder, MINUTE } = require('../lib/orderGenerator');

/** The SKU the cancel example's "Stock Check" node treats as sold out. */
const SOLD_OUT_SKU = 'DEMO-SOLD-OUT-1';

/**
 * One unshipped, seller-fulfilled US order per kind, each picked up by an example:
 * prime → "Acknowledge" (then shipped with UPS Express), soldOut → "Cancel", standard → shipped with DHL Paket,
 * expedited → shipped with UPS Express.
 */
const DEMO_KINDS = [
	{ name: 'prime', fixed: { isPrime: true, level: 'prime' } },
	{ name: 'standard', fixed: { level: 'standard' } },
	{ name: 'soldOut', fixed: { level: 'standard' }, soldOut: true },
	{ name: 'expedited', fixed: { level: 'expedited' } },
];

function demoOrder(tools, kind, now, ageMs) {
	const fixed = { status: 'Unshipped', channel: 'MFN', isPrime: false, ageMs, ...kind.fixed };
	const order = generateOrder(tools, { now, marketplaceCode: 'US', fixed });
	order.acknowledged = false;
	order.items = order.items.map((item, index) => (kind.soldOut && index === 0 ? { ...item, sellerSku: SOLD_OUT_SKU } : item));
	return order;
}

/** Seeds one order of every kind (and a second Prime one), placed between 3 h and 30 min ago. */
function seedDemoOrders(tools, add, now) {
	const kinds = [...DEMO_KINDS, DEMO_KINDS[0]];
	return kinds.map((kind, index) => {
		const order = add(demoOrder(tools, kind, now, (180 - index * 30) * MINUTE));
		order.visibleAfter = order.lastUpdateDate; // placed hours ago: long indexed
		return order;
	});
}

/**
 * Live orders: every `intervalMinutes` of emulator time a new order (kinds in turn) is placed. Created lazily when
 * the order book is read, so they carry the exact arrival time and need no timer.
 */
function createLiveOrders(tools, add, now, intervalMinutes) {
	const intervalMs = Number(intervalMinutes) * MINUTE;
	if (!(intervalMs > 0)) return { arrive: () => 0 };
	let next = now() + intervalMs;
	let count = 0;
	return {
		arrive() {
			let arrived = 0;
			for (const current = now(); next <= current; next += intervalMs) {
				add(demoOrder(tools, DEMO_KINDS[count++ % DEMO_KINDS.length], next, 0));
				arrived++;
			}
			return arrived;
		},
	};
}

module.exports = { DEMO_KINDS, SOLD_OUT_SKU, seedDemoOrders, createLiveOrders };
