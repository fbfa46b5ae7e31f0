/**
 * Feed types that Amazon still accepts, with the content type each needs (REFERENCE §9), and the retired XML and
 * flat-file listings feeds, which Amazon answers with FATAL since July 31, 2025.
 */

import { SpApiInputError } from '../http/errors';

const XML = 'text/xml; charset=UTF-8';
const TSV = 'text/tab-separated-values; charset=UTF-8';
const JSON_UTF8 = 'application/json; charset=UTF-8';
const PDF = 'application/pdf';

export interface FeedTypeInfo {
	name: string;
	value: string;
	description: string;
	contentType: string;
}

export const FEED_TYPES: readonly FeedTypeInfo[] = [
	{ name: 'Listings (JSON)', value: 'JSON_LISTINGS_FEED', description: 'Create, update, patch or delete listings, quantity and price; up to 25,000 messages', contentType: JSON_UTF8 },
	{ name: 'Order Acknowledgement (XML)', value: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', description: 'Acknowledge or cancel orders and items', contentType: XML },
	{ name: 'Order Fulfillment (XML)', value: 'POST_ORDER_FULFILLMENT_DATA', description: 'Confirm shipments with carrier and tracking number', contentType: XML },
	{ name: 'Payment Adjustment (XML)', value: 'POST_PAYMENT_ADJUSTMENT_DATA', description: 'Refunds and adjustments of orders', contentType: XML },
	{ name: 'Invoice Confirmation (XML)', value: 'POST_INVOICE_CONFIRMATION_DATA', description: 'Confirm that invoices were sent to buyers', contentType: XML },
	{ name: 'Order Cancellation (Flat File)', value: 'POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA', description: 'Cancel orders with a reason (it does not acknowledge them)', contentType: TSV },
	{ name: 'Shipping Confirmation (Flat File)', value: 'POST_FLAT_FILE_FULFILLMENT_DATA', description: 'Confirm shipments, one row per item', contentType: TSV },
	{ name: 'Payment Adjustment (Flat File)', value: 'POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA', description: 'Refunds and adjustments, one row per item', contentType: TSV },
	{ name: 'FBA Carton Contents (XML)', value: 'POST_FBA_INBOUND_CARTON_CONTENTS', description: 'Box contents of an inbound FBA shipment', contentType: XML },
	{ name: 'VAT Invoice (PDF)', value: 'UPLOAD_VAT_INVOICE', description: 'An invoice or credit note PDF for an order (VAT Calculation Service)', contentType: PDF },
];

/** Retired July 31, 2025; submissions end FATAL (REFERENCE §9.3). */
export const RETIRED_LISTINGS_FEED_TYPES: ReadonlySet<string> = new Set([
	'POST_PRODUCT_DATA',
	'POST_INVENTORY_AVAILABILITY_DATA',
	'POST_PRODUCT_OVERRIDES_DATA',
	'POST_PRODUCT_PRICING_DATA',
	'POST_PRODUCT_IMAGE_DATA',
	'POST_PRODUCT_RELATIONSHIP_DATA',
	'POST_FLAT_FILE_INVLOADER_DATA',
	'POST_FLAT_FILE_LISTINGS_DATA',
	'POST_FLAT_FILE_BOOKLOADER_DATA',
	'POST_FLAT_FILE_CONVERGENCE_LISTINGS_DATA',
	'POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA',
	'POST_UIEE_BOOKLOADER_DATA',
]);

/** Refuses the retired listings feeds before anything is sent. */
export function assertFeedTypeAccepted(feedType: string): void {
	if (!RETIRED_LISTINGS_FEED_TYPES.has(String(feedType ?? '').trim().toUpperCase())) return;
	throw new SpApiInputError(
		'feedType',
		`${feedType} is one of the XML and flat-file listings feeds Amazon retired on July 31, 2025 (it would end FATAL)`,
		'Send quantities and prices with the JSON_LISTINGS_FEED feed type, or with the Listing resource (Listings Items API)',
	);
}

/** The content type Amazon expects for the feed type; flat files for unknown POST_FLAT_FILE_ types, XML otherwise. */
export function defaultFeedContentType(feedType: string): string {
	const known = FEED_TYPES.find((type) => type.value === feedType);
	if (known) return known.contentType;
	if (feedType.startsWith('JSON_')) return JSON_UTF8;
	if (feedType.includes('FLAT_FILE')) return TSV;
	return XML;
}
