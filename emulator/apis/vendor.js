'use strict';
// Vendor APIs: retail procurement orders (7-day window, 6-month limit), acknowledgements validated asynchronously
// through transaction status, ASN shipment confirmations, and Direct Fulfillment orders (RDT required).
const { VENDOR_CODE, vendorStore, upsertPurchaseOrder, lastChangedMs, iso, DAY_MS } = require('../data/vendor');
const { settleTransaction } = require('../data/vendorTransactions');

const MAX_WINDOW_MS = 7 * DAY_MS;
const TRANSACTION_DELAY_MS = 20000;

const invalid = (ctx, message) => ({ error: ctx.error(400, 'InvalidInput', message) });
const sixMonthsAgo = (now) => {
	const date = new Date(now);
	date.setUTCMonth(date.getUTCMonth() - 6);
	return date.getTime();
};

/** Validates an after/before pair: both ISO-8601, range <= 7 days, start within the last 6 months. */
function dateWindow(req, ctx, afterName, beforeName) {
	if (req.query[afterName] === undefined && req.query[beforeName] === undefined) return {};
	const after = req.query[afterName] !== undefined ? Date.parse(req.query[afterName]) : undefined;
	const before = req.query[beforeName] !== undefined ? Date.parse(req.query[beforeName]) : ctx.now();
	if (Number.isNaN(after) || Number.isNaN(before)) return invalid(ctx, `${afterName} and ${beforeName} must be ISO-8601 date-times.`);
	const start = after ?? before - MAX_WINDOW_MS;
	if (start > before) return invalid(ctx, `${afterName} must be earlier than ${beforeName}.`);
	// An omitted end means "now"; allow a minute so a client computing now - 7 days is not refused for clock skew.
	const allowedMs = MAX_WINDOW_MS + (req.query[beforeName] === undefined ? 60000 : 0);
	if (before - start > allowedMs)
		return invalid(ctx, `The date range between ${afterName} and ${beforeName} must not exceed 7 days. Request the period in 7-day slices.`);
	if (start < sixMonthsAgo(ctx.now()))
		return invalid(ctx, `${afterName} must be within the last 6 months (not earlier than ${iso(sixMonthsAgo(ctx.now()))}).`);
	return { window: { start, end: before } };
}

/** Common list handling: nextToken (carrying the filters) or fresh filters, limit, sortOrder. */
function paginate(req, ctx, { parseFilters, matches, sortKey, maxLimit = 100 }) {
	let filters;
	if (req.query.nextToken) {
		try {
			filters = JSON.parse(Buffer.from(req.query.nextToken, 'base64url').toString());
		} catch {
			return invalid(ctx, 'The nextToken is invalid.');
		}
	} else {
		const limit = Number(req.query.limit ?? maxLimit);
		if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) return invalid(ctx, `limit must be between 1 and ${maxLimit}.`);
		const parsed = parseFilters();
		if (parsed.error) return parsed;
		filters = { ...parsed.filters, limit, sortOrder: req.query.sortOrder === 'DESC' ? 'DESC' : 'ASC', offset: 0 };
	}
	const direction = filters.sortOrder === 'DESC' ? -1 : 1;
	const all = matches(filters).sort((a, b) => direction * (a[sortKey] - b[sortKey]));
	const end = filters.offset + filters.limit;
	const nextToken = end < all.length ? Buffer.from(JSON.stringify({ ...filters, offset: end })).toString('base64url') : undefined;
	return { page: all.slice(filters.offset, end), pagination: nextToken ? { pagination: { nextToken } } : {} };
}

const vendorOnly = (handler) => (req, ctx) =>
	req.partner?.kind === 'vendor' ? handler(req, ctx) : ctx.error(403, 'Unauthorized', 'Access to requested resource is denied.', 'Vendor APIs require a vendor authorization.');
const inWindow = (ms, window) => !window || (ms >= window.start && ms <= window.end);
/** List queries see a PO only once it is indexed (`visibleAfterMs`); getPurchaseOrder finds it at once. */
const visiblePurchaseOrders = (ctx) => [...vendorStore(ctx).purchaseOrders.values()].filter((po) => po.visibleAfterMs <= ctx.now());

