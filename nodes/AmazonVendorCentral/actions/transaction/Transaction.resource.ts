import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as getStatus from './getStatus.operation';

export const operations: Record<string, OperationModule> = { getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get whether Amazon accepted an acknowledgement or shipment confirmation, optionally waiting for it',
				action: 'Get the status of a transaction',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
];
