'use strict';
// Order feeds applied to the OrderStore when a feed reaches DONE: XML and flat-file acknowledgement/cancellation,
// XML and flat-file shipment confirmation, and VAT invoice uploads. Each returns { status, report }.
const docs = require('../lib/documents');
const { SELLER_ID } = require('./listings');
const { remainingOf } = require('./orders');
const { CARRIER_CODES } = require('../lib/shipmentValidation');

const CANCEL_REASONS = [
	'NoInventory', 'ShippingAddressUndeliverable', 'CustomerExchange', 'BuyerCanceled', 'GeneralAdjustment',
	'CarrierCreditDecision', 'RiskAssessmentInformationNotValid', 'CarrierCoverageFailure', 'CustomerReturn',
	'MerchandiseNotReceived', 'CannotVerifyInformation', 'PricingError', 'RejectOrder', 'WeatherDelay',
];

const CODES = {
	xmlParse: 5000, messageType: 5001, orderNotFound: 18028, itemNotFound: 18030, pendingOrder: 18101,
	cancelReason: 18102, statusCode: 18103, rejected: 18104, carrier: 18200, fulfillmentDate: 18202,
	missingColumn: 90210, vatMetadata: 8560, vatDocument: 8561,
};

class FeedError extends Error {
	constructor(code, description, additional = {}) {
		super(description);
		Object.assign(this, { code, additional });
	}
}

function findOrder(ctx, { amazonOrderId, merchantOrderId }) {
	const order = amazonOrderId ? ctx.orders.get(amazonOrderId) : ctx.orders.list().find((o) => o.merchantOrderId === merchantOrderId);
	if (!order)
		throw new FeedError(CODES.orderNotFound, `The order ID '${amazonOrderId || merchantOrderId}' was not found in our system. Verify the order ID and resubmit.`, {
			AmazonOrderID: amazonOrderId || merchantOrderId,
		});
	return order;
}

function checkItem(order, orderItemId) {
	if (!order.items.some((i) => i.orderItemId === orderItemId))
		throw new FeedError(CODES.itemNotFound, `The order item code '${orderItemId}' does not belong to order '${order.orderId}'.`, {
			AmazonOrderID: order.orderId,
			AmazonOrderItemCode: orderItemId,
		});
}

function checkCancelReason(order, reason, orderItemId) {
	if (!CANCEL_REASONS.includes(reason))
		throw new FeedError(
			CODES.cancelReason,
			`The CancelReason '${reason || ''}' is not valid. Valid values are: ${CANCEL_REASONS.join(', ')}.`,
			{ AmazonOrderID: order.orderId, ...(orderItemId ? { AmazonOrderItemCode: orderItemId } : {}) },
		);
}

const storeResult = (order, errorText) => {
	if (errorText) throw new FeedError(CODES.rejected, errorText, { AmazonOrderID: order.orderId });
};

function cancelItems(ctx, order, items) {
	items.forEach((i) => (checkItem(order, i.orderItemId), checkCancelReason(order, i.reason, i.orderItemId)));
	storeResult(order, ctx.orders.cancel(order.orderId, { reason: items[0].reason, items }));
}

function shipItems(ctx, order, shipment) {
	const { carrierCode, carrierName, shipDate } = shipment;
	if (carrierCode && !CARRIER_CODES.has(carrierCode))
		throw new FeedError(CODES.carrier, `The CarrierCode '${carrierCode}' is not valid. Use a value from the CarrierCode list, or 'Other' together with CarrierName.`, { AmazonOrderID: order.orderId });
	if ((!carrierCode || carrierCode === 'Other') && !carrierName)
		throw new FeedError(CODES.carrier, "CarrierName is required when CarrierCode is 'Other' or missing.", { AmazonOrderID: order.orderId });
	if (!shipDate || Number.isNaN(Date.parse(shipDate)))
		throw new FeedError(CODES.fulfillmentDate, `The FulfillmentDate '${shipDate || ''}' is not a valid date-time.`, { AmazonOrderID: order.orderId });
	shipment.items?.forEach((i) => checkItem(order, i.orderItemId));
	// An Item without Quantity ships everything still open on that line.
	const items = shipment.items?.map((i) => ({ ...i, quantity: i.quantity ?? remainingOf(order.items.find((o) => o.orderItemId === i.orderItemId)) }));
	storeResult(order, ctx.orders.ship(order.orderId, { ...shipment, items, shipDate: new Date(shipDate).toISOString() }));
}

