import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getFeed } from '../../../AmazonSpApi/core/feeds/feeds';
import { sellerClient } from '../common/client';
import { feedIdDescription, prepareFeedId } from './common';

export const description = feedIdDescription('get');

export const prepare = prepareFeedId;

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	feedId: string,
): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	return { ...(await getFeed(client, feedId)) };
}
