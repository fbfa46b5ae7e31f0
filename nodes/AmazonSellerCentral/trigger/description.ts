import type { INodeProperties } from 'n8n-workflow';

import {
	apiVersionProperty,
	orderFiltersProperty,
	orderReadOptions,
	orderStatusOptions,
	simplifyProperty,
} from '../shared/descriptions/orderProperties';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Amazon allows about one order search every 3 minutes (Orders 2026-01-01) or every minute (Orders V0), with a small burst. Poll Times shorter than that waste calls; every 5–15 minutes is a good fit.',
		name: 'rateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newOrder',
		options: [
			{ name: 'New Order', value: 'newOrder', description: 'Once per order, when it first appears' },
			{
				name: 'Order Status Changed',
				value: 'statusChanged',
				description: 'When an order reaches one of the chosen statuses',
			},
		],
	},
	{
		displayName: 'Statuses to Watch',
		name: 'statusesToWatch',
		type: 'multiOptions',
		required: true,
		default: ['Shipped', 'Canceled'],
		options: orderStatusOptions,
		displayOptions: { show: { event: ['statusChanged'] } },
	},
	apiVersionProperty,
	orderFiltersProperty(),
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...orderReadOptions,
			{
				displayName: 'Import Orders From',
				name: 'importFrom',
				type: 'options',
				default: 'activation',
				options: [
					{ name: 'Only Orders After Activation', value: 'activation' },
					{ name: 'A Date', value: 'date' },
					{ name: 'Last 90 Days', value: 'last90Days' },
				],
				description: 'Where the trigger starts when it has no saved position yet',
			},
			{
				displayName: 'Import Date',
				name: 'importDate',
				type: 'dateTime',
				default: '',
				description: 'Used when Import Orders From is A Date',
			},
			{
				displayName: 'Wait While Pending',
				name: 'waitWhilePending',
				type: 'boolean',
				default: true,
				description:
					'Whether to hold new orders back while they are Pending (no prices or address yet) and report them once, when they become Unshipped',
			},
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
];
