'use strict';
// Report renderers: (report, ctx) -> { columns, rows } | { fatal: reason }, rendered from the emulator's state when a
// report completes. Synthetic rows (option reportMb) make benchmark-sized listings reports without holding them.
const docs = require('../lib/documents');
const { listingsStore, marketplaceById, afnChannel, isFba, mfnQuantity, priceFor, itemNameFor } = require('./listings');
const { inventoryStore, reservedOf, unfulfillableOf, totalOf } = require('./inventory');

const DAY_MS = 86400000;

const ORDER_COLUMNS = [
	'amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
	'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity',
	'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax',
	'item-promotion-discount', 'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country',
	'promotion-ids', 'is-business-order', 'purchase-order-number', 'price-designation',
];
const FBA_SHIPMENT_COLUMNS = [
	'amazon-order-id', 'merchant-order-id', 'shipment-id', 'shipment-item-id', 'amazon-order-item-id', 'merchant-order-item-id',
	'purchase-date', 'payments-date', 'shipment-date', 'reporting-date', 'buyer-email', 'buyer-name', 'buyer-phone-number', 'sku',
	'product-name', 'quantity-shipped', 'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price',
	'gift-wrap-tax', 'ship-service-level', 'recipient-name', 'ship-address-1', 'ship-address-2', 'ship-address-3', 'ship-city',
	'ship-state', 'ship-postal-code', 'ship-country', 'ship-phone-number', 'bill-address-1', 'bill-address-2', 'bill-address-3',
	'bill-city', 'bill-state', 'bill-postal-code', 'bill-country', 'item-promotion-discount', 'ship-promotion-discount', 'carrier',
	'tracking-number', 'estimated-arrival-date', 'fulfillment-center-id', 'fulfillment-channel', 'sales-channel',
];
const LISTING_COLUMNS = [
	'item-name', 'item-description', 'listing-id', 'seller-sku', 'price', 'quantity', 'open-date', 'image-url',
	'item-is-marketplace', 'product-id-type', 'zshop-shipping-fee', 'item-note', 'item-condition', 'zshop-category1',
	'zshop-browse-path', 'zshop-storefront-feature', 'asin1', 'asin2', 'asin3', 'will-ship-internationally', 'expedited-shipping',
	'zshop-boldface', 'product-id', 'bid-for-featured-placement', 'add-delete', 'pending-quantity', 'fulfillment-channel',
	'merchant-shipping-group', 'status',
];
const INVENTORY_COLUMNS = [
	'sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists', 'mfn-fulfillable-quantity',
	'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity',
	'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity',
	'afn-inbound-receiving-quantity', 'afn-researching-quantity', 'afn-reserved-future-supply', 'afn-future-supply-buyable',
];

const dataRange = (report) => ({ start: report.dataStartMs ?? report.createdMs - 30 * DAY_MS, end: report.dataEndMs ?? report.createdMs });
const priceText = (listing, marketplaceId) => {
	const price = priceFor(listing, marketplaceId);
	return price === undefined ? '' : marketplaceById(marketplaceId).currency === 'JPY' ? String(price) : price.toFixed(2);
};
const inRange = (iso, { start, end }) => Date.parse(iso) >= start && Date.parse(iso) <= end;
const reportTime = (ms) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
const ITEM_STATUS = { Shipped: 'Shipped', Canceled: 'Cancelled', Pending: 'Unshipped', PendingAvailability: 'Unshipped' };

function ordersOf(report, ctx, dateField) {
	const range = dataRange(report);
	return ctx.orders.list().filter((o) => report.marketplaceIds.includes(o.marketplaceId) && inRange(o[dateField], range));
}

function orderRow(order, item) {
	const marketplace = marketplaceById(order.marketplaceId);
	const address = order.shippingAddress || {};
	return {
		'amazon-order-id': order.orderId, 'merchant-order-id': order.merchantOrderId, 'purchase-date': order.purchaseDate,
		'last-updated-date': order.lastUpdateDate, 'order-status': order.status,
		'fulfillment-channel': order.fulfillmentChannel === 'AFN' ? 'Amazon' : 'Merchant',
		'sales-channel': marketplace?.name, 'ship-service-level': order.shipServiceLevel, 'product-name': item.title,
		sku: item.sellerSku, asin: item.asin, 'item-status': ITEM_STATUS[order.status] || (item.quantityShipped ? 'Shipped' : 'Unshipped'),
		quantity: item.quantityOrdered, currency: order.currency, 'item-price': item.itemPrice, 'item-tax': item.itemTax,
		'shipping-price': item.shippingPrice, 'shipping-tax': item.shippingTax, 'gift-wrap-price': item.giftWrapPrice,
		'item-promotion-discount': item.promotionDiscount, 'ship-city': address.city, 'ship-state': address.stateOrRegion,
		'ship-postal-code': address.postalCode, 'ship-country': address.countryCode, 'is-business-order': String(Boolean(order.isBusiness)),
	};
}

