import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getResult from './getResult.operation';
import * as upload from './upload.operation';

export const operations: Record<string, OperationModule> = { upload, get, getAll, cancel, getResult };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['feed'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a feed that Amazon has not started processing', action: 'Cancel a feed' },
			{ name: 'Get', value: 'get', description: 'Get the processing status of a feed', action: 'Get a feed' },
			{ name: 'Get Many', value: 'getAll', description: 'List feeds by type, status, marketplace and date', action: 'Get many feeds' },
			{ name: 'Get Result', value: 'getResult', description: 'Get the status and the processing report of a feed', action: 'Get the result of a feed' },
			{ name: 'Upload', value: 'upload', description: 'Submit a feed document (JSON listings, order feeds, VAT invoices…)', action: 'Upload a feed' },
		],
		default: 'getResult',
	},
	...upload.description,
	...get.description,
	...getAll.description,
	...cancel.description,
	...getResult.description,
];