// ---------- retail purchase orders ----------
function renderPurchaseOrder(po, includeDetails = true) {
	return {
		purchaseOrderNumber: po.purchaseOrderNumber,
		purchaseOrderState: po.purchaseOrderState,
		...(includeDetails
			? {
					orderDetails: {
						purchaseOrderDate: iso(po.createdMs), ...(po.changedMs > po.createdMs ? { purchaseOrderChangedDate: iso(po.changedMs) } : {}),
						purchaseOrderStateChangedDate: iso(po.stateChangedMs), purchaseOrderType: po.purchaseOrderType,
						paymentMethod: 'Invoice', buyingParty: { partyId: 'AMZN' }, sellingParty: { partyId: po.vendorCode },
						shipToParty: po.shipToParty, billToParty: po.billToParty, shipWindow: po.shipWindow, items: po.items,
					},
				}
			: {}),
	};
}

function getPurchaseOrders(req, ctx) {
	const parseFilters = () => {
		const created = dateWindow(req, ctx, 'createdAfter', 'createdBefore');
		const changed = dateWindow(req, ctx, 'changedAfter', 'changedBefore');
		if (created.error || changed.error) return created.error ? created : changed;
		const defaultWindow = !created.window && !changed.window ? { start: ctx.now() - MAX_WINDOW_MS, end: ctx.now() } : undefined;
		return {
			filters: {
				created: created.window || defaultWindow, changed: changed.window, state: req.query.purchaseOrderState,
				vendorCode: req.query.orderingVendorCode, changedOnly: req.query.isPOChanged === 'true',
				cancelledItems: req.query.poItemState === 'Cancelled', includeDetails: req.query.includeDetails !== 'false',
			},
		};
	};
	const matches = (f) =>
		visiblePurchaseOrders(ctx).filter(
			(po) =>
				inWindow(po.createdMs, f.created) && inWindow(lastChangedMs(po), f.changed) && (!f.state || po.purchaseOrderState === f.state) &&
				(!f.vendorCode || f.vendorCode === po.vendorCode) && (!f.changedOnly || po.changedMs > po.createdMs) &&
				(!f.cancelledItems || po.items.some((item) => item.cancelled)),
		);
	const { error, page, pagination } = paginate(req, ctx, { parseFilters, matches, sortKey: 'createdMs' });
	if (error) return error;
	const includeDetails = req.query.includeDetails !== 'false';
	return { status: 200, body: { payload: { ...pagination, orders: page.map((po) => renderPurchaseOrder(po, includeDetails)) } } };
}

function getPurchaseOrder(req, ctx) {
	const po = vendorStore(ctx).purchaseOrders.get(req.params.purchaseOrderNumber);
	if (!po) return ctx.error(404, 'NotFound', `Purchase order ${req.params.purchaseOrderNumber} was not found.`);
	return { status: 200, body: { payload: renderPurchaseOrder(po) } };
}

function itemStatus(po, item) {
	const ack = po.acknowledgement?.items[item.itemSequenceNumber];
	const unit = { unitOfMeasure: item.orderedQuantity.unitOfMeasure, unitSize: item.orderedQuantity.unitSize };
	const confirmation = !ack ? 'UNCONFIRMED' : !ack.accepted ? 'REJECTED' : ack.rejected ? 'PARTIALLY_ACCEPTED' : 'ACCEPTED';
	const received = po.purchaseOrderState === 'Closed' && ack?.accepted > 0;
	return {
		itemSequenceNumber: item.itemSequenceNumber, buyerProductIdentifier: item.amazonProductIdentifier,
		vendorProductIdentifier: item.vendorProductIdentifier, netCost: item.netCost, listPrice: item.listPrice,
		orderedQuantity: { orderedQuantity: item.orderedQuantity },
		acknowledgementStatus: {
			confirmationStatus: confirmation,
			...(ack ? { acceptedQuantity: { amount: ack.accepted, ...unit }, rejectedQuantity: { amount: ack.rejected, ...unit } } : {}),
		},
		receivingStatus: { receiveStatus: received ? 'RECEIVED' : 'NOT_RECEIVED', ...(received ? { receivedQuantity: { amount: ack.accepted, ...unit } } : {}) },
	};
}

