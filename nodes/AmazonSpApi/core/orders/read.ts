import type { JsonObject } from '../types';

import type { SpApiRequester } from '../index';
import { normalizeV0Order, normalizeV2026Order } from './normalize';
import { V0_PII_ELEMENTS, withPiiErrors } from './pii';
import { fetchV0Items, V0_ORDERS_PATH, V2026_ORDERS_PATH, v2026IncludedData } from './search';
import type { NormalizedOrder, OrderApiVersion, ReadOrderOptions } from './types';
import { assertOrderId } from './validate';

/** One order by ID (validated before anything is sent), with items and buyer/address data as asked. */
export async function getOrder(
	client: SpApiRequester,
	version: OrderApiVersion,
	orderId: string,
	options: ReadOrderOptions,
): Promise<NormalizedOrder> {
	const id = assertOrderId(orderId);
	return await withPiiErrors(options.includePii, async () => {
		if (version === 'v2026') {
			const response = await client.request<{ order: JsonObject }>({
				operation: 'orders.getOrder',
				method: 'GET',
				path: `${V2026_ORDERS_PATH}/${encodeURIComponent(id)}`,
				query: { includedData: v2026IncludedData(options.includePii) },
			});
			return normalizeV2026Order(response.data.order ?? {});
		}
		const path = `${V0_ORDERS_PATH}/${encodeURIComponent(id)}`;
		const restrictedDataToken = options.includePii
			? await client.restrictedDataToken([{ method: 'GET', path, dataElements: V0_PII_ELEMENTS }])
			: undefined;
		const response = await client.request<JsonObject>({
			operation: 'ordersV0.getOrder',
			method: 'GET',
			path,
			unwrapPayload: true,
			restrictedDataToken,
		});
		const items = options.includeItems ? await fetchV0Items(client, id) : undefined;
		return normalizeV0Order(response.data ?? {}, items);
	});
}

/** The order's items in Amazon's shape for the version (v0 OrderItem / v2026 OrderItem). */
export async function getOrderItems(
	client: SpApiRequester,
	version: OrderApiVersion,
	orderId: string,
): Promise<JsonObject[]> {
	const id = assertOrderId(orderId);
	if (version === 'v2026') {
		const order = await getOrder(client, version, id, { includeItems: true, includePii: false });
		return (order.raw.orderItems as JsonObject[]) ?? [];
	}
	return (await fetchV0Items(client, id)) ?? [];
}
