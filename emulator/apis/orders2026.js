'use strict';

const { errors } = require('../lib/errors');
const { marketplaceById } = require('../lib/marketplaces');
const { renderOrder2026, STATUS_2026 } = require('../lib/orders2026View');
const { timeWindow, decodePageToken, encodePageToken, sortByDate, parsePageSize, inWindow } = require('../lib/orderQuery');

const INCLUDED_DATA = ['BUYER', 'RECIPIENT', 'PROCEEDS', 'EXPENSE', 'PROMOTION', 'CANCELLATION', 'FULFILLMENT', 'PACKAGES', 'TAX', 'PAYMENT', 'FULFILLMENT_ORDERS'];
const FULFILLMENT_STATUSES = ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE'];
const FULFILLED_BY = { MERCHANT: 'MFN', AMAZON: 'AFN' };
const PII_DATA = ['BUYER', 'RECIPIENT'];
const TOKEN_TTL_MS = 24 * 3600 * 1000;
const FILTER_PARAMS = ['createdAfter', 'createdBefore', 'lastUpdatedAfter', 'lastUpdatedBefore', 'fulfillmentStatuses', 'marketplaceIds', 'fulfilledBy'];

const badValue = (values, allowed, name) => {
	const bad = values.find((value) => !allowed.includes(value));
	return bad === undefined ? null : `Invalid ${name} value "${bad}". Valid values: ${allowed.join(', ')}.`;
};

/** includedData, gated by the app's roles (no RDT in v2026). -> { included } | { result } */
function includedDataOf(req, ctx) {
	const values = req.list('includedData');
	const problem = badValue(values, INCLUDED_DATA, 'includedData');
	if (problem) return { result: errors.invalidInput(problem) };
	const denied = values.filter((value) => PII_DATA.includes(value));
	if (ctx.options.piiRoles === false && denied.length) {
		return { result: errors.accessDenied(`The application does not have the roles required for includedData ${denied.join(', ')}.`) };
	}
	return { included: new Set(values) };
}

function parseSearch(req, now) {
	const q = req.query;
	const created = q.createdAfter !== undefined;
	if (created === (q.lastUpdatedAfter !== undefined)) return { error: 'Exactly one of createdAfter or lastUpdatedAfter must be specified.' };
	if (created && q.lastUpdatedBefore !== undefined) return { error: 'lastUpdatedBefore cannot be specified together with createdAfter.' };
	if (!created && q.createdBefore !== undefined) return { error: 'createdBefore cannot be specified together with lastUpdatedAfter.' };
	const window = timeWindow(q, created ? { after: 'createdAfter', before: 'createdBefore' } : { after: 'lastUpdatedAfter', before: 'lastUpdatedBefore' }, now);
	if (window.error) return window;
	const statuses = req.list('fulfillmentStatuses');
	const fulfilledBy = req.list('fulfilledBy');
	const marketplaceIds = req.list('marketplaceIds');
	const problem =
		badValue(statuses, FULFILLMENT_STATUSES, 'fulfillmentStatuses') ||
		badValue(fulfilledBy, Object.keys(FULFILLED_BY), 'fulfilledBy') ||
		(marketplaceIds.length > 50 ? 'marketplaceIds accepts at most 50 values.' : null) ||
		(marketplaceIds.find((id) => !marketplaceById(id)) ? `Invalid marketplaceIds value "${marketplaceIds.find((id) => !marketplaceById(id))}".` : null);
	if (problem) return { error: problem };
	const filters = Object.fromEntries(FILTER_PARAMS.filter((name) => q[name] !== undefined).map((name) => [name, q[name]]));
	return { query: { sortField: created ? 'purchaseDate' : 'lastUpdateDate', afterMs: window.afterMs, beforeMs: window.beforeMs, statuses, fulfilledBy, marketplaceIds, filters } };
}

/** A paginationToken carries the first page's query; repeated filter parameters must match it. */
function resumeSearch(req, now) {
	const token = decodePageToken(req.query.paginationToken);
	if (!token || token.kind !== 'orders.search') return { error: 'Invalid paginationToken. Make sure the value is URL-encoded.' };
	if (now - token.issuedAt > TOKEN_TTL_MS) return { error: 'The paginationToken has expired. Pagination tokens are valid for 24 hours.' };
	const changed = FILTER_PARAMS.find((name) => req.query[name] !== undefined && req.query[name] !== token.query.filters[name]);
	if (changed) return { error: `Parameter ${changed} does not match the request that produced the paginationToken.` };
	return { query: token.query, offset: token.offset, issuedAt: token.issuedAt };
}

function matches(order, query, now) {
	return (
		Date.parse(order.visibleAfter) <= now &&
		inWindow(Date.parse(order[query.sortField]), query) &&
		(!query.marketplaceIds.length || query.marketplaceIds.includes(order.marketplaceId)) &&
		(!query.statuses.length || query.statuses.includes(STATUS_2026[order.status])) &&
		(!query.fulfilledBy.length || query.fulfilledBy.some((value) => FULFILLED_BY[value] === order.fulfillmentChannel))
	);
}

function searchOrders(req, ctx) {
	const now = ctx.now();
	const { included, result } = includedDataOf(req, ctx);
	if (result) return result;
	const search = req.query.paginationToken !== undefined ? resumeSearch(req, now) : parseSearch(req, now);
	if (search.error) return errors.invalidInput(search.error);
	const pageSize = parsePageSize(req.query.maxResultsPerPage, { name: 'maxResultsPerPage' });
	if (pageSize.error) return errors.invalidInput(pageSize.error);
	const { query } = search;
	const offset = search.offset || 0;
	const found = sortByDate(ctx.orders.list().filter((order) => matches(order, query, now)), query.sortField);
	const body = { orders: found.slice(offset, offset + pageSize.size).map((order) => renderOrder2026(order, included)) };
	if (offset + pageSize.size < found.length) {
		body.pagination = { nextToken: encodePageToken({ kind: 'orders.search', query, offset: offset + pageSize.size, issuedAt: search.issuedAt || now }) };
	}
	body[query.sortField === 'purchaseDate' ? 'createdBefore' : 'lastUpdatedBefore'] = new Date(query.beforeMs).toISOString();
	return { status: 200, body };
}

function getOrder(req, ctx) {
	const { included, result } = includedDataOf(req, ctx);
	if (result) return result;
	const { orderId } = req.params;
	if (!/^\d{3}-\d{7}-\d{7}$/.test(orderId)) return errors.invalidInput(`Invalid orderId "${orderId}". Expected format 3-7-7 digits.`);
	const order = ctx.orders.get(orderId);
	if (!order) return errors.notFound(`Order ${orderId} not found.`);
	return { status: 200, body: { order: renderOrder2026(order, included) } };
}

module.exports = {
	name: 'orders2026',
	handlers: { 'orders.searchOrders': searchOrders, 'orders.getOrder': getOrder },
};
