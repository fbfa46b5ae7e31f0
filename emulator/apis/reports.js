'use strict';
// Reports API 2021-06-30: lazy lifecycle, TSV documents rendered from state at completion, gzip, region charsets.
const docs = require('../lib/documents');
const { listingsStore, marketplaceById, afnChannel, isFba, mfnQuantity, priceFor, itemNameFor, createRandom } = require('../data/listings');
const { inventoryStore, reservedOf, unfulfillableOf, totalOf } = require('../data/inventory');

const QUEUE_MS = 30000;
const PROCESSING_MS = 60000;
const DAY_MS = 86400000;
const DOWNLOAD_PREFIX = '/_docs/reports/';
const DEFAULT_FAILURE_RATE = 0.04;

const state = (ctx) => ctx.state.reports;

// ---------- renderers: (report, ctx) -> { columns, rows } | { fatal: reason } ----------
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
		'item-name': itemNameFor(listing, marketplaceId), 'listing-id': `${(index + 1).toString(16).toUpperCase().padStart(10, '0')}`,
		'seller-sku': listing.sku, price: priceText(listing, marketplaceId), quantity: fba ? '' : mfnQuantity(listing),
		'open-date': reportTime(Date.parse(listing.createdDate)), 'item-is-marketplace': 'y', 'product-id-type': 1,
		'item-condition': 11, asin1: listing.asin, 'will-ship-internationally': 'N', 'product-id': listing.asin, 'pending-quantity': 0,
		'fulfillment-channel': fba ? afnChannel(marketplaceById(marketplaceId)) : 'DEFAULT', 'merchant-shipping-group': fba ? '' : 'Migrated Template',
		status: priceFor(listing, marketplaceId) !== undefined ? 'Active' : 'Inactive',
	};
}

