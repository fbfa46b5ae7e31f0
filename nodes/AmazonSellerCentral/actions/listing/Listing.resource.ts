import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as compute from './compute.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { get, getAll, compute, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['listing'] } },
		options: [
			{
				name: 'Compute Inventory and Price',
				value: 'compute',
				description: 'Apply the inventory and price rules to the input rows without sending anything (dry run)',
				action: 'Compute inventory and price',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a listing with its offers, stock and issues',
				action: 'Get a listing',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many listings of a marketplace',
				action: 'Get many listings',
			},
			{
				name: 'Update Inventory and Price',
				value: 'update',
				description: 'Apply the rules and send quantities and prices to Amazon',
				action: 'Update inventory and price',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...compute.description,
	...update.description,
];
