import type { JsonObject } from '../types';

import type { Budget } from '../index';

export type OrderApiVersion = 'v2026' | 'v0';
export type FulfillmentChannel = 'MFN' | 'AFN';
export type TriState = 'include' | 'exclude' | 'only';

/** Order statuses, v0 names (v2026 statuses are mapped onto them). */
export const ORDER_STATUSES = [
	'PendingAvailability',
	'Pending',
	'Unshipped',
	'PartiallyShipped',
	'Shipped',
	'Canceled',
	'Unfulfillable',
	'InvoiceUnconfirmed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderFilters {
	/** Marketplace IDs or country codes; validated and normalised to IDs before anything is sent. */
	marketplaceIds: string[];
	/** Empty = both. */
	fulfillmentChannels: FulfillmentChannel[];
	prime: TriState;
	business: TriState;
	/** Empty = all. */
	statuses: OrderStatus[];
	createdAfter?: string;
	createdBefore?: string;
	lastUpdatedAfter?: string;
	lastUpdatedBefore?: string;
}

/** One order, the same shape for both API versions. */
export interface NormalizedOrder {
	version: OrderApiVersion;
	orderId: string;
	status: OrderStatus;
	/** ISO 8601 */
	lastUpdateDate: string;
	purchaseDate: string;
	marketplaceId: string;
	fulfillmentChannel: FulfillmentChannel;
	isPrime: boolean;
	isBusiness: boolean;
	/**
	 * Amazon's order as returned. v0: the Order, plus `OrderItems` (getOrderItems) when items were fetched.
	 * v2026: the Order (items are always embedded in `orderItems`).
	 */
	raw: JsonObject;
}

export interface ReadOrderOptions {
	includeItems: boolean;
	/** Buyer data and shipping address: v2026 includedData BUYER,RECIPIENT; v0 a Restricted Data Token. */
	includePii: boolean;
}

export interface SearchOptions extends ReadOrderOptions {
	/** Stop after this many orders. */
	limit?: number;
	/** Deadline (client clock) and/or page cap; also caps every rate-limit wait. */
	budget?: Budget;
	/** Longest wait for a rate-limit token per call; beyond it the search stops (trigger) instead of sleeping. */
	maxWaitMs?: number;
	/** Continue a search from a page token of an earlier run (same filters). */
	resumeToken?: string;
	/** Orders per page (1–100, default 100). */
	pageSize?: number;
}

export interface OrderPage {
	/** Orders of the page that match every filter (client-side ones included), within the limit. */
	orders: NormalizedOrder[];
	/**
	 * Every order of Amazon's page in Amazon's order, before client-side filters (for cursors); on a truncated page
	 * only those before the first order that could not be completed.
	 */
	scanned: NormalizedOrder[];
	/** Token that fetched this page (undefined for the first page). */
	pageToken?: string;
	/** Token of the following page; undefined on the last page. */
	nextToken?: string;
	/**
	 * The budget ran out while v0 order items were being fetched: `orders` holds only the orders of this page
	 * that are complete. Fetch the page again with `pageToken` to get the rest.
	 */
	truncated: boolean;
}

/** What searchOrders reports after the iteration ended. */
export interface SearchProgress {
	pages: number;
	orders: number;
	/** The budget or a rate-limit wait beyond it ended the search with work left. */
	stoppedEarly: boolean;
	/** Page token to resume from when stoppedEarly (undefined = start again from the first page). */
	resumeToken?: string;
	limitReached: boolean;
	/** The window end actually sent (the 2-minute rule applied). */
	lastUpdatedBefore?: string;
	createdBefore?: string;
}

export interface SimplifySettings {
	/** Where a German Packstation / Postfiliale customer number ("PostNummer") goes. */
	packingStationLayout: 'addressLine' | 'company';
	/** Flag FBA (AFN) orders as shipped: Amazon ships them, so downstream tools need no shipping step. */
	markFbaAsShipped: boolean;
}

export interface SimplifiedOrderItem {
	orderItemId: string;
	sku: string | null;
	asin: string | null;
	title: string | null;
	quantity: number;
	quantityShipped: number;
	price: number | null;
	tax: number | null;
	isGift: boolean;
}

export interface SimplifiedAddress {
	name: string | null;
	company: string | null;
	addressLine1: string | null;
	addressLine2: string | null;
	addressLine3: string | null;
	city: string | null;
	stateOrRegion: string | null;
	postalCode: string | null;
	countryCode: string | null;
	phone: string | null;
}

export interface SimplifiedOrder {
	orderId: string;
	status: OrderStatus;
	fulfillmentChannel: FulfillmentChannel;
	isPrime: boolean;
	isBusiness: boolean;
	purchaseDate: string;
	lastUpdateDate: string;
	marketplaceId: string;
	orderTotal: number | null;
	currency: string | null;
	shipServiceLevel: string | null;
	buyer: { name: string | null; email: string | null; company: string | null } | null;
	shippingAddress: SimplifiedAddress | null;
	items: SimplifiedOrderItem[] | null;
	markAsShipped: boolean;
}