function getPurchaseOrdersStatus(req, ctx) {
	const parseFilters = () => {
		const created = dateWindow(req, ctx, 'createdAfter', 'createdBefore');
		const updated = dateWindow(req, ctx, 'updatedAfter', 'updatedBefore');
		if (created.error || updated.error) return created.error ? created : updated;
		const q = req.query;
		const defaultWindow = !created.window && !updated.window && !q.purchaseOrderNumber ? { start: ctx.now() - MAX_WINDOW_MS, end: ctx.now() } : undefined;
		return {
			filters: {
				created: created.window || defaultWindow, updated: updated.window, number: q.purchaseOrderNumber, status: q.purchaseOrderStatus,
				confirmation: q.itemConfirmationStatus, receive: q.itemReceiveStatus, shipTo: q.shipToPartyId, vendorCode: q.orderingVendorCode,
			},
		};
	};
	const statusOf = (po) => ({ ...po, status: po.purchaseOrderState === 'Closed' ? 'CLOSED' : 'OPEN', items: po.items.map((i) => itemStatus(po, i)) });
	const matches = (f) =>
		(f.number ? [...vendorStore(ctx).purchaseOrders.values()] : visiblePurchaseOrders(ctx))
			.map(statusOf)
			.filter(
				(po) =>
					inWindow(po.createdMs, f.created) && inWindow(lastChangedMs(po), f.updated) && (!f.number || po.purchaseOrderNumber === f.number) &&
					(!f.vendorCode || po.vendorCode === f.vendorCode) &&
					(!f.status || po.status === f.status) && (!f.shipTo || po.shipToParty.partyId === f.shipTo) &&
					(!f.confirmation || po.items.some((i) => i.acknowledgementStatus.confirmationStatus === f.confirmation)) &&
					(!f.receive || po.items.some((i) => i.receivingStatus.receiveStatus === f.receive)),
			);
	const { error, page, pagination } = paginate(req, ctx, { parseFilters, matches, sortKey: 'createdMs' });
	if (error) return error;
	const ordersStatus = page.map((po) => ({
		purchaseOrderNumber: po.purchaseOrderNumber, purchaseOrderStatus: po.status, purchaseOrderDate: iso(po.createdMs),
		lastUpdatedDate: iso(lastChangedMs(po)), sellingParty: { partyId: po.vendorCode }, shipToParty: po.shipToParty, itemStatus: po.items,
	}));
	return { status: 200, body: { payload: { ...pagination, ordersStatus } } };
}

// ---------- transactions ----------
function newTransaction(ctx, kind, payload) {
	const store = vendorStore(ctx);
	const stamp = iso(ctx.now()).replace(/\D/g, '').slice(0, 14);
	const transactionId = `${stamp}-${(++store.sequence).toString(16).padStart(8, '0')}-emu0-4000-8000-${VENDOR_CODE.toLowerCase()}00000`;
	store.transactions.set(transactionId, { transactionId, kind, payload, createdMs: ctx.now(), outcome: null });
	return transactionId;
}

function transactionStatus(ctx, transactionId, kinds) {
	const transaction = vendorStore(ctx).transactions.get(transactionId);
	if (!transaction || !kinds.includes(transaction.kind)) return null;
	const scale = ctx.timeScale > 0 ? ctx.timeScale : 1;
	if (ctx.now() < transaction.createdMs + TRANSACTION_DELAY_MS / scale) return { transactionId, status: 'Processing' };
	transaction.outcome ||= settleTransaction(transaction, vendorStore(ctx), ctx.now());
	// Amazon's known behaviour (selling-partner-api-docs#1744): applied, but the transaction never leaves Processing.
	if (transaction.outcome.stuck) return { transactionId, status: 'Processing' };
	return { transactionId, status: transaction.outcome.status, ...(transaction.outcome.errors ? { errors: transaction.outcome.errors } : {}) };
}