// ---------- XML feeds ----------
const quantityOf = (text) => (text ? Number(text) : undefined);

function applyAcknowledgement(ctx, body) {
	const order = findOrder(ctx, { amazonOrderId: body.AmazonOrderID });
	const items = docs.asArray(body.Item);
	if (body.StatusCode === 'Success') {
		if (['Pending', 'PendingAvailability'].includes(order.status))
			throw new FeedError(CODES.pendingOrder, `The order '${order.orderId}' cannot be acknowledged because it is in Pending status. Acknowledge the order after payment is authorized.`, { AmazonOrderID: order.orderId });
		items.forEach((i) => checkItem(order, i.AmazonOrderItemCode));
		const ack = { merchantOrderId: body.MerchantOrderID, items: items.map((i) => ({ orderItemId: i.AmazonOrderItemCode, merchantOrderItemId: i.MerchantOrderItemID })) };
		return storeResult(order, ctx.orders.acknowledge(order.orderId, ack));
	}
	if (body.StatusCode !== 'Failure')
		throw new FeedError(CODES.statusCode, `The StatusCode '${body.StatusCode || ''}' is not valid. Use 'Success' or 'Failure'.`, { AmazonOrderID: order.orderId });
	if (!items.length) throw new FeedError(CODES.cancelReason, 'A cancellation (StatusCode Failure) requires at least one Item with a CancelReason.', { AmazonOrderID: order.orderId });
	cancelItems(ctx, order, items.map((i) => ({ orderItemId: i.AmazonOrderItemCode, reason: i.CancelReason, quantity: quantityOf(i.Quantity) })));
}

function applyFulfillment(ctx, body) {
	const order = findOrder(ctx, { amazonOrderId: body.AmazonOrderID, merchantOrderId: body.MerchantOrderID });
	const data = body.FulfillmentData || {};
	const items = docs.asArray(body.Item).map((i) => ({ orderItemId: i.AmazonOrderItemCode, quantity: quantityOf(i.Quantity) }));
	shipItems(ctx, order, {
		carrierCode: data.CarrierCode,
		carrierName: data.CarrierName,
		shippingMethod: data.ShippingMethod,
		trackingNumber: data.ShipperTrackingNumber,
		shipDate: body.FulfillmentDate,
		items: items.length ? items : null,
	});
}

function xmlOrderFeed(messageType, apply) {
	return ({ feed, content, ctx }) => {
		const results = [];
		const report = (processed) => ({
			status: 'DONE',
			report: { contentType: 'text/xml; charset=UTF-8', body: docs.xmlProcessingReport({ transactionId: feed.feedId, merchantId: SELLER_ID, processed, results }) },
		});
		const parsed = docs.parseXml(content.toString('utf8'));
		if (parsed.error) {
			const { line, col, message } = parsed.error;
			results.push({ messageId: 0, type: 'Error', code: CODES.xmlParse, description: `XML Parsing Fatal Error at Line ${line}, Column ${col}: ${message}` });
			return report(0);
		}
		const envelope = parsed.doc.AmazonEnvelope;
		if (!envelope || envelope.MessageType !== messageType) {
			const found = envelope ? `MessageType '${envelope.MessageType || ''}'` : 'no AmazonEnvelope root element';
			results.push({ messageId: 0, type: 'Error', code: CODES.messageType, description: `The feed contains ${found}; ${feed.feedType} requires an AmazonEnvelope with MessageType '${messageType}'.` });
			return report(0);
		}
		const messages = docs.asArray(envelope.Message);
		for (const message of messages) {
			const messageId = message.MessageID || 0;
			try {
				if (!message[messageType]) throw new FeedError(CODES.messageType, `Message ${messageId} has no ${messageType} element.`);
				apply(ctx, message[messageType]);
			} catch (error) {
				if (!(error instanceof FeedError)) throw error;
				results.push({ messageId, type: 'Error', code: error.code, description: error.message, additional: error.additional });
			}
		}
		return report(messages.length);
	};
}

