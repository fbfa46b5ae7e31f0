import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as get from './get.operation';
import * as getResult from './getResult.operation';

export const operations: Record<string, OperationModule> = { get, getResult };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['feed'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the processing status of a feed',
				action: 'Get a feed',
			},
			{
				name: 'Get Result',
				value: 'getResult',
				description: 'Get the status and the parsed processing report of a feed',
				action: 'Get the result of a feed',
			},
		],
		default: 'getResult',
	},
	...get.description,
	...getResult.description,
];
