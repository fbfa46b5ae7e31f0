/**
 * Seller (MFN) order feeds: acknowledgement / cancellation and shipment confirmation, as XML
 * (POST_ORDER_ACKNOWLEDGEMENT_DATA, POST_ORDER_FULFILLMENT_DATA) and flat files
 * (POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA, POST_FLAT_FILE_FULFILLMENT_DATA).
 * These order feeds are not part of Amazon's 2025 retirement of XML/flat-file listings feeds.
 */

import { SpApiInputError } from '../http/errors';
import { el, optionalEl, serializeXml, type XmlElement } from '../codecs/xml';
import { writeTsv } from '../codecs/tsv';
import { assertOrderId } from './validate';

export const ORDER_FEED_TYPES = {
	acknowledgement: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
	fulfillment: 'POST_ORDER_FULFILLMENT_DATA',
	flatFileCancellation: 'POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA',
	flatFileFulfillment: 'POST_FLAT_FILE_FULFILLMENT_DATA',
} as const;

/** Content types to declare in createFeedDocument and on the upload (they must be identical). */
export const XML_FEED_CONTENT_TYPE = 'text/xml; charset=UTF-8';
export const FLAT_FILE_FEED_CONTENT_TYPE = 'text/tab-separated-values; charset=UTF-8';

/** `CancelReason` values accepted by the OrderAcknowledgement feed. */
export const CANCEL_REASONS = [
	'NoInventory',
	'ShippingAddressUndeliverable',
	'CustomerExchange',
	'BuyerCanceled',
	'GeneralAdjustment',
	'CarrierCreditDecision',
	'RiskAssessmentInformationNotValid',
	'CarrierCoverageFailure',
	'CustomerReturn',
	'MerchandiseNotReceived',
	'CannotVerifyInformation',
	'PricingError',
	'RejectOrder',
	'WeatherDelay',
] as const;

export type CancelReason = (typeof CANCEL_REASONS)[number];


export interface OrderAcknowledgementItem {
	amazonOrderItemCode: string;
	merchantOrderItemId?: string;
	/** Required on every item of a `Failure` (cancellation) message; not allowed with `Success`. */
	cancelReason?: CancelReason | string;
	quantity?: number;
}

export interface OrderAcknowledgementMessage {
	/** Defaults to the message's position (1-based). */
	messageId?: number;
	amazonOrderId: string;
	merchantOrderId?: string;
	/** `Success` acknowledges; `Failure` cancels the listed items. */
	statusCode: 'Success' | 'Failure';
	/** Optional for `Success`; a cancellation must list the items it cancels. */
	items?: OrderAcknowledgementItem[];
}

export interface OrderFulfillmentItem {
	amazonOrderItemCode: string;
	quantity?: number;
}

export interface OrderFulfillmentMessage {
	messageId?: number;
	amazonOrderId: string;
	merchantFulfillmentId?: string;
	/** When the package shipped: Date or ISO-8601 date-time. */
	fulfillmentDate: Date | string;
	/** Amazon carrier code (see carriers.ts); `Other` requires `carrierName`. */
	carrierCode?: string;
	carrierName?: string;
	shippingMethod?: string;
	trackingNumber?: string;
	/** Omit to confirm the whole order; when given it must not be empty. */
	items?: OrderFulfillmentItem[];
}

export interface FlatFileCancellationRow {
	amazonOrderId: string;
	amazonOrderItemCode: string;
	cancelReason: CancelReason | string;
}

export interface FlatFileFulfillmentRow {
	amazonOrderId: string;
	amazonOrderItemCode?: string;
	quantity?: number;
	shipDate: Date | string;
	carrierCode?: string;
	carrierName?: string;
	trackingNumber?: string;
	shippingMethod?: string;
	shipFromSupplySourceId?: string;
}

function fail(field: string, message: string, hint?: string): never {
	throw new SpApiInputError(field, message, hint);
}

function requireText(value: string | undefined, field: string): string {
	const text = (value ?? '').trim();
	if (!text) fail(field, `${field} is required`);
	return text;
}

