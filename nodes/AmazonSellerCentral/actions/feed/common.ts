import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readRequiredString } from '../../../AmazonSpApi/n8n/parameters';

export const feedIdProperty: INodeProperties = {
	displayName: 'Feed ID',
	name: 'feedId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 50000000123',
	description: 'ID returned when the feed was submitted (feedId)',
};

/** The parameters of a Feed operation that only needs a feed ID. */
export function feedIdDescription(operation: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['feed'], operation: [operation] } }, [feedIdProperty]);
}

export async function prepareFeedId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readRequiredString.call(this, itemIndex, 'feedId', 'Feed ID', 'Enter the feedId of a submitted feed');
}
