import type { JsonObject } from '../types';

import type { SpApiRequester } from '../index';
import { withPiiErrors } from './pii';
import type { NormalizedOrder, OrderApiVersion, ReadOrderOptions } from './types';
import { assertOrderId } from './validate';
import { fetchV0Items, ordersApi, withOrderItems } from './versions';

/** One order by ID (validated before anything is sent), with items and buyer/address data as asked. */
export async function getOrder(
	client: SpApiRequester,
	version: OrderApiVersion,
	orderId: string,
	options: ReadOrderOptions,
): Promise<NormalizedOrder> {
	const id = assertOrderId(orderId);
	const api = ordersApi(version);
	return await withPiiErrors(options.includePii, async () => {
		const call = api.getOrderCall(id, options.includePii);
		const piiResources = options.includePii ? api.piiResources(call.path) : undefined;
		if (piiResources) call.restrictedDataToken = await client.restrictedDataToken(piiResources);
		const order = api.parseOrder((await client.request<JsonObject>(call)).data);
		return options.includeItems ? ((await withOrderItems(client, order)) ?? order) : order;
	});
}

/** The order's items in Amazon's shape for the version (v0 OrderItem / v2026 OrderItem). */
export async function getOrderItems(
	client: SpApiRequester,
	version: OrderApiVersion,
	orderId: string,
): Promise<JsonObject[]> {
	const id = assertOrderId(orderId);
	if (ordersApi(version).itemsNeedCalls) return (await fetchV0Items(client, id)) ?? [];
	const order = await getOrder(client, version, id, { includeItems: true, includePii: false });
	return (order.raw.orderItems as JsonObject[]) ?? [];
}
