import type { INodeProperties } from 'n8n-workflow';

import {
	apiVersionProperty,
	orderFilterOptions,
	orderReadOptionsProperty,
	orderStatusOptions,
	simplifyProperty,
} from '../shared/descriptions/orderProperties';

const byName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** The shared filters; Order Statuses only for New Order (Order Status Changed has its own Statuses to Watch). */
const triggerFilterOptions: INodeProperties[] = orderFilterOptions.map((option) =>
	option.name === 'statuses' ? { ...option, displayOptions: { show: { '/event': ['newOrder'] } } } : option,
);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Amazon answers about one order search every 3 minutes (20 at once after a quiet spell). Polling every minute spends that reserve and then finds new orders only every third poll; every 5 minutes keeps up with about 2,000 orders an hour at no extra delay.',
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
			{
				name: 'New Order',
				value: 'newOrder',
				description:
					'Once per order, the first time it is seen paid (out of Pending). Orders already canceled when first seen are skipped unless asked for.',
			},
			{
				name: 'Order Status Changed',
				value: 'statusChanged',
				description:
					'When an order is seen in a watched status different from the last status the trigger saw for it (orders from before activation count from their first sighting)',
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
		description: 'Report an order when it reaches one of these statuses',
		displayOptions: { show: { event: ['statusChanged'] } },
	},
	apiVersionProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...triggerFilterOptions].sort(byName),
	},
	simplifyProperty,
	orderReadOptionsProperty([
		{
			displayName: 'Import Orders From',
			name: 'importFrom',
			type: 'options',
			default: 'activation',
			options: [
				{ name: 'Only Orders After Activation', value: 'activation' },
				{ name: 'A Start Date', value: 'date' },
				{ name: 'Last 90 Days', value: 'last90Days' },
			],
			description: 'Where the trigger starts when it has no saved position yet',
		},
		{
			displayName: 'Import Start Date',
			name: 'importDate',
			type: 'dateTime',
			default: '',
			description: 'Orders bought from this date on are reported (Import Orders From: A Start Date)',
			displayOptions: { show: { importFrom: ['date'] } },
		},
		{
			displayName: 'Include Orders Canceled Early',
			name: 'includeCanceled',
			type: 'boolean',
			default: false,
			description:
				'Whether New Order also reports orders that are already canceled when the trigger first sees them (as a rule canceled before payment, so nothing to ship)',
			displayOptions: { show: { '/event': ['newOrder'] } },
		},
		{
			displayName: 'Wait While Pending',
			name: 'waitWhilePending',
			type: 'boolean',
			default: true,
			description:
				'Whether to hold new orders back while they are Pending (no prices or address yet) and report them once, when they become Unshipped',
			displayOptions: { show: { '/event': ['newOrder'] } },
		},
	]),
];
