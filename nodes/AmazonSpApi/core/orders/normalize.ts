import type { JsonObject } from '../types';

import { channelFromFulfilledBy, statusFromV2026 } from './statuses';
import type { FulfillmentChannel, NormalizedOrder, OrderStatus } from './types';

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function isoDate(value: unknown): string {
	const time = Date.parse(text(value));
	return Number.isNaN(time) ? text(value) : new Date(time).toISOString();
}

function truthy(value: unknown): boolean {
	return value === true || value === 'true';
}

/** v0 Order (optionally with the `OrderItems` of getOrderItems attached). */
export function normalizeV0Order(order: JsonObject, items?: JsonObject[]): NormalizedOrder {
	const raw: JsonObject = items ? { ...order, OrderItems: items } : { ...order };
	return {
		version: 'v0',
		orderId: text(order.AmazonOrderId),
		status: (text(order.OrderStatus) || 'Pending') as OrderStatus,
		lastUpdateDate: isoDate(order.LastUpdateDate),
		purchaseDate: isoDate(order.PurchaseDate),
		marketplaceId: text(order.MarketplaceId),
		fulfillmentChannel: (order.FulfillmentChannel === 'AFN' ? 'AFN' : 'MFN') as FulfillmentChannel,
		isPrime: truthy(order.IsPrime),
		isBusiness: truthy(order.IsBusinessOrder),
		raw,
	};
}

/** v2026 Order (items embedded in `orderItems`). */
export function normalizeV2026Order(order: JsonObject): NormalizedOrder {
	const programs = Array.isArray(order.programs) ? (order.programs as string[]) : [];
	const fulfillment = (order.fulfillment ?? {}) as JsonObject;
	const salesChannel = (order.salesChannel ?? {}) as JsonObject;
	return {
		version: 'v2026',
		orderId: text(order.orderId),
		status: statusFromV2026(text(fulfillment.fulfillmentStatus)),
		lastUpdateDate: isoDate(order.lastUpdatedTime),
		purchaseDate: isoDate(order.createdTime),
		marketplaceId: text(salesChannel.marketplaceId),
		fulfillmentChannel: channelFromFulfilledBy(text(fulfillment.fulfilledBy)),
		isPrime: programs.includes('PRIME'),
		isBusiness: programs.includes('AMAZON_BUSINESS'),
		raw: { ...order },
	};
}
