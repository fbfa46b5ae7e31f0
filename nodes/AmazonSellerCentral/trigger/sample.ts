import type { SpApiClient } from '../../AmazonSpApi/core';
import { SpApiInputError } from '../../AmazonSpApi/core';
import { matchesFilters } from '../../AmazonSpApi/core/orders/search';
import { SAFE_LAG_MS } from '../../AmazonSpApi/core/orders/validate';
import type { NormalizedOrder } from '../../AmazonSpApi/core/orders/types';
import { createState } from '../../AmazonSpApi/n8n/triggerState';
import { classifyOrder } from './events';
import { completeOrder, firstPage, windowFilters } from './poll';
import { queryStatuses, type TriggerSettings } from './settings';

const DAY_MS = 24 * 3600 * 1000;
/** Manual "fetch test event": look back this far, widening until something matches; return this many. */
const SAMPLE_WINDOWS_MS = [3600 * 1000, DAY_MS, 7 * DAY_MS, 30 * DAY_MS];
const SAMPLE_SIZE = 5;

function describeSearch(settings: TriggerSettings): string {
	const { filters } = settings;
	const parts = [
		`marketplaces ${filters.marketplaceIds.join(', ') || "the credential's default"}`,
		filters.fulfillmentChannels.length ? `channel ${filters.fulfillmentChannels.join(', ')}` : undefined,
		queryStatuses(settings).length ? `statuses ${queryStatuses(settings).join(', ')}` : undefined,
		filters.prime !== 'include' ? `Prime orders: ${filters.prime}` : undefined,
		filters.business !== 'include' ? `business orders: ${filters.business}` : undefined,
	];
	return parts.filter(Boolean).join('; ');
}

/** Why the widest window gave nothing: nothing at all, or orders the event or a filter left out. */
function explainEmpty(settings: TriggerSettings, seen: NormalizedOrder[]): SpApiInputError {
	const event = settings.event === 'statusChanged' ? 'Order Status Changed' : 'New Order';
	const searched = `Searched orders updated in the last 30 days (${describeSearch(settings)})`;
	if (!seen.length) {
		return new SpApiInputError(
			'filters',
			`No orders found for ${event}`,
			`${searched}: Amazon returned none. Check the marketplaces and filters, or wait for an order to arrive.`,
		);
	}
	const filtered = seen.filter((order) => !matchesFilters(order, settings.filters)).length;
	const pending = seen.filter((order) => order.status === 'Pending' || order.status === 'PendingAvailability').length;
	const reasons = [
		filtered ? `${filtered} left out by the Prime, business or channel filter` : undefined,
		settings.event === 'newOrder' && settings.waitWhilePending && pending
			? `${pending} still Pending (Wait While Pending is on)`
			: undefined,
		settings.event === 'statusChanged' ? `none in the statuses to watch (${settings.statuses.join(', ')})` : undefined,
	];
	return new SpApiInputError(
		'filters',
		`No order matched ${event}`,
		`${searched}: ${seen.length} order(s) found, none matched: ${reasons.filter(Boolean).join('; ') || 'canceled before payment'}.`,
	);
}

/** Manual "fetch test event": the most recent matching orders; never touches the state. Throws when none match. */
export async function sampleOrders(
	client: SpApiClient,
	settings: TriggerSettings,
	deadline: number,
): Promise<NormalizedOrder[]> {
	const probe = createState(0, 0);
	const end = client.clock.now() - SAFE_LAG_MS;
	let seen: NormalizedOrder[] = [];
	for (const lookback of SAMPLE_WINDOWS_MS) {
		const filters = windowFilters(settings, new Date(end - lookback).toISOString(), new Date(end).toISOString());
		const page = await firstPage(client, settings, filters, deadline);
		if (!page) break;
		seen = page.scanned;
		const matching = page.orders
			.filter((order) => classifyOrder(probe, order, settings))
			.sort((a, b) => b.lastUpdateDate.localeCompare(a.lastUpdateDate))
			.slice(0, SAMPLE_SIZE);
		if (!matching.length) continue;
		const complete: NormalizedOrder[] = [];
		for (const order of matching) {
			const full = await completeOrder(client, settings, order, deadline);
			if (full) complete.push(full);
		}
		return complete;
	}
	throw explainEmpty(settings, seen);
}
