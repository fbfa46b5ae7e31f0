import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as submitConfirmation from './submitConfirmation.operation';

export const operations: Record<string, OperationModule> = { submitConfirmation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shipment'] } },
		options: [
			{
				name: 'Submit Confirmation',
				value: 'submitConfirmation',
				description: 'Send an advance shipment notice (ASN) for an acknowledged PO, checked against the accepted quantities',
				action: 'Submit a shipment confirmation',
			},
		],
		default: 'submitConfirmation',
	},
	...submitConfirmation.description,
];
