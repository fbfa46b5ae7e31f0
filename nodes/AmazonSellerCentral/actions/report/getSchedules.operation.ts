import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getReportSchedules } from '../../../AmazonSpApi/core/reports/schedules';
import { jobListProperties, readJobListQuery } from '../../../AmazonSpApi/n8n/jobList';
import { sellerClient } from '../common/client';
import { reportTypeOptions } from './common';

// Only the type pickers of the shared list description: Amazon filters schedules by type alone.
const properties: INodeProperties[] = jobListProperties('report', reportTypeOptions.map(({ name, value }) => ({ name, value }))).slice(0, 2);

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getSchedules'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	const { client, account } = await sellerClient.call(this);
	return readJobListQuery.call(this, itemIndex, account, client.clock.now()).types;
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, reportTypes: string[]): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	return (await getReportSchedules(client, reportTypes)).map((schedule) => ({ ...schedule }));
}
