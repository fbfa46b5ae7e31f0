import { PENDING_STATUSES } from '../../AmazonSpApi/core/orders/statuses';
import type { NormalizedOrder, OrderStatus } from '../../AmazonSpApi/core/orders/types';
import type { TriggerState } from '../../AmazonSpApi/n8n/triggerState';

export type TriggerEvent = 'newOrder' | 'statusChanged';
export type Emission = 'new' | 'statusChanged';

export interface EventSettings {
	event: TriggerEvent;
	/** Status Changed: the statuses to report. */
	statuses: OrderStatus[];
	/** New Order: hold Pending orders back until they leave Pending (they carry no prices or address yet). */
	waitWhilePending: boolean;
	/** New Order: also report orders the trigger first sees as Canceled (cancelled before payment, as a rule). */
	includeCanceled?: boolean;
}

const time = (iso: string): number => Date.parse(iso);

/**
 * What this version of the order means for the event, given what the trigger handled before.
 * - New Order: once per order, the first time it is seen outside Pending (or at once when not waiting), bought at or
 *   after the import start. An order first seen as Canceled was cancelled before the seller could act on it: skipped
 *   unless `includeCanceled`.
 * - Order Status Changed: the order is in a watched status that differs from the last status the trigger saw for it.
 *   An order the trigger has never seen counts as changed only when it was bought at or after the import start (its
 *   whole life is in view); older orders are watched from their first sighting on.
 */
export function classifyOrder(state: TriggerState, order: NormalizedOrder, settings: EventSettings): Emission | null {
	const known = state.known[order.orderId];
	if (known && time(order.lastUpdateDate) < known[2]) return null;
	const boughtSinceStart = time(order.purchaseDate) >= time(state.floor);
	if (settings.event === 'newOrder') {
		if (known?.[1] === 1) return null;
		if (settings.waitWhilePending && PENDING_STATUSES.has(order.status)) return null;
		const seenBefore = known && known[0] !== 'Canceled' && !PENDING_STATUSES.has(known[0] as OrderStatus);
		if (order.status === 'Canceled' && !seenBefore && !settings.includeCanceled) return null;
		return boughtSinceStart ? 'new' : null;
	}
	if (!settings.statuses.includes(order.status)) return null;
	if (known) return known[0] === order.status ? null : 'statusChanged';
	return boughtSinceStart ? 'statusChanged' : null;
}

/** Remembers a handled order version (emitted or deliberately skipped). */
export function recordOrder(state: TriggerState, order: NormalizedOrder, emission: Emission | null): void {
	const known = state.known[order.orderId];
	const updated = time(order.lastUpdateDate);
	if (known && updated < known[2]) return;
	const emittedAsNew: 0 | 1 = known?.[1] === 1 || emission === 'new' ? 1 : 0;
	state.known[order.orderId] = [order.status, emittedAsNew, updated];
}
