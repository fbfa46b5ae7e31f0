import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as feed from './actions/feed/Feed.resource';
import * as order from './actions/order/Order.resource';
import { createRouter } from '../AmazonSpApi/n8n/router';
import { loadOptions } from './methods';

const router = createRouter({ order: order.operations, feed: feed.operations });

export class AmazonSellerCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Seller Central',
		name: 'amazonSellerCentral',
		icon: { light: 'file:amazonSellerCentral.svg', dark: 'file:amazonSellerCentral.dark.svg' },
		group: ['transform'],
		version: 1,
		// Readable names per resource and operation; a new operation shows its raw values until it is added here.
		subtitle:
			'={{ {"order:acknowledge":"Acknowledge Order","order:cancel":"Cancel Order","order:confirmShipment":"Confirm Shipment","order:get":"Get Order","order:getAll":"Get Many Orders","order:getItems":"Get Order Items","order:mapShippingProvider":"Map Shipping Provider","feed:get":"Get Feed","feed:getResult":"Get Feed Result"}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Read, acknowledge, cancel and ship Amazon seller orders and check feed results (Selling Partner API)',
		defaults: { name: 'Amazon Seller Central' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonSellerCentralApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Feed', value: 'feed' },
					{ name: 'Order', value: 'order' },
				],
				default: 'order',
			},
			...order.description,
			...feed.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
