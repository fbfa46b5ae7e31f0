import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	buildDfAcknowledgement,
	getDirectFulfillmentOrder,
	submitDfAcknowledgements,
	type DfAcknowledgementCode,
} from '../../../AmazonSpApi/core/vendor/directFulfillment';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { vendorClient } from '../common/client';
import { transactionWaitProperties } from '../common/transactionWait';
import { dfOrderNumberProperty, dfPartyOptions, readDfOrderNumber } from './common';
import { submitAndWait } from './submit';

const properties: INodeProperties[] = [
	dfOrderNumberProperty,
	{
		displayName: 'Acknowledgement',
		name: 'acknowledgementCode',
		type: 'options',
		default: '00',
		options: [
			{ name: 'Ship in Full (00)', value: '00', description: 'Shipping 100 percent of the ordered product' },
			{ name: 'Cancel: Invalid SKU (02)', value: '02', description: 'Cancelled due to a missing or invalid SKU' },
			{ name: 'Cancel: Out of Stock (03)', value: '03', description: 'Cancelled, out of stock' },
		],
		description: 'Dropship orders are fill-or-kill: ship every item in full or cancel the order',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...dfPartyOptions,
			{ displayName: 'Your Order Number', name: 'vendorOrderNumber', type: 'string', default: '', description: 'Your reference; empty: the Amazon order number' },
		],
	},
	...transactionWaitProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['directFulfillment'], operation: ['acknowledge'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const purchaseOrderNumber = readDfOrderNumber.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { client } = await vendorClient.call(this);
	const order = await getDirectFulfillmentOrder(client, purchaseOrderNumber);
	return guardInput(this.getNode(), itemIndex, (field) => (field === 'purchaseOrderNumber' ? 'Order Number' : field), () =>
		buildDfAcknowledgement(order, {
			code: this.getNodeParameter('acknowledgementCode', itemIndex, '00') as DfAcknowledgementCode,
			vendorOrderNumber: String(options.vendorOrderNumber ?? '').trim() || undefined,
			acknowledgementDate: new Date(client.clock.now()).toISOString(),
			sellingPartyId: String(options.vendorCode ?? '').trim() || undefined,
			shipFromPartyId: String(options.shipFromPartyId ?? '').trim() || undefined,
		}),
	);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject> {
	return await submitAndWait.call(this, itemIndex, body, submitDfAcknowledgements);
}
