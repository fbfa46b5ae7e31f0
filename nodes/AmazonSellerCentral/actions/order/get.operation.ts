import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	apiVersionProperty,
	orderReadOptionsProperty,
	readOrderOptions,
	simplifyProperty,
} from '../../shared/descriptions';
import { getOrder } from '../../../AmazonSpApi/core/orders';
import { orderToJson } from '../../output/simplify';
import { sellerClient } from '../common/client';
import { orderIdProperty } from '../common/descriptions';
import { readOrderId } from '../../../AmazonSpApi/n8n/parameters';

const properties: INodeProperties[] = [
	orderIdProperty,
	apiVersionProperty,
	simplifyProperty,
	orderReadOptionsProperty(),
];

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
	const settings = readOrderOptions(this, itemIndex);
	const order = await getOrder(client, settings.version, orderId, settings);
	return orderToJson(order, settings.simplify, settings.simplifySettings);
}
