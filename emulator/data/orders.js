'use strict';

const { rngTools } = require('../lib/rng');
const { generateOrder, MINUTE } = require('../lib/orderGenerator');
const { marketplaceById } = require('../lib/marketplaces');
const { createLiveOrders, seedDemoOrders } = require('./demoOrders');

const DEFAULT_INDEX_LAG_MS = 5 * MINUTE;
const PENDING_TRANSITION_SHARE = 0.7;
const FINAL_STATUSES = new Set(['Canceled', 'Shipped', 'Unfulfillable']);

const iso = (ms) => new Date(ms).toISOString();
const remainingOf = (item) => item.quantityOrdered - item.quantityShipped - item.quantityCanceled;

/**
 * The canonical order book (CONTRACT.md "OrderStore"). Pending orders become Unshipped lazily when read
 * (`pendingUntil`), and every mutation pushes `visibleAfter` out by the seeded indexing lag.
 */
function createOrderStore(ctx) {
	const tools = rngTools(ctx.rng);
	const orders = new Map();
	const maxLagMs = ctx.options.indexLagMs ?? DEFAULT_INDEX_LAG_MS;
	const indexingLag = () => Math.floor((tools.rng() * maxLagMs) / (ctx.timeScale || 1));

	function schedulePending(order) {
		if (order.status !== 'Pending' || order.pendingUntil !== undefined) return;
		const purchase = Date.parse(order.purchaseDate);
		order.pendingUntil = tools.chance(PENDING_TRANSITION_SHARE) ? iso(purchase + tools.int(20, 120) * MINUTE) : null;
	}

	function add(order) {
		while (orders.has(order.orderId)) order.orderId = order.orderId.replace(/\d{7}$/, tools.digits(7));
		order.visibleAfter = iso(Date.parse(order.lastUpdateDate) + indexingLag());
		schedulePending(order);
		orders.set(order.orderId, order);
		return order;
	}

	function touch(order) {
		const now = ctx.now();
		order.lastUpdateDate = iso(now);
		order.visibleAfter = iso(now + indexingLag());
	}

	/** Lazy Pending -> Unshipped transition once the virtual payment delay has passed. */
	function settle(order) {
		if (order && order.status === 'Pending' && order.pendingUntil && Date.parse(order.pendingUntil) <= ctx.now()) {
			order.status = 'Unshipped';
			order.lastUpdateDate = order.pendingUntil;
			order.visibleAfter = iso(Date.parse(order.pendingUntil) + indexingLag());
			order.pendingUntil = null;
		}
		return order;
	}

	function refreshStatus(order) {
		const open = order.items.some((item) => remainingOf(item) > 0);
		const shipped = order.items.some((item) => item.quantityShipped > 0);
		if (!open) order.status = shipped ? 'Shipped' : 'Canceled';
		else if (shipped) order.status = 'PartiallyShipped';
	}

	function generate(count, template = {}) {
		const created = [];
		for (let index = 0; index < count; index++) {
			created.push(add({ ...generateOrder(tools, { now: ctx.now(), index: orders.size, marketplaceCode: template.marketplaceCode }), ...template }));
		}
		return created;
	}

	let live = { arrive: () => 0 };
	const store = {
		get(orderId) {
			live.arrive();
			return settle(orders.get(orderId));
		},
		list() {
			live.arrive();
			return [...orders.values()].map(settle);
		},
		generate,

		acknowledge(orderId, { merchantOrderId, items = [] } = {}) {
			const order = store.get(orderId);
			if (!order) return `Order ${orderId} was not found.`;
			for (const { orderItemId, merchantOrderItemId } of items) {
				const item = order.items.find((candidate) => candidate.orderItemId === orderItemId);
				if (!item) return `Order item ${orderItemId} is not part of order ${orderId}.`;
				item.merchantOrderItemId = merchantOrderItemId;
			}
			if (merchantOrderId) order.merchantOrderId = merchantOrderId;
			order.acknowledged = true;
			touch(order);
			return null;
		},

		cancel(orderId, { reason, items } = {}) {
			const order = store.get(orderId);
			if (!order) return `Order ${orderId} was not found.`;
			if (order.status === 'Canceled') return `Order ${orderId} is already canceled.`;
			if (order.status === 'Shipped') return `Order ${orderId} has already shipped and cannot be canceled.`;
			const requested = items || order.items.map((item) => ({ orderItemId: item.orderItemId, quantity: remainingOf(item), reason }));
			for (const { orderItemId, quantity } of requested) {
				const item = order.items.find((candidate) => candidate.orderItemId === orderItemId);
				if (!item) return `Order item ${orderItemId} is not part of order ${orderId}.`;
				const wanted = quantity ?? remainingOf(item);
				if (wanted > remainingOf(item)) return `Cannot cancel ${wanted} of order item ${orderItemId}: only ${remainingOf(item)} unshipped.`;
			}
			for (const { orderItemId, quantity, reason: itemReason } of requested) {
				const item = order.items.find((candidate) => candidate.orderItemId === orderItemId);
				item.quantityCanceled += quantity ?? remainingOf(item);
				item.cancelReason = itemReason || reason || null;
			}
			refreshStatus(order);
			touch(order);
			return null;
		},

		ship(orderId, { carrierCode, carrierName, shippingMethod, trackingNumber, shipDate, packageReferenceId, items } = {}) {
			const order = store.get(orderId);
			if (!order) return `Order ${orderId} was not found.`;
			if (order.fulfillmentChannel !== 'MFN') return `Order ${orderId} is fulfilled by Amazon (AFN) and cannot be shipped by the seller.`;
			if (['Canceled', 'Pending', 'PendingAvailability'].includes(order.status)) return `Order ${orderId} is ${order.status} and cannot be shipped.`;
			const requested = items || order.items.filter((item) => remainingOf(item) > 0).map((item) => ({ orderItemId: item.orderItemId, quantity: remainingOf(item) }));
			if (!requested.length) return `Order ${orderId} has no unshipped items.`;
			for (const { orderItemId, quantity } of requested) {
				const item = order.items.find((candidate) => candidate.orderItemId === orderItemId);
				if (!item) return `Order item ${orderItemId} is not part of order ${orderId}.`;
				if (quantity > remainingOf(item)) return `Quantity ${quantity} for order item ${orderItemId} exceeds the unshipped quantity ${remainingOf(item)}.`;
			}
			for (const { orderItemId, quantity } of requested) {
				order.items.find((candidate) => candidate.orderItemId === orderItemId).quantityShipped += quantity;
			}
			order.shipments.push({
				packageReferenceId: packageReferenceId || String(order.shipments.length + 1),
				carrierCode,
				carrierName: carrierName || null,
				shippingMethod: shippingMethod || null,
				trackingNumber,
				shipDate: shipDate || iso(ctx.now()),
				items: requested,
			});
			refreshStatus(order);
			touch(order);
			return null;
		},

		/** Injection: update an existing order (status change, fields) or create one from a partial EmuOrder. */
		upsert(partial) {
			const existing = partial.orderId && store.get(partial.orderId);
			if (existing) {
				const statusChanged = partial.status && partial.status !== existing.status;
				Object.assign(existing, partial);
				if (statusChanged && existing.status !== 'Pending') existing.pendingUntil = null;
				if (!partial.lastUpdateDate) touch(existing);
				else if (!partial.visibleAfter) existing.visibleAfter = iso(Date.parse(existing.lastUpdateDate) + indexingLag());
				return existing;
			}
			const marketplace = partial.marketplaceId && marketplaceById(partial.marketplaceId);
			const base = generateOrder(tools, { now: ctx.now(), marketplaceCode: partial.marketplaceCode || (marketplace && marketplace.code) });
			const now = iso(ctx.now());
			const order = { ...base, status: 'Unshipped', purchaseDate: now, lastUpdateDate: now, ...partial };
			if (!partial.shipments) order.shipments = [];
			if (!partial.items) for (const item of order.items) Object.assign(item, { quantityShipped: 0, quantityCanceled: 0 });
			delete order.marketplaceCode;
			if (order.isBusiness && !order.buyer.companyName) {
				order.buyer = { ...order.buyer, companyName: 'Emulator Business Buyer Ltd' };
				order.shippingAddress = { ...order.shippingAddress, addressType: 'Commercial' };
			}
			const explicitVisibility = partial.visibleAfter;
			add(order);
			if (explicitVisibility) order.visibleAfter = explicitVisibility;
			return order;
		},

		inspect() {
			const byStatus = {};
			const byMarketplace = {};
			for (const order of store.list()) {
				byStatus[order.status] = (byStatus[order.status] || 0) + 1;
				byMarketplace[order.marketplaceId] = (byMarketplace[order.marketplaceId] || 0) + 1;
			}
			return { total: orders.size, byStatus, byMarketplace };
		},
	};

	generate(ctx.options.orders ?? 200);
	if (ctx.options.demo) seedDemoOrders(tools, add, ctx.now());
	live = createLiveOrders(tools, add, ctx.now, ctx.options.liveOrders);
	return store;
}

module.exports = { createOrderStore, remainingOf, FINAL_STATUSES };
