/**
 * FBA order import from GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL (REFERENCE §10.4): the report has one row per
 * shipped item; orders are rebuilt from it by header name, one per amazon-order-id, with their lines. The report
 * allows at most a month per request, so longer ranges are split.
 */

import { MARKETPLACES } from '../marketplaces';
import { pickColumn, type TsvRow } from '../codecs/tsv';
import type { SimplifiedAddress } from '../orders/types';

export const FBA_SHIPMENTS_REPORT_TYPE = 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL';
const DAY_MS = 86_400_000;
/** Amazon: at most one month of data per request; 30 days is a month in every calendar. */
export const FBA_SHIPMENTS_MAX_RANGE_MS = 30 * DAY_MS;

/** Same shape as the simplified orders' addresses, so both feed an ERP the same way. */
export type FbaAddress = SimplifiedAddress;

export interface FbaOrderLine {
	orderItemId: string;
	sku: string | null;
	title: string | null;
	quantity: number;
	quantityShipped: number;
	price: number | null;
	tax: number | null;
	shippingPrice: number | null;
	shippingTax: number | null;
	giftWrapPrice: number | null;
	promotionDiscount: number | null;
	shipmentId: string | null;
}

export interface FbaShipment {
	shipmentId: string | null;
	shipDate: string | null;
	carrier: string | null;
	trackingNumber: string | null;
	fulfillmentCenterId: string | null;
}

export interface FbaOrder {
	orderId: string;
	merchantOrderId: string | null;
	status: 'Shipped';
	fulfillmentChannel: 'AFN';
	purchaseDate: string | null;
	lastUpdateDate: string | null;
	marketplaceId: string | null;
	salesChannel: string | null;
	currency: string | null;
	/** Net with the VAT Calculation Service enabled (Amazon invoices), gross otherwise. */
	pricesAreNet: boolean;
	orderTotal: number;
	shipServiceLevel: string | null;
	buyer: { name: string | null; email: string | null; phone: string | null };
	shippingAddress: FbaAddress;
	billingAddress: FbaAddress;
	shipments: FbaShipment[];
	items: FbaOrderLine[];
	markAsShipped: boolean;
}

export interface FbaImportSettings {
	vcsEnabled: boolean;
	markAsShipped: boolean;
}

/** [start, end] cut into ranges the report accepts, oldest first. */
export function splitRange(start: number, end: number, maxMs = FBA_SHIPMENTS_MAX_RANGE_MS): Array<{ start: Date; end: Date }> {
	const ranges: Array<{ start: Date; end: Date }> = [];
	for (let from = start; from < end; from += maxMs) ranges.push({ start: new Date(from), end: new Date(Math.min(from + maxMs, end)) });
	return ranges;
}

const text = (row: TsvRow, ...names: string[]): string | null => pickColumn(row, ...names)?.trim() || null;

function amount(row: TsvRow, name: string): number | null {
	const value = text(row, name);
	if (value === null) return null;
	const number = Number(value.replace(',', '.'));
	return Number.isFinite(number) ? number : null;
}

function address(row: TsvRow, prefix: 'ship' | 'bill', name: string | null, phone: string | null): FbaAddress {
	return {
		name,
		company: null,
		addressLine1: text(row, `${prefix}-address-1`),
		addressLine2: text(row, `${prefix}-address-2`),
		addressLine3: text(row, `${prefix}-address-3`),
		city: text(row, `${prefix}-city`),
		stateOrRegion: text(row, `${prefix}-state`),
		postalCode: text(row, `${prefix}-postal-code`),
		countryCode: text(row, `${prefix}-country`),
		phone,
	};
}

/** `Amazon.de` → the German marketplace ID. */
export function marketplaceIdOfSalesChannel(channel: string | null): string | null {
	const host = channel?.toLowerCase().replace(/^www\./, '');
	return MARKETPLACES.find((marketplace) => marketplace.sellerCentral.replace(/^sellercentral\./, '') === host)?.id ?? null;
}

function newOrder(row: TsvRow, orderId: string, settings: FbaImportSettings): FbaOrder {
	const salesChannel = text(row, 'sales-channel');
	return {
		orderId,
		merchantOrderId: text(row, 'merchant-order-id'),
		status: 'Shipped',
		fulfillmentChannel: 'AFN',
		purchaseDate: text(row, 'purchase-date'),
		lastUpdateDate: text(row, 'reporting-date', 'shipment-date'),
		marketplaceId: marketplaceIdOfSalesChannel(salesChannel),
		salesChannel,
		currency: text(row, 'currency'),
		pricesAreNet: settings.vcsEnabled,
		orderTotal: 0,
		shipServiceLevel: text(row, 'ship-service-level'),
		buyer: { name: text(row, 'buyer-name'), email: text(row, 'buyer-email'), phone: text(row, 'buyer-phone-number') },
		shippingAddress: address(row, 'ship', text(row, 'recipient-name'), text(row, 'ship-phone-number')),
		billingAddress: address(row, 'bill', text(row, 'buyer-name'), text(row, 'buyer-phone-number')),
		shipments: [],
		items: [],
		markAsShipped: settings.markAsShipped,
	};
}

const cents = (value: number) => Math.round(value * 100) / 100;

/** Groups the report's rows (any order) into orders with their lines and shipments; rows without an order ID are skipped. */
export class FbaOrderCollector {
	private readonly orders = new Map<string, FbaOrder>();

	constructor(private readonly settings: FbaImportSettings) {}

	add(rows: TsvRow[]): void {
		for (const row of rows) {
			const orderId = text(row, 'amazon-order-id');
			if (!orderId) continue;
			let order = this.orders.get(orderId);
			if (!order) this.orders.set(orderId, (order = newOrder(row, orderId, this.settings)));
			const shipmentId = text(row, 'shipment-id');
			if (!order.shipments.some((shipment) => shipment.shipmentId === shipmentId)) {
				order.shipments.push({
					shipmentId,
					shipDate: text(row, 'shipment-date'),
					carrier: text(row, 'carrier'),
					trackingNumber: text(row, 'tracking-number'),
					fulfillmentCenterId: text(row, 'fulfillment-center-id'),
				});
			}
			const quantityShipped = Number(text(row, 'quantity-shipped') ?? 0);
			const line: FbaOrderLine = {
				orderItemId: text(row, 'amazon-order-item-id') ?? `${orderId}-${order.items.length + 1}`,
				sku: text(row, 'sku'),
				title: text(row, 'product-name'),
				quantity: quantityShipped,
				quantityShipped,
				price: amount(row, 'item-price'),
				tax: amount(row, 'item-tax'),
				shippingPrice: amount(row, 'shipping-price'),
				shippingTax: amount(row, 'shipping-tax'),
				giftWrapPrice: amount(row, 'gift-wrap-price'),
				promotionDiscount: amount(row, 'item-promotion-discount'),
				shipmentId,
			};
			order.items.push(line);
			order.orderTotal = cents(order.orderTotal + (line.price ?? 0) + (line.shippingPrice ?? 0) + (line.giftWrapPrice ?? 0) - Math.abs(line.promotionDiscount ?? 0));
		}
	}

	/** Orders by purchase date, oldest first. */
	result(): FbaOrder[] {
		return [...this.orders.values()].sort((a, b) => (a.purchaseDate ?? '').localeCompare(b.purchaseDate ?? ''));
	}
}
