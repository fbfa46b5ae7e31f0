'use strict';

const { errors } = require('../lib/errors');
const { grantedDataElements } = require('../lib/auth');
const { searchOrdersV0 } = require('../lib/ordersV0Search');
const { renderOrder, renderOrderItem, renderAddress, renderBuyerInfo, NO_PRICE_STATUSES } = require('../lib/ordersV0View');
const { decodePageToken, encodePageToken } = require('../lib/orderQuery');
const { validateConfirmShipment } = require('../lib/shipmentValidation');

const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;
const SHIPMENT_STATUSES = ['ReadyForPickup', 'PickedUp', 'RefusedPickup'];

const ok = (payload) => ({ status: 200, body: { payload } });

/** Looks the order up or explains why not (400 for a malformed id, 404 for an unknown one). */
function findOrder(req, ctx) {
	const { orderId } = req.params;
	if (!ORDER_ID.test(orderId)) return { error: errors.invalidInput(`Invalid AmazonOrderId "${orderId}". Expected format 3-7-7 digits.`) };
	const order = ctx.orders.get(orderId);
	return order ? { order } : { error: errors.notFound(`Order ${orderId} not found.`) };
}

/** PII a request may see: from the covering RDT's data elements (getOrders/getOrder/getOrderItems). */
function piiOf(req) {
	const elements = grantedDataElements(req);
	return { address: elements.has('shippingAddress'), buyer: elements.has('buyerInfo') };
}

function getOrders(req, ctx) {
	const page = searchOrdersV0(req, ctx);
	if (page.error) return errors.invalidInput(page.error);
	const pii = piiOf(req);
	const payload = { Orders: page.orders.map((order) => renderOrder(order, pii)) };
	if (page.nextToken) payload.NextToken = page.nextToken;
	payload[page.query.sortField === 'purchaseDate' ? 'CreatedBefore' : 'LastUpdatedBefore'] = new Date(page.query.beforeMs).toISOString();
	return ok(payload);
}

function withOrder(render) {
	return (req, ctx) => {
		const { order, error } = findOrder(req, ctx);
		return error || render(order, req, ctx);
	};
}

function getOrderItems(order, req, ctx) {
	let offset = 0;
	if (req.query.NextToken !== undefined) {
		const token = decodePageToken(req.query.NextToken);
		if (!token || token.kind !== 'v0.items' || token.orderId !== order.orderId) return errors.invalidInput('Invalid NextToken. Make sure the NextToken value is URL-encoded.');
		offset = token.offset;
	}
	const pageSize = Number(ctx.options.orderItemsPageSize) || 100;
	const pii = piiOf(req);
	const payload = { AmazonOrderId: order.orderId, OrderItems: order.items.slice(offset, offset + pageSize).map((item) => renderOrderItem(order, item, pii)) };
	if (offset + pageSize < order.items.length) payload.NextToken = encodePageToken({ kind: 'v0.items', orderId: order.orderId, offset: offset + pageSize });
	return ok(payload);
}

function getOrderItemsBuyerInfo(order, req) {
	const full = Boolean(req.rdt);
	const items = order.items.map((item) => {
		const info = { OrderItemId: item.orderItemId };
		if (full && item.isGift) {
			if (item.giftMessage) info.GiftMessageText = item.giftMessage;
			if (item.giftWrapPrice && !NO_PRICE_STATUSES.has(order.status)) {
				Object.assign(info, { GiftWrapPrice: { CurrencyCode: order.currency, Amount: item.giftWrapPrice }, GiftWrapLevel: 'Classic' });
			}
		}
		return info;
	});
	return ok({ AmazonOrderId: order.orderId, OrderItems: items });
}

function getOrderAddress(order, req) {
	const payload = { AmazonOrderId: order.orderId };
	// The address operation's RDT needs no data elements: covering the path is enough.
	if (req.rdt && order.buyer.companyName) payload.BuyerCompanyName = order.buyer.companyName;
	if (!NO_PRICE_STATUSES.has(order.status)) payload.ShippingAddress = renderAddress(order.shippingAddress, { full: Boolean(req.rdt) });
	return ok(payload);
}

function confirmShipment(order, req, ctx) {
	const problem = validateConfirmShipment(order, req.body);
	if (problem) return errors.invalidInput(problem);
	const detail = req.body.packageDetail;
	const failure = ctx.orders.ship(order.orderId, {
		packageReferenceId: detail.packageReferenceId,
		carrierCode: detail.carrierCode,
		carrierName: detail.carrierName,
		shippingMethod: detail.shippingMethod,
		trackingNumber: detail.trackingNumber,
		shipDate: detail.shipDate,
		items: detail.orderItems.map(({ orderItemId, quantity }) => ({ orderItemId, quantity })),
	});
	return failure ? errors.invalidInput(failure) : { status: 204 };
}

function updateShipmentStatus(order, req, ctx) {
	const body = req.body || {};
	if (!body.marketplaceId) return errors.invalidInput('Missing required field marketplaceId.');
	if (body.marketplaceId !== order.marketplaceId) return errors.invalidInput(`Order ${order.orderId} does not belong to marketplace ${body.marketplaceId}.`);
	if (!SHIPMENT_STATUSES.includes(body.shipmentStatus)) return errors.invalidInput(`Invalid shipmentStatus "${body.shipmentStatus}". Valid values: ${SHIPMENT_STATUSES.join(', ')}.`);
	if (order.fulfillmentChannel !== 'MFN') return errors.invalidInput(`Order ${order.orderId} is fulfilled by Amazon (AFN).`);
	const unknown = (body.orderItems || []).find((entry) => !order.items.some((item) => item.orderItemId === entry.orderItemId));
	if (unknown) return errors.invalidInput(`Order item ${unknown.orderItemId} is not part of order ${order.orderId}.`);
	ctx.orders.upsert({ orderId: order.orderId, pickupStatus: body.shipmentStatus });
	return { status: 204 };
}

module.exports = {
	name: 'ordersV0',
	handlers: {
		'ordersV0.getOrders': getOrders,
		'ordersV0.getOrder': withOrder((order, req) => ok(renderOrder(order, piiOf(req)))),
		'ordersV0.getOrderItems': withOrder(getOrderItems),
		'ordersV0.getOrderItemsBuyerInfo': withOrder(getOrderItemsBuyerInfo),
		'ordersV0.getOrderAddress': withOrder(getOrderAddress),
		'ordersV0.getOrderBuyerInfo': withOrder((order, req) => ok({ AmazonOrderId: order.orderId, ...renderBuyerInfo(order, { full: Boolean(req.rdt) }) })),
		'ordersV0.confirmShipment': withOrder(confirmShipment),
		'ordersV0.updateShipmentStatus': withOrder(updateShipmentStatus),
	},
};
