import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NormalizedOrder } from '../../AmazonSpApi/core/orders/types';
import { orderToJson } from '../output/simplify';
import type { TriggerSettings } from './settings';

export function toItems(orders: NormalizedOrder[], settings: TriggerSettings): INodeExecutionData[] {
	return orders.map((order) => ({
		json: orderToJson(order, settings.simplify, settings.simplifySettings) as IDataObject,
	}));
}