// ---------- flat files ----------
function flatOrderFeed(requiredColumns, groupKey, apply) {
	return ({ content, ctx }) => {
		const rows = docs.parseTsv(content.toString('utf8'));
		const results = [];
		const fail = (records, error) =>
			records.forEach((row) =>
				results.push({ record: row.lineNumber, orderId: row['order-id'], itemId: row['order-item-id'] || row['amazon-order-item-code'], type: 'Error', code: error.code, description: error.message }),
			);
		const missing = requiredColumns.filter((c) => rows.length && !(c in rows[0]));
		if (missing.length) fail(rows, new FeedError(CODES.missingColumn, `The file is missing the required column(s): ${missing.join(', ')}.`));
		else {
			const groups = new Map();
			rows.forEach((row) => groups.set(groupKey(row), [...(groups.get(groupKey(row)) || []), row]));
			for (const group of groups.values())
				try {
					apply(ctx, findOrder(ctx, { amazonOrderId: group[0]['order-id'] }), group);
				} catch (error) {
					if (!(error instanceof FeedError)) throw error;
					fail(group, error);
				}
		}
		return { status: 'DONE', report: { contentType: 'text/plain; charset=UTF-8', body: docs.flatProcessingReport({ processed: rows.length, results }) } };
	};
}

function cancelFromRows(ctx, order, rows) {
	const wholeOrder = rows.find((r) => !r['amazon-order-item-code']);
	if (wholeOrder) {
		checkCancelReason(order, wholeOrder['cancellation-reason-code']);
		return storeResult(order, ctx.orders.cancel(order.orderId, { reason: wholeOrder['cancellation-reason-code'], items: null }));
	}
	cancelItems(ctx, order, rows.map((r) => ({ orderItemId: r['amazon-order-item-code'], reason: r['cancellation-reason-code'] })));
}

function shipFromRows(ctx, order, rows) {
	const [first] = rows;
	const items = rows.filter((r) => r['order-item-id']).map((r) => ({ orderItemId: r['order-item-id'], quantity: quantityOf(r.quantity) }));
	shipItems(ctx, order, {
		carrierCode: first['carrier-code'] || undefined,
		carrierName: first['carrier-name'] || undefined,
		shippingMethod: first['ship-method'] || undefined,
		trackingNumber: first['tracking-number'] || undefined,
		shipDate: first['ship-date'],
		items: items.length ? items : null,
	});
}

// ---------- VAT invoices ----------
function vatInvoiceFeed({ feed, content, ctx }) {
	const options = Object.fromEntries(Object.entries(feed.feedOptions).map(([k, v]) => [k.toLowerCase(), v]));
	const orderId = options['metadata:orderid'] || options['metadata:shippingid'];
	const results = [];
	const error = (code, description) => results.push({ messageId: 1, type: 'Error', code, description, additional: orderId ? { AmazonOrderID: orderId } : {} });
	if (!orderId || !options['metadata:invoicenumber'])
		error(CODES.vatMetadata, "feedOptions must contain 'metadata:orderid' (or 'metadata:shippingid') and 'metadata:invoicenumber'.");
	else if (!ctx.orders.get(orderId)) error(CODES.orderNotFound, `The order ID '${orderId}' was not found in our system.`);
	else if (content.subarray(0, 5).toString('latin1') !== '%PDF-') error(CODES.vatDocument, 'The uploaded document is not a valid PDF file.');
	else
		ctx.state.feeds.invoices.push({
			feedId: feed.feedId,
			orderId,
			invoiceNumber: options['metadata:invoicenumber'],
			documentType: options['metadata:documenttype'] || 'Invoice',
			bytes: content.length,
		});
	const body = docs.xmlProcessingReport({ transactionId: feed.feedId, merchantId: SELLER_ID, processed: 1, results });
	return { status: 'DONE', report: { contentType: 'text/xml; charset=UTF-8', body } };
}

module.exports = {
	xmlAcknowledgementFeed: xmlOrderFeed('OrderAcknowledgement', applyAcknowledgement),
	xmlFulfillmentFeed: xmlOrderFeed('OrderFulfillment', applyFulfillment),
	flatAcknowledgementFeed: flatOrderFeed(['order-id', 'cancellation-reason-code'], (r) => r['order-id'], cancelFromRows),
	flatFulfillmentFeed: flatOrderFeed(['order-id', 'ship-date'], (r) => `${r['order-id']}\t${r['tracking-number']}`, shipFromRows),
	vatInvoiceFeed,
	CANCEL_REASONS,
};
