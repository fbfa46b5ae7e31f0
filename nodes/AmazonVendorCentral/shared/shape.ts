import type { IDataObject } from 'n8n-workflow';

import { getPurchaseOrderStatus } from '../../AmazonSpApi/core/vendor/purchaseOrders';
import type { PurchaseOrder } from '../../AmazonSpApi/core/vendor/types';
import type { SpApiRequester } from '../../AmazonSpApi/core/types';
import { purchaseOrderToJson } from '../output/purchaseOrder';
import type { PurchaseOrderReadSettings } from './settings';

/** POs as output items, with their status details when asked for (one getPurchaseOrdersStatus call each). */
export async function shapePurchaseOrders(
	requester: SpApiRequester,
	orders: PurchaseOrder[],
	settings: PurchaseOrderReadSettings,
): Promise<IDataObject[]> {
	const shaped: IDataObject[] = [];
	for (const order of orders) {
		const status = settings.includeStatus ? await getPurchaseOrderStatus(requester, order.purchaseOrderNumber) : undefined;
		shaped.push(purchaseOrderToJson(order, settings.output, status));
	}
	return shaped;
}
