import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPurchaseOrderStatus } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import { purchaseOrderNumberProperty } from '../../shared/descriptions';
import { vendorClient } from '../common/client';
import { readPurchaseOrderNumber } from '../common/parameters';

const properties: INodeProperties[] = [
	{ ...purchaseOrderNumberProperty, description: 'The PO whose item confirmation and receiving status to read' },
];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['getStatus'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readPurchaseOrderNumber.call(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, purchaseOrderNumber: string): Promise<IDataObject> {
	const { client } = await vendorClient.call(this);
	const status = await getPurchaseOrderStatus(client, purchaseOrderNumber);
	return status ? (status as unknown as IDataObject) : { purchaseOrderNumber, found: false };
}