const submitter = (kind, listName, wrap) => (req, ctx) => {
	const list = req.body?.[listName];
	if (!Array.isArray(list) || !list.length) return ctx.error(400, 'InvalidInput', `Request body must contain a non-empty '${listName}' array.`);
	const transactionId = newTransaction(ctx, kind, list);
	return { status: 202, body: wrap ? { payload: { transactionId } } : { transactionId } };
};

function getTransaction(req, ctx) {
	const status = transactionStatus(ctx, req.params.transactionId, ['poAcknowledgement', 'shipmentConfirmation']);
	if (!status) return ctx.error(404, 'NotFound', `Transaction ${req.params.transactionId} was not found.`);
	return { status: 200, body: { payload: { transactionStatus: status } } };
}

function getDirectFulfillmentTransactionStatus(req, ctx) {
	const status = transactionStatus(ctx, req.params.transactionId, ['dfAcknowledgement', 'dfShipmentConfirmation']);
	if (!status) return ctx.error(404, 'NotFound', `Transaction ${req.params.transactionId} was not found.`);
	const { errors, ...rest } = status;
	return { status: 200, body: { transactionStatus: { ...rest, ...(errors ? { errors: { errors } } : {}) } } };
}

// ---------- direct fulfillment ----------
const templateToRegExp = (template) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/]+\}/g, '[^/]+')}$`);
const rdtCovers = (req) => (req.rdt?.resources || []).some((r) => r.method === req.method && templateToRegExp(r.path).test(req.path));
const requireRdt = (handler) => (req, ctx) =>
	rdtCovers(req) ? handler(req, ctx) : ctx.error(403, 'Unauthorized', 'Access to requested resource is denied.', 'This operation requires a Restricted Data Token that covers the requested path.');

function renderDirectFulfillmentOrder(order, includeDetails = true) {
	if (!includeDetails) return { purchaseOrderNumber: order.purchaseOrderNumber };
	return {
		purchaseOrderNumber: order.purchaseOrderNumber,
		orderDetails: {
			customerOrderNumber: order.customerOrderNumber, orderDate: iso(order.createdMs), orderStatus: order.status,
			shipmentDetails: {
				isPriorityShipment: false, isScheduledDeliveryShipment: false, isPslipRequired: false, isGift: false, shipMethod: order.shipMethod,
				shipmentDates: { requiredShipDate: iso(order.createdMs + 2 * DAY_MS), promisedDeliveryDate: iso(order.createdMs + 4 * DAY_MS) },
				messageToCustomer: 'Thank you for your order.',
			},
			sellingParty: { partyId: VENDOR_CODE }, shipFromParty: order.shipFromParty, shipToParty: order.shipToParty,
			billToParty: { partyId: 'AMZN-BILL' }, items: order.items,
		},
	};
}

function getDirectFulfillmentOrders(req, ctx) {
	const parseFilters = () => {
		const [after, before] = [req.query.createdAfter, req.query.createdBefore].map((t) => (t === undefined ? NaN : Date.parse(t)));
		if (Number.isNaN(after) || Number.isNaN(before)) return invalid(ctx, 'createdAfter and createdBefore are required ISO-8601 date-times.');
		return { filters: { window: { start: after, end: before }, status: req.query.status, shipFrom: req.query.shipFromPartyId } };
	};
	const matches = (f) =>
		[...vendorStore(ctx).directFulfillmentOrders.values()].filter(
			(o) => inWindow(o.createdMs, f.window) && (!f.status || o.status === f.status) && (!f.shipFrom || o.shipFromParty.partyId === f.shipFrom),
		);
	const { error, page, pagination } = paginate(req, ctx, { parseFilters, matches, sortKey: 'createdMs' });
	if (error) return error;
	return { status: 200, body: { ...pagination, orders: page.map((o) => renderDirectFulfillmentOrder(o, req.query.includeDetails !== 'false')) } };
}

function getDirectFulfillmentOrder(req, ctx) {
	const order = vendorStore(ctx).directFulfillmentOrders.get(req.params.purchaseOrderNumber);
	if (!order) return ctx.error(404, 'NotFound', `Purchase order ${req.params.purchaseOrderNumber} was not found.`);
	return { status: 200, body: renderDirectFulfillmentOrder(order) };
}

// ---------- test control (outside /_emulator, which the core inspection API owns) ----------
const CONTROL = '/_emulator-vendor';

/** POST /_emulator-vendor/purchaseOrders: one partial PO, an array or { purchaseOrders: [...] } (see upsertPurchaseOrder). */
function injectPurchaseOrders(req, ctx) {
	const body = req.body;
	const partials = Array.isArray(body) ? body : Array.isArray(body?.purchaseOrders) ? body.purchaseOrders : [body];
	const purchaseOrders = partials.filter(Boolean).map((partial) => upsertPurchaseOrder(ctx, partial));
	return { status: 200, body: { purchaseOrders: purchaseOrders.map((po) => ({ ...renderPurchaseOrder(po), canonical: po })) } };
}

/** GET /_emulator-vendor/purchaseOrders/{number}: the canonical PO (with visibleAfterMs, pendingChange, acknowledgement). */
function inspectPurchaseOrder(req, ctx) {
	const number = decodeURIComponent(req.path.slice(`${CONTROL}/purchaseOrders/`.length));
	const po = vendorStore(ctx).purchaseOrders.get(number);
	return po ? { status: 200, body: po } : { status: 404, body: { error: 'purchase order not found' } };
}

module.exports = {
	name: 'vendor',
	handlers: Object.fromEntries(
		Object.entries({
			'vendorOrders.getPurchaseOrders': getPurchaseOrders,
			'vendorOrders.getPurchaseOrder': getPurchaseOrder,
			'vendorOrders.submitAcknowledgement': submitter('poAcknowledgement', 'acknowledgements', true),
			'vendorOrders.getPurchaseOrdersStatus': getPurchaseOrdersStatus,
			'vendorTransactionStatus.getTransaction': getTransaction,
			'vendorShipments.SubmitShipmentConfirmations': submitter('shipmentConfirmation', 'shipmentConfirmations', true),
			'vendorDFOrders.getOrders': requireRdt(getDirectFulfillmentOrders),
			'vendorDFOrders.getOrder': requireRdt(getDirectFulfillmentOrder),
			'vendorDFOrders.submitAcknowledgement': submitter('dfAcknowledgement', 'orderAcknowledgements', false),
			'vendorDFShipping.submitShipmentConfirmations': submitter('dfShipmentConfirmation', 'shipmentConfirmations', false),
			'vendorDFTransactions.getTransactionStatus': getDirectFulfillmentTransactionStatus,
		}).map(([key, handler]) => [key, vendorOnly(handler)]),
	),
	rawRoutes: [
		{ method: 'POST', path: `${CONTROL}/purchaseOrders`, handle: injectPurchaseOrders },
		{ method: 'GET', prefix: `${CONTROL}/purchaseOrders/`, handle: inspectPurchaseOrder },
		{ method: 'GET', path: `${CONTROL}/directFulfillmentOrders`, handle: (req, ctx) => ({ status: 200, body: { orders: [...vendorStore(ctx).directFulfillmentOrders.values()] } }) },
	],
	init(ctx) {
		ctx.state.vendor = undefined;
		vendorStore(ctx);
	},
	inspect(ctx) {
		const store = vendorStore(ctx);
		return {
			purchaseOrders: store.purchaseOrders.size,
			directFulfillmentOrders: store.directFulfillmentOrders.size,
			transactions: [...store.transactions.values()].map(({ transactionId, kind, outcome }) => ({ transactionId, kind, outcome })),
			shipmentConfirmations: store.shipmentConfirmations.length,
			directFulfillmentShipments: store.dfShipments.length,
		};
	},
};
