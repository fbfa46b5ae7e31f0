import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getFeed } from '../../../AmazonSpApi/core/feeds';
import { sellerClient } from '../common/client';
import { readRequiredString } from '../common/validation';
import { feedIdProperty } from './common';

const properties: INodeProperties[] = [feedIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['feed'], operation: ['get'] } },
	properties,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readRequiredString.call(this, itemIndex, 'feedId', 'Feed ID', 'Enter the feedId of a submitted feed');
}

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	feedId: string,
): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	return { ...(await getFeed(client, feedId)) };
}
