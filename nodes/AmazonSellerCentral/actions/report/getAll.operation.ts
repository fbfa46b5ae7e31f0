import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages } from '../../../AmazonSpApi/core/jobs/processing';
import { getReports } from '../../../AmazonSpApi/core/reports/reports';
import { jobListProperties, readJobListQuery, type JobListQuery } from '../../../AmazonSpApi/n8n/jobList';
import { sellerClient } from '../common/client';
import { reportTypeOptions } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getAll'] } },
	jobListProperties('report', reportTypeOptions.map(({ name, value }) => ({ name, value }))),
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<JobListQuery> {
	const { client, account } = await sellerClient.call(this);
	return readJobListQuery.call(this, itemIndex, account, client.clock.now());
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, query: JobListQuery): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	const reports = await collectPages(async (nextToken) => {
		const page = await getReports(client, { ...query, reportTypes: query.types, nextToken });
		return { items: page.reports, nextToken: page.nextToken };
	}, query.limit);
	return reports.map((report) => ({ ...report }));
}
