'use strict';

const { marketplaceById } = require('./marketplaces');

const NO_PRICE_STATUSES = new Set(['Pending', 'PendingAvailability']);
const DAY = 24 * 3600 * 1000;

const isoNoMillis = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const money = (currency, amount) => ({ CurrencyCode: currency, Amount: amount });
const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined && value !== ''));
const sum = (values, decimals) => values.reduce((total, value) => total + Number(value || 0), 0).toFixed(decimals);
const decimalsOf = (amount) => (String(amount).split('.')[1] || '').length;

function orderTotal(order) {
	const decimals = decimalsOf(order.items[0] ? order.items[0].itemPrice : '0.00');
	const gross = order.items.flatMap((item) => [item.itemPrice, item.shippingPrice, item.giftWrapPrice]);
	const total = Number(sum(gross, decimals)) - Number(sum(order.items.map((item) => item.promotionDiscount), decimals));
	return money(order.currency, total.toFixed(decimals));
}

/** Full address (v0 shape); without PII only the non-identifying parts, as Amazon returns without an RDT. */
function renderAddress(address, { full }) {
	if (!full) {
		return compact({ City: address.city, StateOrRegion: address.stateOrRegion, PostalCode: address.postalCode, CountryCode: address.countryCode });
	}
	return compact({
		Name: address.name,
		CompanyName: address.companyName,
		AddressLine1: address.addressLine1,
		AddressLine2: address.addressLine2,
		AddressLine3: address.addressLine3,
		City: address.city,
		StateOrRegion: address.stateOrRegion,
		PostalCode: address.postalCode,
		CountryCode: address.countryCode,
		Phone: address.phone,
		AddressType: address.addressType,
	});
}

function renderBuyerInfo(order, { full }) {
	if (!full) return compact({ BuyerEmail: order.buyer.email });
	return compact({ BuyerEmail: order.buyer.email, BuyerName: order.buyer.name, PurchaseOrderNumber: order.buyer.purchaseOrderNumber });
}

const itemCounts = (order) => ({
	shipped: order.items.reduce((total, item) => total + item.quantityShipped, 0),
	unshipped: order.items.reduce((total, item) => total + item.quantityOrdered - item.quantityShipped - item.quantityCanceled, 0),
});

/** EmuOrder -> ordersV0 `Order`. pii: { address, buyer } booleans granted by the RDT's data elements. */
function renderOrder(order, pii = {}) {
	const purchase = Date.parse(order.purchaseDate);
	const marketplace = marketplaceById(order.marketplaceId);
	const pending = NO_PRICE_STATUSES.has(order.status);
	const counts = itemCounts(order);
	return compact({
		AmazonOrderId: order.orderId,
		SellerOrderId: order.merchantOrderId,
		PurchaseDate: isoNoMillis(purchase),
		LastUpdateDate: isoNoMillis(Date.parse(order.lastUpdateDate)),
		OrderStatus: order.status,
		FulfillmentChannel: order.fulfillmentChannel,
		SalesChannel: marketplace ? marketplace.name : 'Amazon.com',
		ShipServiceLevel: order.shipServiceLevel,
		OrderTotal: pending || order.status === 'Canceled' ? null : orderTotal(order),
		NumberOfItemsShipped: counts.shipped,
		NumberOfItemsUnshipped: order.status === 'Canceled' ? 0 : counts.unshipped,
		PaymentMethod: pending ? null : 'Other',
		PaymentMethodDetails: pending ? null : ['Standard'],
		MarketplaceId: order.marketplaceId,
		ShipmentServiceLevelCategory: order.shipmentServiceLevelCategory,
		OrderType: order.status === 'PendingAvailability' ? 'Preorder' : 'StandardOrder',
		EarliestShipDate: isoNoMillis(purchase + DAY),
		LatestShipDate: isoNoMillis(purchase + 2 * DAY),
		EarliestDeliveryDate: isoNoMillis(purchase + 3 * DAY),
		LatestDeliveryDate: isoNoMillis(purchase + 6 * DAY),
		IsBusinessOrder: order.isBusiness,
		IsPrime: order.isPrime,
		IsPremiumOrder: order.isPremium,
		IsGlobalExpressEnabled: false,
		IsReplacementOrder: false,
		IsSoldByAB: false,
		IsISPU: false,
		IsAccessPointOrder: /^Packstation/i.test(order.shippingAddress.addressLine1 || ''),
		HasRegulatedItems: false,
		BuyerInfo: renderBuyerInfo(order, { full: Boolean(pii.buyer) }),
		ShippingAddress: pending ? null : renderAddress(order.shippingAddress, { full: Boolean(pii.address) }),
		AutomatedShippingSettings: order.fulfillmentChannel === 'MFN' ? { HasAutomatedShippingSettings: false } : null,
	});
}

/** EmuOrder item -> ordersV0 `OrderItem`; no prices while Pending, gift data only with buyerInfo PII. */
function renderOrderItem(order, item, pii = {}) {
	const priced = !NO_PRICE_STATUSES.has(order.status);
	const price = (amount) => (priced && amount !== null && amount !== undefined ? money(order.currency, amount) : null);
	return compact({
		ASIN: item.asin,
		SellerSKU: item.sellerSku,
		OrderItemId: item.orderItemId,
		Title: item.title,
		QuantityOrdered: item.quantityOrdered,
		QuantityShipped: item.quantityShipped,
		ProductInfo: { NumberOfItems: '1' },
		ItemPrice: price(item.itemPrice),
		ShippingPrice: price(item.shippingPrice),
		ItemTax: price(item.itemTax),
		ShippingTax: price(item.shippingTax),
		PromotionDiscount: price(item.promotionDiscount),
		IsGift: String(Boolean(item.isGift)),
		ConditionId: 'New',
		ConditionSubtypeId: 'New',
		IsTransparency: false,
		SerialNumberRequired: false,
		BuyerInfo:
			pii.buyer && item.isGift
				? compact({ GiftMessageText: item.giftMessage, GiftWrapPrice: price(item.giftWrapPrice), GiftWrapLevel: item.giftWrapPrice ? 'Classic' : null })
				: null,
	});
}

module.exports = { renderOrder, renderOrderItem, renderAddress, renderBuyerInfo, NO_PRICE_STATUSES };
