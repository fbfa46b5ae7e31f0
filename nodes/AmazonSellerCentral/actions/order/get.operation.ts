import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getOrder, orderToJson } from '../../shared/orders';
import { sellerClient } from '../common/client';
import { orderIdProperty } from '../common/descriptions';
import { readReadOptions, readOrderProperties } from '../common/readOrders';
import { readOrderId } from '../common/validation';

const properties: INodeProperties[] = [orderIdProperty, ...readOrderProperties];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readOrderId.call(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: string,
): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	const options = readReadOptions.call(this, itemIndex);
	const order = await getOrder(client, options.version, orderId, options);
	return orderToJson(order, options.simplify, options.settings);
}
