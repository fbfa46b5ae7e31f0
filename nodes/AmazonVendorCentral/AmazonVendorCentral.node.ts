import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createRouter } from '../AmazonSpApi/n8n/router';
import * as directFulfillment from './actions/directFulfillment/DirectFulfillment.resource';
import * as purchaseOrder from './actions/purchaseOrder/PurchaseOrder.resource';
import * as shipment from './actions/shipment/Shipment.resource';
import * as transaction from './actions/transaction/Transaction.resource';
import { loadOptions } from './methods';

const router = createRouter({
	purchaseOrder: purchaseOrder.operations,
	transaction: transaction.operations,
	shipment: shipment.operations,
	directFulfillment: directFulfillment.operations,
});

export class AmazonVendorCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Vendor Central',
		name: 'amazonVendorCentral',
		icon: { light: 'file:amazonVendorCentral.svg', dark: 'file:amazonVendorCentral.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"purchaseOrder:acknowledge":"Acknowledge Purchase Order","purchaseOrder:get":"Get Purchase Order","purchaseOrder:getAll":"Get Many Purchase Orders","purchaseOrder:getStatus":"Get Purchase Order Status","transaction:getStatus":"Get Transaction Status","shipment:submitConfirmation":"Submit Shipment Confirmation","directFulfillment:acknowledge":"Acknowledge Dropship Order","directFulfillment:confirmShipment":"Confirm Dropship Shipment","directFulfillment:get":"Get Dropship Order","directFulfillment:getAll":"Get Many Dropship Orders","directFulfillment:getTransactionStatus":"Get Dropship Transaction Status"}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
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
					{ name: 'Dropship Order', value: 'directFulfillment', description: 'Direct Fulfillment orders Amazon\'s customers receive from you' },
					{ name: 'Purchase Order', value: 'purchaseOrder', description: 'Retail procurement POs for Amazon\'s warehouses' },
					{ name: 'Shipment', value: 'shipment', description: 'Shipment confirmations (ASN) for purchase orders' },
					{ name: 'Transaction', value: 'transaction', description: 'Processing status of acknowledgements and confirmations' },
				],
				default: 'purchaseOrder',
			},
			...directFulfillment.description,
			...purchaseOrder.description,
			...shipment.description,
			...transaction.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
