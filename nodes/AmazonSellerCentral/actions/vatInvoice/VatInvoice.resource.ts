import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as upload from './upload.operation';

export const operations: Record<string, OperationModule> = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['vatInvoice'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload an invoice or credit note PDF for an order (VAT Calculation Service)',
				action: 'Upload a VAT invoice',
			},
		],
		default: 'upload',
	},
	...upload.description,
];
