import type { INodeProperties } from 'n8n-workflow';

export const feedIdProperty: INodeProperties = {
	displayName: 'Feed ID',
	name: 'feedId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 50000000123',
	description: 'ID returned when the feed was submitted (feedId)',
};