function checkQuantity(quantity: number | undefined, field: string): number | undefined {
	if (quantity !== undefined && (!Number.isInteger(quantity) || quantity < 1)) {
		fail(field, `${field} must be a positive whole number, got ${quantity}`);
	}
	return quantity;
}

function checkCancelReason(reason: string | undefined, field: string): CancelReason {
	if (!CANCEL_REASONS.includes(reason as CancelReason)) {
		fail(field, `${field} "${reason ?? ''}" is not an Amazon cancel reason`, `Use one of: ${CANCEL_REASONS.join(', ')}`);
	}
	return reason as CancelReason;
}

function checkItems<T>(items: T[] | undefined, field: string, required: boolean): T[] | undefined {
	if (items === undefined && !required) return undefined;
	if (!Array.isArray(items) || items.length === 0) fail(field, `${field} must list at least one item`);
	return items;
}

/** ISO-8601 date-time in UTC, as xsd:dateTime expects. */
function formatDateTime(value: Date | string, field: string): string {
	const date = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(date.getTime())) fail(field, `${field} "${String(value)}" is not a valid date`);
	return date.toISOString();
}

function messageIds(messages: Array<{ messageId?: number }>): number[] {
	const ids = messages.map((message, index) => message.messageId ?? index + 1);
	ids.forEach((id, index) => {
		if (!Number.isInteger(id) || id < 1) fail(`messages[${index}].messageId`, `messageId must be a positive integer`);
		if (ids.indexOf(id) !== index) fail(`messages[${index}].messageId`, `messageId ${id} is used twice`);
	});
	return ids;
}

function envelope(sellerId: string, messageType: string, messages: XmlElement[]): string {
	const root = el(
		'AmazonEnvelope',
		el('Header', el('DocumentVersion', '1.01'), el('MerchantIdentifier', requireText(sellerId, 'sellerId'))),
		el('MessageType', messageType),
		messages,
	);
	root.attributes = {
		'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
		'xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
	};
	return serializeXml(root);
}

function requireMessages<T>(messages: T[]): T[] {
	if (!Array.isArray(messages) || messages.length === 0) fail('messages', 'The feed needs at least one message');
	return messages;
}

function acknowledgementItem(item: OrderAcknowledgementItem, cancels: boolean, field: string): XmlElement {
	if (!cancels && item.cancelReason) {
		fail(`${field}.cancelReason`, 'A cancel reason is only allowed when the status code is Failure (cancel)');
	}
	return el(
		'Item',
		el('AmazonOrderItemCode', requireText(item.amazonOrderItemCode, `${field}.amazonOrderItemCode`)),
		optionalEl('MerchantOrderItemID', item.merchantOrderItemId),
		cancels ? el('CancelReason', checkCancelReason(item.cancelReason, `${field}.cancelReason`)) : undefined,
		optionalEl('Quantity', checkQuantity(item.quantity, `${field}.quantity`)),
	);
}

/** OrderAcknowledgement XML: `Success` acknowledges (and links merchant IDs), `Failure` cancels items. */
export function buildOrderAcknowledgementFeed(sellerId: string, messages: OrderAcknowledgementMessage[]): string {
	const ids = messageIds(requireMessages(messages));
	const elements = messages.map((message, index) => {
		const field = `messages[${index}]`;
		if (message.statusCode !== 'Success' && message.statusCode !== 'Failure') {
			fail(`${field}.statusCode`, `${field}.statusCode must be Success or Failure, got "${message.statusCode}"`);
		}
		const cancels = message.statusCode === 'Failure';
		const items = checkItems(message.items, `${field}.items`, cancels) ?? [];
		return el(
			'Message',
			el('MessageID', ids[index]),
			el(
				'OrderAcknowledgement',
				el('AmazonOrderID', assertOrderId(message.amazonOrderId, `${field}.amazonOrderId`)),
				optionalEl('MerchantOrderID', message.merchantOrderId),
				el('StatusCode', message.statusCode),
				items.map((item, itemIndex) => acknowledgementItem(item, cancels, `${field}.items[${itemIndex}]`)),
			),
		);
	});
	return envelope(sellerId, 'OrderAcknowledgement', elements);
}

