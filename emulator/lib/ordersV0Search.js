'use strict';

const { marketplaceById } = require('./marketplaces');
const { timeWindow, optionalWindow, decodePageToken, encodePageToken, sortByDate, parsePageSize, inWindow } = require('./orderQuery');

const ORDER_STATUSES = ['PendingAvailability', 'Pending', 'Unshipped', 'PartiallyShipped', 'Shipped', 'InvoiceUnconfirmed', 'Canceled', 'Unfulfillable'];
const FULFILLMENT_CHANNELS = ['AFN', 'MFN'];
const PAYMENT_METHODS = ['COD', 'CVS', 'Other'];

function checkEnum(values, allowed, name) {
	const bad = values.find((value) => !allowed.includes(value));
	return bad === undefined ? null : `Invalid ${name} value "${bad}". Valid values: ${allowed.join(', ')}.`;
}

function checkMarketplaces(req) {
	const ids = req.list('MarketplaceIds');
	if (!ids.length) return { error: 'Missing required parameter MarketplaceIds.' };
	if (ids.length > 50) return { error: 'MarketplaceIds accepts at most 50 values.' };
	const unknown = ids.find((id) => !marketplaceById(id));
	if (unknown) return { error: `Invalid MarketplaceIds value "${unknown}".` };
	return { ids };
}

/** Validates a fresh getOrders query (no NextToken). -> { query } | { error } */
function parseOrdersQuery(req, now) {
	const q = req.query;
	const created = q.CreatedAfter !== undefined;
	const updated = q.LastUpdatedAfter !== undefined;
	if (created && updated) return { error: 'Only one of CreatedAfter or LastUpdatedAfter may be specified.' };
	if (!created && !updated) return { error: 'Either CreatedAfter or LastUpdatedAfter must be specified.' };
	if (created && (q.LastUpdatedBefore !== undefined)) return { error: 'LastUpdatedBefore cannot be specified together with CreatedAfter.' };
	if (updated && q.CreatedBefore !== undefined) return { error: 'CreatedBefore cannot be specified together with LastUpdatedAfter.' };
	const names = created ? { after: 'CreatedAfter', before: 'CreatedBefore' } : { after: 'LastUpdatedAfter', before: 'LastUpdatedBefore' };
	const window = timeWindow(q, names, now);
	if (window.error) return window;
	const statuses = req.list('OrderStatuses');
	const channels = req.list('FulfillmentChannels');
	const payments = req.list('PaymentMethods');
	const orderIds = req.list('AmazonOrderIds');
	const enumError = checkEnum(statuses, ORDER_STATUSES, 'OrderStatuses') || checkEnum(channels, FULFILLMENT_CHANNELS, 'FulfillmentChannels') || checkEnum(payments, PAYMENT_METHODS, 'PaymentMethods');
	if (enumError) return { error: enumError };
	if (orderIds.length > 50) return { error: 'AmazonOrderIds accepts at most 50 values.' };
	if (q.IsISPU !== undefined && !['true', 'false'].includes(q.IsISPU)) return { error: 'IsISPU must be true or false.' };
	const earliestDelivery = optionalWindow(q, { after: 'EarliestDeliveryDateAfter', before: 'EarliestDeliveryDateBefore' });
	const latestDelivery = optionalWindow(q, { after: 'LatestDeliveryDateAfter', before: 'LatestDeliveryDateBefore' });
	if (earliestDelivery.error || latestDelivery.error) return { error: earliestDelivery.error || latestDelivery.error };
	return {
		query: {
			sortField: created ? 'purchaseDate' : 'lastUpdateDate',
			afterMs: window.afterMs,
			beforeMs: window.beforeMs,
			statuses,
			channels,
			payments,
			orderIds,
			buyerEmail: q.BuyerEmail,
			sellerOrderId: q.SellerOrderId,
			isIspu: q.IsISPU,
			easyShip: req.list('EasyShipShipmentStatuses'),
			eInvoice: req.list('ElectronicInvoiceStatuses'),
			earliestDelivery,
			latestDelivery,
		},
	};
}

const DAY = 24 * 3600 * 1000;

function matches(order, query, marketplaceIds, now) {
	const purchase = Date.parse(order.purchaseDate);
	return (
		Date.parse(order.visibleAfter) <= now &&
		marketplaceIds.includes(order.marketplaceId) &&
		inWindow(Date.parse(order[query.sortField]), query) &&
		(!query.statuses.length || query.statuses.includes(order.status)) &&
		(!query.channels.length || query.channels.includes(order.fulfillmentChannel)) &&
		(!query.payments.length || query.payments.includes('Other')) &&
		(!query.orderIds.length || query.orderIds.includes(order.orderId)) &&
		(!query.buyerEmail || order.buyer.email === query.buyerEmail) &&
		(!query.sellerOrderId || order.merchantOrderId === query.sellerOrderId) &&
		query.isIspu !== 'true' &&
		!query.easyShip.length &&
		!query.eInvoice.length &&
		inWindow(purchase + 3 * DAY, query.earliestDelivery) &&
		inWindow(purchase + 6 * DAY, query.latestDelivery)
	);
}

/**
 * getOrders page. NextToken snapshots the query and its upper time bound and keeps an offset, so an order
 * updated while a client pages leaves the snapshot and shifts later pages: clients must overlap windows.
 * -> { orders, nextToken?, query } | { error }
 */
function searchOrdersV0(req, ctx) {
	const marketplaces = checkMarketplaces(req);
	if (marketplaces.error) return marketplaces;
	let query;
	let offset = 0;
	if (req.query.NextToken !== undefined) {
		const token = decodePageToken(req.query.NextToken);
		if (!token || token.kind !== 'v0.orders') return { error: 'Invalid NextToken. Make sure the NextToken value is URL-encoded.' };
		({ query, offset } = token);
	} else {
		const parsed = parseOrdersQuery(req, ctx.now());
		if (parsed.error) return parsed;
		query = parsed.query;
	}
	const pageSize = parsePageSize(req.query.MaxResultsPerPage, { name: 'MaxResultsPerPage' });
	if (pageSize.error) return pageSize;
	const now = ctx.now();
	const found = sortByDate(ctx.orders.list().filter((order) => matches(order, query, marketplaces.ids, now)), query.sortField);
	const orders = found.slice(offset, offset + pageSize.size);
	const nextOffset = offset + pageSize.size;
	const nextToken = nextOffset < found.length ? encodePageToken({ kind: 'v0.orders', query, offset: nextOffset }) : undefined;
	return { orders, nextToken, query };
}

module.exports = { searchOrdersV0, ORDER_STATUSES };
