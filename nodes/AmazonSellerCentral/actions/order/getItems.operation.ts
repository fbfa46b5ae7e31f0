import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiVersionProperty, readOrderOptions } from '../../shared/descriptions';
import { getOrderItems } from '../../../AmazonSpApi/core/orders';
import { sellerClient } from '../common/client';
import { orderIdProperty } from '../common/descriptions';
import { readOrderId } from '../../../AmazonSpApi/n8n/parameters';

const properties: INodeProperties[] = [orderIdProperty, apiVersionProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getItems'] } },
	properties,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readOrderId.call(this, itemIndex);
}

/** One output item per order item, in Amazon's shape for the chosen API version. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: string,
): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	const { version } = readOrderOptions(this, itemIndex);
	const items = await getOrderItems(client, version, orderId);
	return items.map((item) => ({ amazonOrderId: orderId, ...item }));
}
