import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createRouter } from '../AmazonSpApi/n8n/router';
import * as purchaseOrder from './actions/purchaseOrder/PurchaseOrder.resource';
import * as transaction from './actions/transaction/Transaction.resource';
import { loadOptions } from './methods';

const router = createRouter({
	purchaseOrder: purchaseOrder.operations,
	transaction: transaction.operations,
});

export class AmazonVendorCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Vendor Central',
		name: 'amazonVendorCentral',
		icon: { light: 'file:amazonVendorCentral.svg', dark: 'file:amazonVendorCentral.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and acknowledge Amazon vendor (1P) purchase orders, confirm shipments and handle dropship orders (Selling Partner API)',
		defaults: { name: 'Amazon Vendor Central' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonVendorCentralApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Purchase Order', value: 'purchaseOrder' },
					{ name: 'Transaction', value: 'transaction' },
				],
				default: 'purchaseOrder',
			},
			...purchaseOrder.description,
			...transaction.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
