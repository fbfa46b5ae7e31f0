'use strict';

const { marketplaceById } = require('./marketplaces');
const { NO_PRICE_STATUSES } = require('./ordersV0View');

const STATUS_2026 = {
	PendingAvailability: 'PENDING_AVAILABILITY',
	Pending: 'PENDING',
	Unshipped: 'UNSHIPPED',
	PartiallyShipped: 'PARTIALLY_SHIPPED',
	Shipped: 'SHIPPED',
	InvoiceUnconfirmed: 'SHIPPED',
	Canceled: 'CANCELLED',
	Unfulfillable: 'UNFULFILLABLE',
};
const DAY = 24 * 3600 * 1000;

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
const money = (currencyCode, amount) => ({ amount, currencyCode });
const decimals = (amount) => (String(amount).split('.')[1] || '').length;

function programsOf(order) {
	const programs = [];
	if (order.isPrime) programs.push('PRIME');
	if (order.isBusiness) programs.push('AMAZON_BUSINESS');
	if (order.isPremium) programs.push('PREMIUM');
	if (order.status === 'PendingAvailability') programs.push('PREORDER');
	return programs;
}

function deliveryAddress(address) {
	return compact({
		name: address.name,
		companyName: address.companyName || undefined,
		addressLine1: address.addressLine1,
		addressLine2: address.addressLine2 || undefined,
		addressLine3: address.addressLine3 || undefined,
		city: address.city,
		stateOrRegion: address.stateOrRegion,
		postalCode: address.postalCode,
		countryCode: address.countryCode,
		phone: address.phone,
		addressType: address.addressType === 'Commercial' ? 'COMMERCIAL' : 'RESIDENTIAL',
	});
}

function renderItem(order, item, included) {
	const priced = !NO_PRICE_STATUSES.has(order.status);
	const places = decimals(item.itemPrice);
	const unit = (Number(item.itemPrice) / item.quantityOrdered).toFixed(places);
	const proceeds = (Number(item.itemPrice) + Number(item.shippingPrice) - Number(item.promotionDiscount)).toFixed(places);
	return compact({
		orderItemId: item.orderItemId,
		quantityOrdered: item.quantityOrdered,
		product: compact({
			asin: item.asin,
			title: item.title,
			sellerSku: item.sellerSku,
			condition: { conditionType: 'NEW', conditionSubtype: 'NEW' },
			price: priced ? { unitPrice: money(order.currency, unit) } : undefined,
		}),
		proceeds:
			included.has('PROCEEDS') && priced
				? {
						proceedsTotal: money(order.currency, proceeds),
						breakdowns: [
							{ type: 'ITEM', subtotal: money(order.currency, item.itemPrice) },
							{ type: 'SHIPPING', subtotal: money(order.currency, item.shippingPrice) },
						],
					}
				: undefined,
		cancellation:
			included.has('CANCELLATION') && item.quantityCanceled > 0 && item.cancelReason ? { cancellationRequest: { requester: 'SELLER', cancelReason: item.cancelReason } } : undefined,
		fulfillment: included.has('FULFILLMENT')
			? compact({
					quantityFulfilled: item.quantityShipped,
					quantityUnfulfilled: item.quantityOrdered - item.quantityShipped - item.quantityCanceled,
					packing: item.isGift ? { giftOption: compact({ giftMessage: item.giftMessage || undefined, giftWrapLevel: item.giftWrapPrice ? 'STANDARD' : undefined }) } : undefined,
				})
			: undefined,
	});
}

function renderPackages(order) {
	return order.shipments.map((shipment) =>
		compact({
			packageReferenceId: shipment.packageReferenceId,
			createdTime: iso(Date.parse(shipment.shipDate)),
			packageStatus: { status: 'SHIPPED' },
			carrier: shipment.carrierCode === 'Other' ? shipment.carrierName : shipment.carrierCode,
			shipTime: iso(Date.parse(shipment.shipDate)),
			shippingService: shipment.shippingMethod || undefined,
			trackingNumber: shipment.trackingNumber,
			packageItems: shipment.items.map(({ orderItemId, quantity }) => ({ orderItemId, quantity })),
		}),
	);
}

/** EmuOrder -> v2026-01-01 `Order`; `included` is the set of includedData values (already role-checked). */
function renderOrder2026(order, included) {
	const purchase = Date.parse(order.purchaseDate);
	const marketplace = marketplaceById(order.marketplaceId);
	const priced = !NO_PRICE_STATUSES.has(order.status);
	const places = decimals(order.items[0] ? order.items[0].itemPrice : '0.00');
	const grandTotal = order.items.reduce((total, item) => total + Number(item.itemPrice) + Number(item.shippingPrice) - Number(item.promotionDiscount), 0);
	return compact({
		orderId: order.orderId,
		orderAliases: order.merchantOrderId ? [{ aliasId: order.merchantOrderId, aliasType: 'SELLER_ORDER_ID' }] : undefined,
		createdTime: iso(purchase),
		lastUpdatedTime: iso(Date.parse(order.lastUpdateDate)),
		programs: programsOf(order),
		salesChannel: { channelName: 'AMAZON', marketplaceId: order.marketplaceId, marketplaceName: marketplace ? marketplace.name : 'Amazon.com' },
		buyer: included.has('BUYER')
			? compact({ buyerName: order.buyer.name, buyerEmail: order.buyer.email, buyerCompanyName: order.buyer.companyName || undefined, buyerPurchaseOrderNumber: order.buyer.purchaseOrderNumber || undefined })
			: undefined,
		recipient: included.has('RECIPIENT') && priced ? { deliveryAddress: deliveryAddress(order.shippingAddress) } : undefined,
		proceeds: included.has('PROCEEDS') && priced ? { grandTotal: money(order.currency, grandTotal.toFixed(places)) } : undefined,
		fulfillment: included.has('FULFILLMENT')
			? {
					fulfillmentStatus: STATUS_2026[order.status],
					fulfilledBy: order.fulfillmentChannel === 'AFN' ? 'AMAZON' : 'MERCHANT',
					fulfillmentServiceLevel: order.fulfillmentServiceLevel || 'STANDARD',
					shipByWindow: { earliestDateTime: iso(purchase + DAY), latestDateTime: iso(purchase + 2 * DAY) },
					deliverByWindow: { earliestDateTime: iso(purchase + 3 * DAY), latestDateTime: iso(purchase + 6 * DAY) },
				}
			: undefined,
		orderItems: order.items.map((item) => renderItem(order, item, included)),
		packages: included.has('PACKAGES') && order.shipments.length ? renderPackages(order) : undefined,
	});
}

module.exports = { renderOrder2026, STATUS_2026 };
