import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cancelReportSchedule } from '../../../AmazonSpApi/core/reports/schedules';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { sellerClient } from '../common/client';

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['cancelSchedule'] } }, [
	{
		displayName: 'Report Schedule ID',
		name: 'reportScheduleId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 70000000001',
		description: 'ID returned when the schedule was created (Get Many Schedules lists them)',
	},
]);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const value = String(this.getNodeParameter('reportScheduleId', itemIndex, '') ?? '').trim();
	if (!/^[A-Za-z0-9._-]+$/.test(value)) {
		throw invalidInput(this.getNode(), itemIndex, 'Report Schedule ID', value ? `"${value}" is not a schedule ID` : 'is empty', 'Enter a reportScheduleId from Get Many Schedules');
	}
	return value;
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, reportScheduleId: string): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	await cancelReportSchedule(client, reportScheduleId);
	return { reportScheduleId, cancelled: true };
}
