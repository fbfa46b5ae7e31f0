import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getDirectFulfillmentOrder } from '../../../AmazonSpApi/core/vendor/directFulfillment';
import { vendorClient } from '../common/client';
import { dfOrderNumberProperty, readDfOrderNumber } from './common';

const properties: INodeProperties[] = [dfOrderNumberProperty];

export const description = updateDisplayOptions({ show: { resource: ['directFulfillment'], operation: ['get'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readDfOrderNumber.call(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, purchaseOrderNumber: string): Promise<IDataObject> {
	const { client } = await vendorClient.call(this);
	return (await getDirectFulfillmentOrder(client, purchaseOrderNumber)) as unknown as IDataObject;
}