const allOrders = (dateField) => (report, ctx) => ({
	columns: ORDER_COLUMNS,
	rows: ordersOf(report, ctx, dateField).flatMap((order) => order.items.map((item) => orderRow(order, item))),
});

function fbaShipments(report, ctx) {
	const { start, end } = dataRange(report);
	if (end - start > 31 * DAY_MS) return { fatal: 'The requested date range exceeds the maximum of 30 days for this report type.' };
	const orders = ordersOf(report, ctx, 'lastUpdateDate').filter((o) => o.fulfillmentChannel === 'AFN' && ['Shipped', 'PartiallyShipped'].includes(o.status));
	const rows = orders.flatMap((order, orderIndex) => {
		const shipment = order.shipments?.[0] || {};
		const shipDate = shipment.shipDate || order.lastUpdateDate;
		const address = order.shippingAddress || {};
		return order.items.map((item, itemIndex) => ({
			...orderRow(order, item),
			'shipment-id': shipment.packageReferenceId || `D${String(orderIndex + 1).padStart(8, '0')}`,
			'shipment-item-id': `D${item.orderItemId}`, 'amazon-order-item-id': item.orderItemId,
			'payments-date': order.purchaseDate, 'shipment-date': shipDate, 'reporting-date': order.lastUpdateDate,
			'buyer-email': order.buyer?.email, 'buyer-name': order.buyer?.name, 'quantity-shipped': item.quantityShipped || item.quantityOrdered,
			'recipient-name': address.name, 'ship-address-1': address.addressLine1, 'ship-address-2': address.addressLine2,
			'ship-address-3': address.addressLine3, 'ship-phone-number': address.phone,
			carrier: shipment.carrierName || shipment.carrierCode || 'AMZN_' + (address.countryCode || 'US'),
			'tracking-number': shipment.trackingNumber || `TBA${order.orderId.replace(/\D/g, '').slice(-12)}${itemIndex}`,
			'estimated-arrival-date': new Date(Date.parse(shipDate) + 2 * DAY_MS).toISOString(),
			'fulfillment-center-id': { EU: 'LEJ1', FE: 'NRT5' }[marketplaceById(order.marketplaceId)?.region] || 'PHX7',
			'fulfillment-channel': 'AFN',
		}));
	});
	return { columns: FBA_SHIPMENT_COLUMNS, rows };
}

function listingRow(listing, marketplaceId, index) {
	const fba = isFba(listing);
	return {
		'item-name': listing.syntheticName ?? itemNameFor(listing, marketplaceId), 'listing-id': `${(index + 1).toString(16).toUpperCase().padStart(10, '0')}`,
		'seller-sku': listing.sku, price: priceText(listing, marketplaceId), quantity: fba ? '' : mfnQuantity(listing),
		'open-date': reportTime(Date.parse(listing.createdDate)), 'item-is-marketplace': 'y', 'product-id-type': 1,
		'item-condition': 11, asin1: listing.asin, 'will-ship-internationally': 'N', 'product-id': listing.asin, 'pending-quantity': 0,
		'fulfillment-channel': fba ? afnChannel(marketplaceById(marketplaceId)) : 'DEFAULT', 'merchant-shipping-group': fba ? '' : 'Migrated Template',
		status: priceFor(listing, marketplaceId) !== undefined ? 'Active' : 'Inactive',
	};
}

// Windows-1252 characters outside Latin-1 (€ – „ ’ “ ”) in every synthetic row, as EU reports carry them.
const SYNTHETIC_NAMES = ['Kaffeebecher „Classic“ – 0,3 l, 9,99 €', 'Men’s Trail Sock – 3 pack', 'Thé vert “Sencha” – 100 g', 'Porte-clés € – métal'];

/** Synthetic listing rows, produced lazily so a benchmark report of N MB is never held as row objects. */
function* syntheticListingRows(template, marketplaceId) {
	for (let n = 1; ; n++) {
		const sku = `EMU-BENCH-${String(n).padStart(8, '0')}`;
		yield { ...template, sku, asin: `B1${String(n).padStart(8, '0')}`, createdDate: template.createdDate, productType: template.productType, marketplaceIds: [marketplaceId], syntheticName: `${SYNTHETIC_NAMES[n % SYNTHETIC_NAMES.length]} ${n}` };
	}
}