function checkCarrier(carrierCode: string | undefined, carrierName: string | undefined, field: string): void {
	if (!carrierCode?.trim() && !carrierName?.trim()) {
		fail(`${field}.carrierCode`, `${field} needs a carrier code or a carrier name`);
	}
	if (carrierCode?.trim() === 'Other' && !carrierName?.trim()) {
		fail(`${field}.carrierName`, `${field}.carrierName is required when the carrier code is Other`);
	}
}

/** OrderFulfillment XML (shipment confirmation), elements in the order Amazon's schema requires. */
export function buildOrderFulfillmentFeed(sellerId: string, messages: OrderFulfillmentMessage[]): string {
	const ids = messageIds(requireMessages(messages));
	const elements = messages.map((message, index) => {
		const field = `messages[${index}]`;
		checkCarrier(message.carrierCode, message.carrierName, field);
		const items = checkItems(message.items, `${field}.items`, false) ?? [];
		return el(
			'Message',
			el('MessageID', ids[index]),
			el(
				'OrderFulfillment',
				el('AmazonOrderID', assertOrderId(message.amazonOrderId, `${field}.amazonOrderId`)),
				optionalEl('MerchantFulfillmentID', message.merchantFulfillmentId),
				el('FulfillmentDate', formatDateTime(message.fulfillmentDate, `${field}.fulfillmentDate`)),
				el(
					'FulfillmentData',
					optionalEl('CarrierCode', message.carrierCode?.trim()),
					optionalEl('CarrierName', message.carrierName?.trim()),
					optionalEl('ShippingMethod', message.shippingMethod?.trim()),
					optionalEl('ShipperTrackingNumber', message.trackingNumber?.trim()),
				),
				items.map((item, itemIndex) => {
					const itemField = `${field}.items[${itemIndex}]`;
					return el(
						'Item',
						el('AmazonOrderItemCode', requireText(item.amazonOrderItemCode, `${itemField}.amazonOrderItemCode`)),
						optionalEl('Quantity', checkQuantity(item.quantity, `${itemField}.quantity`)),
					);
				}),
			),
		);
	});
	return envelope(sellerId, 'OrderFulfillment', elements);
}

/** POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA: cancels items (this flat file does not acknowledge orders). */
export function buildCancellationFlatFile(rows: FlatFileCancellationRow[]): string {
	const checked = requireMessages(rows).map((row, index) => ({
		'order-id': assertOrderId(row.amazonOrderId, `rows[${index}].amazonOrderId`),
		'amazon-order-item-code': requireText(row.amazonOrderItemCode, `rows[${index}].amazonOrderItemCode`),
		'cancellation-reason-code': checkCancelReason(row.cancelReason, `rows[${index}].cancelReason`),
	}));
	return writeTsv(['order-id', 'amazon-order-item-code', 'cancellation-reason-code'], checked);
}

const FULFILLMENT_FLAT_FILE_COLUMNS = [
	'order-id',
	'order-item-id',
	'quantity',
	'ship-date',
	'carrier-code',
	'carrier-name',
	'tracking-number',
	'ship-method',
	'ship_from_supply_source_id',
];

/** POST_FLAT_FILE_FULFILLMENT_DATA: one row per shipped item (or per order, without an item id). */
export function buildFulfillmentFlatFile(rows: FlatFileFulfillmentRow[]): string {
	const checked = requireMessages(rows).map((row, index) => {
		const field = `rows[${index}]`;
		checkCarrier(row.carrierCode, row.carrierName, field);
		return {
			'order-id': assertOrderId(row.amazonOrderId, `${field}.amazonOrderId`),
			'order-item-id': row.amazonOrderItemCode,
			quantity: checkQuantity(row.quantity, `${field}.quantity`),
			'ship-date': formatDateTime(row.shipDate, `${field}.shipDate`),
			'carrier-code': row.carrierCode,
			'carrier-name': row.carrierName,
			'tracking-number': row.trackingNumber,
			'ship-method': row.shippingMethod,
			ship_from_supply_source_id: row.shipFromSupplySourceId,
		};
	});
	return writeTsv(FULFILLMENT_FLAT_FILE_COLUMNS, checked);
}
