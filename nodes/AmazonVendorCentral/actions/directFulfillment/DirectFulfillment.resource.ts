import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as acknowledge from './acknowledge.operation';
import * as confirmShipment from './confirmShipment.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTransactionStatus from './getTransactionStatus.operation';

export const operations: Record<string, OperationModule> = { acknowledge, confirmShipment, get, getAll, getTransactionStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['directFulfillment'] } },
		options: [
			{ name: 'Acknowledge', value: 'acknowledge', description: 'Confirm you ship a dropship order in full, or cancel it', action: 'Acknowledge a dropship order' },
			{ name: 'Confirm Shipment', value: 'confirmShipment', description: 'Confirm a dropship order shipped, with tracking numbers', action: 'Confirm the shipment of a dropship order' },
			{ name: 'Get', value: 'get', description: 'Get a dropship order with the customer address', action: 'Get a dropship order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get dropship orders created in a date range', action: 'Get many dropship orders' },
			{
				name: 'Get Transaction Status',
				value: 'getTransactionStatus',
				description: 'Get whether Amazon accepted a dropship acknowledgement or shipment confirmation',
				action: 'Get the status of a dropship transaction',
			},
		],
		default: 'getAll',
	},
	...acknowledge.description,
	...confirmShipment.description,
	...get.description,
	...getAll.description,
	...getTransactionStatus.description,
];