function merchantListings(report, ctx) {
	const marketplaceId = report.marketplaceIds[0];
	const listings = [...listingsStore(ctx).bySku.values()].filter((l) => l.marketplaceIds.includes(marketplaceId));
	const rows = listings.map((l, i) => listingRow(l, marketplaceId, i));
	const targetBytes = (ctx.options?.reportMb || 0) * 1024 * 1024;
	if (!targetBytes || !listings.length) return { columns: LISTING_COLUMNS, rows };
	return { columns: LISTING_COLUMNS, rows, extraRows: syntheticListingRows(listings[0], marketplaceId), targetBytes, rowOf: (l, i) => listingRow(l, marketplaceId, rows.length + i) };
}

function unsuppressedInventory(report, ctx) {
	const marketplaceId = report.marketplaceIds[0];
	const listings = listingsStore(ctx).bySku;
	const rows = [...inventoryStore(ctx).bySku.values()]
		.filter((e) => listings.get(e.sku)?.marketplaceIds.includes(marketplaceId))
		.map((e) => {
			const listing = listings.get(e.sku);
			return {
				sku: e.sku, fnsku: listing.fnSku, asin: listing.asin, 'product-name': itemNameFor(listing, marketplaceId), condition: 'New',
				'your-price': priceText(listing, marketplaceId), 'mfn-listing-exists': 'No', 'mfn-fulfillable-quantity': '',
				'afn-listing-exists': 'Yes', 'afn-warehouse-quantity': e.fulfillable + unfulfillableOf(e) + reservedOf(e),
				'afn-fulfillable-quantity': e.fulfillable, 'afn-unsellable-quantity': unfulfillableOf(e), 'afn-reserved-quantity': reservedOf(e),
				'afn-total-quantity': totalOf(e), 'per-unit-volume': '0.42', 'afn-inbound-working-quantity': e.inboundWorking,
				'afn-inbound-shipped-quantity': e.inboundShipped, 'afn-inbound-receiving-quantity': e.inboundReceiving,
				'afn-researching-quantity': e.researching, 'afn-reserved-future-supply': 0, 'afn-future-supply-buyable': 0,
			};
		});
	return { columns: INVENTORY_COLUMNS, rows };
}


const VAT_INVOICE_COLUMNS = [
	'order-id', 'order-item-id', 'shipping-id', 'transaction-id', 'transaction-type', 'order-date', 'shipment-date', 'marketplace-id',
	'is-business-order', 'buyer-vat-number', 'buyer-company-name', 'sku', 'product-name', 'quantity-purchased', 'currency',
	'item-vat-inclusive-price', 'item-vat-amount', 'item-vat-rate', 'shipping-vat-inclusive-price', 'shipping-vat-amount',
	'invoice-status', 'invoice-status-description',
];

/** GET_FLAT_FILE_VAT_INVOICE_DATA_REPORT (VIDR): shipped EU orders awaiting an invoice upload. */
function vatInvoiceData(report, ctx) {
	const orders = ordersOf(report, ctx, 'lastUpdateDate').filter((o) => marketplaceById(o.marketplaceId)?.region === 'EU' && o.status === 'Shipped');
	const rate = 0.19;
	const rows = orders.flatMap((order) =>
		order.items.map((item) => {
			const gross = Number(item.itemPrice || 0);
			const shipping = Number(item.shippingPrice || 0);
			return {
				'order-id': order.orderId, 'order-item-id': item.orderItemId, 'shipping-id': `S${item.orderItemId}`,
				'transaction-id': `T${order.orderId.replace(/\D/g, '')}`, 'transaction-type': 'SHIPMENT', 'order-date': order.purchaseDate,
				'shipment-date': order.lastUpdateDate, 'marketplace-id': order.marketplaceId, 'is-business-order': String(Boolean(order.isBusiness)),
				'buyer-vat-number': order.isBusiness ? 'DE123456789' : '', 'buyer-company-name': order.buyer?.companyName || '',
				sku: item.sellerSku, 'product-name': item.title, 'quantity-purchased': item.quantityOrdered, currency: order.currency,
				'item-vat-inclusive-price': gross.toFixed(2), 'item-vat-amount': (gross - gross / (1 + rate)).toFixed(2), 'item-vat-rate': rate,
				'shipping-vat-inclusive-price': shipping.toFixed(2), 'shipping-vat-amount': (shipping - shipping / (1 + rate)).toFixed(2),
				'invoice-status': 'InvoicePending', 'invoice-status-description': 'Rechnung ausstehend – bitte hochladen',
			};
		}),
	);
	return { columns: VAT_INVOICE_COLUMNS, rows };
}

const RENDERERS = {
	GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: allOrders('lastUpdateDate'),
	GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: allOrders('purchaseDate'),
	GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: fbaShipments,
	GET_MERCHANT_LISTINGS_ALL_DATA: merchantListings,
	GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: unsuppressedInventory,
	GET_FLAT_FILE_VAT_INVOICE_DATA_REPORT: vatInvoiceData,
};

module.exports = { RENDERERS };


