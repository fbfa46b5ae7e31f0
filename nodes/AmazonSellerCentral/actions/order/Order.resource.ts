import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as acknowledge from './acknowledge.operation';
import * as cancel from './cancel.operation';
import * as confirmShipment from './confirmShipment.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getItems from './getItems.operation';
import * as mapShippingProvider from './mapShippingProvider.operation';

export const operations: Record<string, OperationModule> = {
	acknowledge,
	cancel,
	confirmShipment,
	get,
	getAll,
	getItems,
	mapShippingProvider,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Acknowledge',
				value: 'acknowledge',
				description:
					'Tell Amazon your system accepted the orders and link your order and item IDs (one feed per marketplace)',
				action: 'Acknowledge an order',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				description:
					'Cancel whole orders or single items with an Amazon cancel reason (one feed per marketplace)',
				action: 'Cancel an order',
			},
			{
				name: 'Confirm Shipment',
				value: 'confirmShipment',
				description: 'Confirm that an order shipped, with carrier and tracking number',
				action: 'Confirm the shipment of an order',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order',
				action: 'Get an order',
			},
			{
				name: 'Get Items',
				value: 'getItems',
				description: 'Get the line items of an order',
				action: 'Get the items of an order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many orders matching filters',
				action: 'Get many orders',
			},
			{
				name: 'Map Shipping Provider',
				value: 'mapShippingProvider',
				description:
					'Translate your carrier into Amazon\'s carrier code, or Amazon\'s shipping option into your provider',
				action: 'Map a shipping provider',
			},
		],
		default: 'get',
	},
	...acknowledge.description,
	...cancel.description,
	...confirmShipment.description,
	...get.description,
	...getAll.description,
	...getItems.description,
	...mapShippingProvider.description,
];
