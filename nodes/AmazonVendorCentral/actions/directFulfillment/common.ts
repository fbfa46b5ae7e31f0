import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertPurchaseOrderNumber } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';

export const dfOrderNumberProperty: INodeProperties = {
	displayName: 'Order Number',
	name: 'purchaseOrderNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2JK3S9VC',
	description: 'The dropship purchase order number',
};

export const dfPartyOptions: INodeProperties[] = [
	{ displayName: 'Ship-From Warehouse', name: 'shipFromPartyId', type: 'string', default: '', description: 'Your warehouse code; empty: the order\'s' },
	{ displayName: 'Vendor Code', name: 'vendorCode', type: 'string', default: '', description: 'Empty: the order\'s selling party' },
];

export function readDfOrderNumber(this: IExecuteFunctions, itemIndex: number): string {
	const value = String(this.getNodeParameter('purchaseOrderNumber', itemIndex, '') ?? '');
	return guardInput(this.getNode(), itemIndex, 'Order Number', () => assertPurchaseOrderNumber(value));
}
