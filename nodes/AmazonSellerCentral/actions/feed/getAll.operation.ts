import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { FEED_TYPES } from '../../../AmazonSpApi/core/feeds/feedTypes';
import { getFeeds } from '../../../AmazonSpApi/core/feeds/feeds';
import { collectPages } from '../../../AmazonSpApi/core/jobs/processing';
import { jobListProperties, readJobListQuery, type JobListQuery } from '../../../AmazonSpApi/n8n/jobList';
import { sellerClient } from '../common/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['feed'], operation: ['getAll'] } },
	jobListProperties('feed', FEED_TYPES.map(({ name, value }) => ({ name, value }))),
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<JobListQuery> {
	const { client, account } = await sellerClient.call(this);
	return readJobListQuery.call(this, itemIndex, account, client.clock.now());
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, query: JobListQuery): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	const feeds = await collectPages(async (nextToken) => {
		const page = await getFeeds(client, { ...query, feedTypes: query.types, nextToken });
		return { items: page.feeds, nextToken: page.nextToken };
	}, query.limit);
	return feeds.map((feed) => ({ ...feed }));
}
