import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as acknowledge from './acknowledge.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStatus from './getStatus.operation';

export const operations: Record<string, OperationModule> = { acknowledge, get, getAll, getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseOrder'] } },
		options: [
			{
				name: 'Acknowledge',
				value: 'acknowledge',
				description: 'Accept, backorder or reject the items of a PO (sent in batches)',
				action: 'Acknowledge a purchase order',
			},
			{ name: 'Get', value: 'get', description: 'Get a purchase order', action: 'Get a purchase order' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get purchase orders placed or changed in a date range of any length',
				action: 'Get many purchase orders',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the item-level confirmation and receiving status of a PO',
				action: 'Get the status of a purchase order',
			},
		],
		default: 'get',
	},
	...acknowledge.description,
	...get.description,
	...getAll.description,
	...getStatus.description,
];
