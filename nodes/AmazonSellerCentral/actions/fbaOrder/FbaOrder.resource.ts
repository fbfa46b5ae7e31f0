import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as importOrders from './import.operation';

export const operations: Record<string, OperationModule> = { import: importOrders };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fbaOrder'] } },
		options: [
			{
				name: 'Import',
				value: 'import',
				description: "Orders shipped by Amazon, from Amazon's FBA shipments report, one item per order with its lines",
				action: 'Import FBA orders',
			},
		],
		default: 'import',
	},
	...importOrders.description,
];
