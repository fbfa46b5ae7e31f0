import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiVersionProperty, readOrderOptions, simplifyProperty } from '../../shared/descriptions';
import { getOrderItems } from '../../../AmazonSpApi/core/orders';
import { simplifyOrderItems } from '../../output/simplify';
import { sellerClient } from '../common/client';
import { orderIdProperty } from '../common/descriptions';
import { readOrderId } from '../../../AmazonSpApi/n8n/parameters';

const properties: INodeProperties[] = [
	orderIdProperty,
	apiVersionProperty,
	{
		...simplifyProperty,
		description:
			'Whether to return one flat shape for both API versions (SKU, ASIN, title, quantities, line price and tax as numbers) instead of Amazon\'s raw item',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getItems'] } },
	properties,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readOrderId.call(this, itemIndex);
}

/** One output item per order item, simplified or in Amazon's shape for the chosen API version. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: string,
): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	const { version, simplify } = readOrderOptions(this, itemIndex);
	const items = await getOrderItems(client, version, orderId);
	const output = simplify ? (simplifyOrderItems(version, items) as unknown as IDataObject[]) : items;
	return output.map((item) => ({ orderId, ...item }));
}
