'use strict';
// FBA Inventory v1 getInventorySummaries, from the AFN listings.
const { listingsStore, itemNameFor } = require('../data/listings');
const { inventoryStore, reservedOf, unfulfillableOf, totalOf } = require('../data/inventory');

const PAGE_SIZE = 50;

function inventoryDetails(e) {
	return {
		fulfillableQuantity: e.fulfillable,
		inboundWorkingQuantity: e.inboundWorking,
		inboundShippedQuantity: e.inboundShipped,
		inboundReceivingQuantity: e.inboundReceiving,
		reservedQuantity: {
			totalReservedQuantity: reservedOf(e),
			pendingCustomerOrderQuantity: e.pendingCustomerOrder,
			pendingTransshipmentQuantity: 0,
			fcProcessingQuantity: e.fcProcessing,
		},
		researchingQuantity: {
			totalResearchingQuantity: e.researching,
			researchingQuantityBreakdown: [
				{ name: 'researchingQuantityInShortTerm', quantity: e.researching },
				{ name: 'researchingQuantityInMidTerm', quantity: 0 },
				{ name: 'researchingQuantityInLongTerm', quantity: 0 },
			],
		},
		unfulfillableQuantity: {
			totalUnfulfillableQuantity: unfulfillableOf(e),
			customerDamagedQuantity: e.customerDamaged,
			warehouseDamagedQuantity: e.warehouseDamaged,
			distributorDamagedQuantity: 0,
			carrierDamagedQuantity: 0,
			defectiveQuantity: 0,
			expiredQuantity: 0,
		},
	};
}

function getInventorySummaries(req, ctx) {
	const marketplaceId = req.query.granularityId;
	if (req.query.granularityType !== 'Marketplace' || !marketplaceId)
		return ctx.error(400, 'InvalidInput', "granularityType must be 'Marketplace' and granularityId is required.");
	if (!req.list('marketplaceIds').includes(marketplaceId))
		return ctx.error(400, 'InvalidInput', 'granularityId must be one of the marketplaceIds.');
	const skus = req.list('sellerSkus');
	if (skus.length > 50) return ctx.error(400, 'InvalidInput', 'sellerSkus accepts at most 50 SKUs.');
	const since = req.query.startDateTime ? Date.parse(req.query.startDateTime) : -Infinity;
	const listings = listingsStore(ctx).bySku;
	const matching = [...inventoryStore(ctx).bySku.values()].filter(
		(e) =>
			listings.get(e.sku)?.marketplaceIds.includes(marketplaceId) &&
			(!skus.length || skus.includes(e.sku)) &&
			(!req.query.sellerSku || req.query.sellerSku === e.sku) &&
			e.lastUpdatedMs >= since,
	);
	const offset = Number(req.query.nextToken ? Buffer.from(req.query.nextToken, 'base64url').toString() : 0) || 0;
	const withDetails = req.query.details === 'true';
	const inventorySummaries = matching.slice(offset, offset + PAGE_SIZE).map((e) => {
		const listing = listings.get(e.sku);
		return {
			asin: listing.asin,
			fnSku: listing.fnSku,
			sellerSku: e.sku,
			condition: 'NewItem',
			...(withDetails ? { inventoryDetails: inventoryDetails(e) } : {}),
			lastUpdatedTime: new Date(e.lastUpdatedMs).toISOString(),
			productName: itemNameFor(listing, marketplaceId),
			totalQuantity: totalOf(e),
			stores: [],
		};
	});
	const next = offset + PAGE_SIZE < matching.length ? Buffer.from(String(offset + PAGE_SIZE)).toString('base64url') : null;
	return {
		status: 200,
		body: {
			...(next ? { pagination: { nextToken: next } } : {}),
			payload: { granularity: { granularityType: 'Marketplace', granularityId: marketplaceId }, inventorySummaries },
		},
	};
}

module.exports = {
	name: 'fbaInventory',
	handlers: { 'fbaInventory.getInventorySummaries': getInventorySummaries },
	init(ctx) {
		// Seeded lazily from the listings store, which may initialise after this module.
		ctx.state.fbaInventory = undefined;
	},
	inspect(ctx) {
		return { skus: inventoryStore(ctx).bySku.size };
	},
};
