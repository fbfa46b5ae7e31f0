import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPurchaseOrder } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import { outputOptionsProperty, purchaseOrderNumberProperty, simplifyProperty } from '../../shared/descriptions';
import { readOutputSettings } from '../../shared/settings';
import { shapePurchaseOrders } from '../../shared/shape';
import { vendorClient } from '../common/client';
import { readPurchaseOrderNumber } from '../common/parameters';

const properties: INodeProperties[] = [purchaseOrderNumberProperty, simplifyProperty, outputOptionsProperty];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['get'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readPurchaseOrderNumber.call(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, purchaseOrderNumber: string): Promise<IDataObject[]> {
	const { client } = await vendorClient.call(this);
	const settings = readOutputSettings(
		this.getNodeParameter('output', itemIndex, {}) as IDataObject,
		this.getNodeParameter('simplify', itemIndex, true) as boolean,
	);
	const order = await getPurchaseOrder(client, purchaseOrderNumber);
	return await shapePurchaseOrders(client, [order], settings);
}
