'use strict';
// FBA inventory for the Amazon-fulfilled (AFN) listings, seeded lazily after the listings store.
const { listingsStore, isFba, createRandom } = require('./listings');

function seedInventory(ctx) {
	const random = createRandom(ctx.seed ?? 42, 'inventory');
	const inventory = new Map();
	for (const listing of listingsStore(ctx).bySku.values()) {
		if (!isFba(listing)) continue;
		const suppressedOrEmpty = random.chance(0.1);
		inventory.set(listing.sku, {
			sku: listing.sku,
			fulfillable: suppressedOrEmpty ? 0 : random.int(1, 400),
			inboundWorking: random.chance(0.3) ? random.int(1, 50) : 0,
			inboundShipped: random.chance(0.3) ? random.int(1, 80) : 0,
			inboundReceiving: random.chance(0.2) ? random.int(1, 30) : 0,
			pendingCustomerOrder: random.int(0, 5),
			fcProcessing: random.int(0, 3),
			customerDamaged: random.chance(0.2) ? random.int(1, 4) : 0,
			warehouseDamaged: random.chance(0.1) ? random.int(1, 2) : 0,
			researching: random.chance(0.1) ? random.int(1, 3) : 0,
			lastUpdatedMs: ctx.now() - random.int(1, 72) * 3600000,
		});
	}
	return inventory;
}

function inventoryStore(ctx) {
	if (!ctx.state.fbaInventory?.bySku) ctx.state.fbaInventory = { bySku: seedInventory(ctx) };
	return ctx.state.fbaInventory;
}

const reservedOf = (e) => e.pendingCustomerOrder + e.fcProcessing;
const unfulfillableOf = (e) => e.customerDamaged + e.warehouseDamaged;
const totalOf = (e) =>
	e.fulfillable + reservedOf(e) + unfulfillableOf(e) + e.researching + e.inboundWorking + e.inboundShipped + e.inboundReceiving;

/** Fulfillable FBA quantity of a SKU (0 for MFN listings). */
const fulfillableQuantity = (ctx, sku) => inventoryStore(ctx).bySku.get(sku)?.fulfillable ?? 0;

module.exports = { inventoryStore, fulfillableQuantity, reservedOf, unfulfillableOf, totalOf };
