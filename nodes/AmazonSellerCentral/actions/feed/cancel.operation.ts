import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { cancelFeed } from '../../../AmazonSpApi/core/feeds/feeds';
import { sellerClient } from '../common/client';
import { feedIdDescription, prepareFeedId } from './common';

export const description = feedIdDescription('cancel');

export const prepare = prepareFeedId;

/** Amazon cancels a feed only while it is still in the queue. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, feedId: string): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	await cancelFeed(client, feedId);
	return { feedId, cancelled: true };
}
