import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../AmazonSpApi/n8n/operations';
import * as cancel from './cancel.operation';
import * as cancelSchedule from './cancelSchedule.operation';
import * as create from './create.operation';
import * as createSchedule from './createSchedule.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getSchedules from './getSchedules.operation';
import * as requestAndDownload from './requestAndDownload.operation';

export const operations: Record<string, OperationModule> = {
	create,
	get,
	getAll,
	cancel,
	download,
	requestAndDownload,
	createSchedule,
	getSchedules,
	cancelSchedule,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a report Amazon has not started', action: 'Cancel a report' },
			{ name: 'Cancel Schedule', value: 'cancelSchedule', description: 'Stop a report schedule', action: 'Cancel a report schedule' },
			{ name: 'Create', value: 'create', description: 'Ask Amazon for a report (ready minutes later)', action: 'Create a report' },
			{ name: 'Create Schedule', value: 'createSchedule', description: 'Have Amazon create a report periodically', action: 'Create a report schedule' },
			{ name: 'Download', value: 'download', description: 'Download a finished report as items or as a file', action: 'Download a report' },
			{ name: 'Get', value: 'get', description: 'Get the status of a report', action: 'Get a report' },
			{ name: 'Get Many', value: 'getAll', description: 'List reports by type, status, marketplace and date', action: 'Get many reports' },
			{ name: 'Get Many Schedules', value: 'getSchedules', description: 'List report schedules by type', action: 'Get many report schedules' },
			{
				name: 'Request and Download',
				value: 'requestAndDownload',
				description: 'Request a report (or reuse a recent one), wait for it and download it, in one step',
				action: 'Request and download a report',
			},
		],
		default: 'requestAndDownload',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...cancel.description,
	...download.description,
	...requestAndDownload.description,
	...createSchedule.description,
	...getSchedules.description,
	...cancelSchedule.description,
];
