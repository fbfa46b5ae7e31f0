'use strict';

const { parseIsoDate } = require('./orderQuery');
const { remainingOf } = require('../data/orders');

/** `CarrierCode` values from amzn-base.xsd (REFERENCE §7.5); anything else must be sent as `Other` + carrierName. */
const CARRIER_CODES = new Set([
	'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'Fastway', 'GLS', 'GO!', 'Hermes Logistik Gruppe', 'Royal Mail', 'Parcelforce', 'City Link', 'TNT',
	'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport', 'DHL Global Mail', 'UPS Mail Innovations', 'FedEx SmartPost', 'OSM', 'OnTrac',
	'Streamlite', 'Newgistics', 'Canada Post', 'Blue Package', 'Chronopost', 'Deutsche Post', 'DPD', 'La Poste', 'Parcelnet', 'Poste Italiane',
	'SDA', 'Smartmail', 'FEDEX_JP', 'JP_EXPRESS', 'NITTSU', 'SAGAWA', 'YAMATO', 'BlueDart', 'AFL/Fedex', 'Aramex', 'India Post', 'Professional',
	'DTDC', 'Overnite Express', 'First Flight', 'Delhivery', 'Lasership', 'Yodel', 'Other', 'Amazon Shipping', 'Seur', 'Correos', 'MRW',
	'Endopack', 'Chrono Express', 'Nacex', 'Otro', 'Correios', 'Toll Global Express', 'China Post', 'AUSSIE_POST', 'EUB', 'Australia Post',
	'Yun Express', '4PX', 'YANWEN', 'SF Express',
]);
const BLOCKED_STATUSES = new Set(['Canceled', 'Pending', 'PendingAvailability', 'Unfulfillable']);

/** Sums quantities per orderItemId so the same item listed twice is checked against its remainder once. */
function quantitiesById(orderItems) {
	const totals = new Map();
	for (const { orderItemId, quantity } of orderItems) totals.set(orderItemId, (totals.get(orderItemId) || 0) + quantity);
	return totals;
}

function validateOrderItems(order, orderItems) {
	if (!Array.isArray(orderItems) || orderItems.length === 0) return 'packageDetail.orderItems must contain at least one order item.';
	for (const entry of orderItems) {
		if (!entry || typeof entry.orderItemId !== 'string' || !entry.orderItemId) return 'Every order item needs an orderItemId.';
		if (!Number.isInteger(entry.quantity) || entry.quantity < 1) {
			return `Invalid quantity ${JSON.stringify(entry.quantity)} for order item ${entry.orderItemId}: quantity must be a positive integer.`;
		}
	}
	for (const [orderItemId, quantity] of quantitiesById(orderItems)) {
		const item = order.items.find((candidate) => candidate.orderItemId === orderItemId);
		if (!item) return `Order item ${orderItemId} is not part of order ${order.orderId}.`;
		if (quantity > remainingOf(item)) {
			return `Quantity ${quantity} for order item ${orderItemId} exceeds the unshipped quantity ${remainingOf(item)} of order ${order.orderId}.`;
		}
	}
	return null;
}

/** confirmShipment request checks in Amazon's order (REFERENCE §7.2). -> error message | null */
function validateConfirmShipment(order, body) {
	if (!body || typeof body !== 'object') return 'The request body is missing.';
	if (!body.marketplaceId) return 'Missing required field marketplaceId.';
	if (body.marketplaceId !== order.marketplaceId) return `Order ${order.orderId} does not belong to marketplace ${body.marketplaceId}.`;
	if (body.codCollectionMethod !== undefined && body.codCollectionMethod !== 'DirectPayment') return 'codCollectionMethod must be DirectPayment.';
	const detail = body.packageDetail;
	if (!detail || typeof detail !== 'object') return 'Missing required field packageDetail.';
	if (order.fulfillmentChannel !== 'MFN') return `Order ${order.orderId} is fulfilled by Amazon (AFN); only seller-fulfilled (MFN) orders can be confirmed.`;
	if (BLOCKED_STATUSES.has(order.status)) return `Order ${order.orderId} has status ${order.status} and cannot be confirmed as shipped.`;
	const packageId = detail.packageReferenceId;
	if (typeof packageId !== 'string' || !/^[1-9]\d*$/.test(packageId)) {
		return `Invalid packageReferenceId ${JSON.stringify(packageId)}: it must be a positive numeric value.`;
	}
	if (order.shipments.some((shipment) => shipment.packageReferenceId === packageId)) {
		return `packageReferenceId ${packageId} is already used by another package of order ${order.orderId}.`;
	}
	if (!detail.carrierCode) return 'Missing required field packageDetail.carrierCode.';
	if (!CARRIER_CODES.has(detail.carrierCode)) return `Invalid carrierCode "${detail.carrierCode}". Use a listed carrier code, or "Other" together with carrierName.`;
	if (detail.carrierCode === 'Other' && !detail.carrierName) return 'carrierName is required when carrierCode is "Other".';
	if (!detail.trackingNumber) return 'Missing required field packageDetail.trackingNumber.';
	const shipDate = parseIsoDate(detail.shipDate);
	if (Number.isNaN(shipDate) || !String(detail.shipDate).includes('T')) return `Invalid shipDate "${detail.shipDate}": expected an ISO 8601 date-time.`;
	if (shipDate < Date.parse(order.purchaseDate)) return `shipDate ${detail.shipDate} is before the purchase date of order ${order.orderId}.`;
	return validateOrderItems(order, detail.orderItems);
}

module.exports = { validateConfirmShipment, CARRIER_CODES };