/** Synthetic listing rows, produced lazily so a benchmark report of N MB is never held as row objects. */
function* syntheticListingRows(template, marketplaceId) {
	for (let n = 1; ; n++) {
		const sku = `EMU-BENCH-${String(n).padStart(8, '0')}`;
		yield { ...template, sku, asin: `B1${String(n).padStart(8, '0')}`, createdDate: template.createdDate, productType: template.productType, marketplaceIds: [marketplaceId] };
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

const RENDERERS = {
	GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: allOrders('lastUpdateDate'),
	GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: allOrders('purchaseDate'),
	GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: fbaShipments,
	GET_MERCHANT_LISTINGS_ALL_DATA: merchantListings,
	GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: unsuppressedInventory,
};

// ---------- documents ----------
const SYNTHETIC_ROWS_PER_CHUNK = 2000;

function renderTsv({ columns, rows, extraRows, targetBytes, rowOf }, encode) {
	const chunks = [encode(docs.toTsv(columns, rows))];
	let size = chunks[0].length;
	for (let index = 0; extraRows && size < targetBytes; ) {
		let lines = '';
		// String length approximates the encoded size closely enough to stop near the target.
		for (const end = index + SYNTHETIC_ROWS_PER_CHUNK; index < end && size + lines.length < targetBytes; index++) {
			const row = rowOf(extraRows.next().value, index);
			lines += docs.tsvLine(columns.map((c) => row[c]));
		}
		chunks.push(encode(lines));
		size += chunks[chunks.length - 1].length;
	}
	return Buffer.concat(chunks);
}

function storeDocument(ctx, contentType, bytes) {
	const reportDocumentId = `amzn1.spdoc.1.4.na.${(++state(ctx).sequence).toString(16).padStart(8, '0')}-emu.T1EMULATOR`;
	state(ctx).documents.set(reportDocumentId, { reportDocumentId, contentType, content: docs.gzip(bytes) });
	return reportDocumentId;
}

const failureDocument = (ctx, reason) => storeDocument(ctx, 'application/json', JSON.stringify({ errorDetails: reason }));

/** Occasional seeded failures, decided per report id so they do not depend on request order. */
function seededFailure(report, ctx) {
	const rate = ctx.options?.reportFailureRate ?? DEFAULT_FAILURE_RATE;
	const roll = createRandom(ctx.seed ?? 42, `report-${report.reportId}`).rng();
	if (roll < rate / 2) return { status: 'CANCELLED' };
	if (roll < rate) return { status: 'FATAL', reportDocumentId: failureDocument(ctx, 'The report could not be generated due to an internal error. Request it again.') };
	return null;
}

function completeReport(report, ctx) {
	const renderer = RENDERERS[report.reportType];
	if (!renderer) return { status: 'FATAL', reportDocumentId: failureDocument(ctx, `Report type ${report.reportType} is not supported by the emulator.`) };
	const failure = seededFailure(report, ctx);
	if (failure) return failure;
	const rendered = renderer(report, ctx);
	if (rendered.fatal) return { status: 'FATAL', reportDocumentId: failureDocument(ctx, rendered.fatal) };
	// Amazon reports "no data" as CANCELLED without a document.
	if (!rendered.rows.length) return { status: 'CANCELLED' };
	const charset = docs.charsetFor(marketplaceById(report.marketplaceIds[0]));
	const bytes = renderTsv(rendered, charset.encode);
	return { status: 'DONE', reportDocumentId: storeDocument(ctx, `text/plain; charset=${charset.label}`, bytes) };
}

function renderReport(report, ctx) {
	let phase = report.cancelled
		? { status: 'CANCELLED' }
		: docs.processingPhase(report.createdMs, ctx.now(), ctx.timeScale, { queueMs: QUEUE_MS, processingMs: PROCESSING_MS });
	if (phase.status === 'DONE') {
		report.outcome ||= completeReport(report, ctx);
		phase = { ...phase, ...report.outcome };
	}
	return {
		reportId: report.reportId,
		reportType: report.reportType,
		marketplaceIds: report.marketplaceIds,
		...(report.dataStartMs !== undefined ? { dataStartTime: docs.isoTime(report.dataStartMs) } : {}),
		...(report.dataEndMs !== undefined ? { dataEndTime: docs.isoTime(report.dataEndMs) } : {}),
		createdTime: docs.isoTime(report.createdMs),
		processingStatus: phase.status,
		...(phase.startMs ? { processingStartTime: docs.isoTime(phase.startMs) } : {}),
		...(phase.endMs ? { processingEndTime: docs.isoTime(phase.endMs) } : {}),
		...(phase.reportDocumentId ? { reportDocumentId: phase.reportDocumentId } : {}),
	};
}

// ---------- handlers ----------
function createReport(req, ctx) {
	const { reportType, marketplaceIds, dataStartTime, dataEndTime, reportOptions } = req.body || {};
	if (!reportType || !Array.isArray(marketplaceIds) || !marketplaceIds.length)
		return ctx.error(400, 'InvalidInput', "Request body must contain 'reportType' and 'marketplaceIds'.");
	const unknown = marketplaceIds.find((id) => !marketplaceById(id));
	if (unknown) return ctx.error(400, 'InvalidInput', `Invalid marketplaceId: ${unknown}.`);
	const [dataStartMs, dataEndMs] = [dataStartTime, dataEndTime].map((t) => (t === undefined ? undefined : Date.parse(t)));
	if (Number.isNaN(dataStartMs) || Number.isNaN(dataEndMs) || dataStartMs > (dataEndMs ?? Infinity))
		return ctx.error(400, 'InvalidInput', 'dataStartTime and dataEndTime must be ISO 8601 date-times with dataStartTime before dataEndTime.');
	const reportId = String(90000000000 + ++state(ctx).sequence);
	const report = { reportId, reportType, marketplaceIds, dataStartMs, dataEndMs, reportOptions: reportOptions || {}, createdMs: ctx.now() };
	state(ctx).reports.set(reportId, report);
	return { status: 202, body: { reportId } };
}

function findReport(req, ctx) {
	const report = state(ctx).reports.get(req.params.reportId);
	return report ? { report } : { error: ctx.error(404, 'NotFound', `The report ${req.params.reportId} was not found.`) };
}

function getReport(req, ctx) {
	const { report, error } = findReport(req, ctx);
	return error || { status: 200, body: renderReport(report, ctx) };
}

function cancelReport(req, ctx) {
	const { report, error } = findReport(req, ctx);
	if (error) return error;
	if (renderReport(report, ctx).processingStatus !== 'IN_QUEUE')
		return ctx.error(400, 'InvalidInput', `The report ${report.reportId} cannot be cancelled because its processing has already started.`);
	report.cancelled = true;
	return { status: 200 };
}

function getReports(req, ctx) {
	const jobs = [...state(ctx).reports.values()].map((report) => ({ ...report, type: report.reportType, report }));
	const { error, page, nextToken } = docs.listJobs(req, ctx, { typesParam: 'reportTypes', jobs, render: (job) => renderReport(job.report, ctx) });
	return error || { status: 200, body: { reports: page, ...(nextToken ? { nextToken } : {}) } };
}

function getReportDocument(req, ctx) {
	const document = state(ctx).documents.get(req.params.reportDocumentId);
	if (!document) return ctx.error(404, 'NotFound', `The report document ${req.params.reportDocumentId} was not found.`);
	const url = docs.downloadUrl(ctx, DOWNLOAD_PREFIX + document.reportDocumentId, req.query.enableContentEncodingUrlHeader === 'true');
	return { status: 200, body: { reportDocumentId: document.reportDocumentId, url, compressionAlgorithm: 'GZIP' } };
}

const downloadDocument = (req, ctx) => docs.serveDocument(req, ctx, state(ctx).documents.get(req.path.slice(DOWNLOAD_PREFIX.length)));

module.exports = {
	name: 'reports',
	handlers: {
		'reports.createReport': createReport,
		'reports.getReport': getReport,
		'reports.getReports': getReports,
		'reports.cancelReport': cancelReport,
		'reports.getReportDocument': getReportDocument,
	},
	rawRoutes: [{ method: 'GET', prefix: DOWNLOAD_PREFIX, handle: downloadDocument }],
	init(ctx) {
		ctx.state.reports = { sequence: 0, reports: new Map(), documents: new Map() };
	},
	inspect(ctx) {
		return { reports: [...state(ctx).reports.values()].map((r) => renderReport(r, ctx)) };
	},
};
