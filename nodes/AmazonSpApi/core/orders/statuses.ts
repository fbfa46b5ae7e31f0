import type { FulfillmentChannel, OrderStatus } from './types';

const V2026_TO_V0: Record<string, OrderStatus> = {
	PENDING_AVAILABILITY: 'PendingAvailability',
	PENDING: 'Pending',
	UNSHIPPED: 'Unshipped',
	PARTIALLY_SHIPPED: 'PartiallyShipped',
	SHIPPED: 'Shipped',
	CANCELLED: 'Canceled',
	UNFULFILLABLE: 'Unfulfillable',
};

const V0_TO_V2026 = Object.fromEntries(
	Object.entries(V2026_TO_V0).map(([v2026, v0]) => [v0, v2026]),
) as Partial<Record<OrderStatus, string>>;

/** Statuses that carry no prices, taxes or address yet. */
export const PENDING_STATUSES: ReadonlySet<OrderStatus> = new Set(['Pending', 'PendingAvailability']);

export function statusFromV2026(status: string | undefined): OrderStatus {
	return V2026_TO_V0[status ?? ''] ?? 'Pending';
}

/** v2026 fulfillmentStatuses for v0 names; undefined when a status has no v2026 equivalent (InvoiceUnconfirmed). */
export function statusToV2026(status: OrderStatus): string | undefined {
	return V0_TO_V2026[status];
}

export const FULFILLED_BY: Record<FulfillmentChannel, string> = { MFN: 'MERCHANT', AFN: 'AMAZON' };

export function channelFromFulfilledBy(fulfilledBy: string | undefined): FulfillmentChannel {
	return fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN';
}
