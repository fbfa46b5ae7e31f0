import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ORDER_STATUSES } from '../../../AmazonSpApi/core/orders/types';

const STATUS_LABELS: Record<(typeof ORDER_STATUSES)[number], string> = {
	PendingAvailability: 'Pending Availability (Pre-Order)',
	Pending: 'Pending (Not Yet Paid)',
	Unshipped: 'Unshipped',
	PartiallyShipped: 'Partially Shipped',
	Shipped: 'Shipped',
	Canceled: 'Canceled',
	Unfulfillable: 'Unfulfillable',
	InvoiceUnconfirmed: 'Invoice Unconfirmed (Orders V0 Only)',
};

export const orderStatusOptions: INodePropertyOptions[] = ORDER_STATUSES.map((value) => ({
	name: STATUS_LABELS[value],
	value,
}));

const triStateOptions = (subject: string): INodePropertyOptions[] => [
	{ name: 'Include', value: 'include', description: `Return ${subject} and other orders` },
	{ name: 'Exclude', value: 'exclude', description: `Skip ${subject}` },
	{ name: 'Only', value: 'only', description: `Return only ${subject}` },
];

export const apiVersionProperty: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	noDataExpression: true,
	default: 'v2026',
	options: [
		{
			name: 'Orders 2026-01-01',
			value: 'v2026',
			description: 'Current Orders API: items and buyer data come with the order',
		},
		{
			name: 'Orders V0 (Deprecated)',
			value: 'v0',
			description: 'Legacy Orders API, one extra call per order for its items; Amazon retires it in 2027',
		},
	],
};

/** Filter fields shared by the trigger and Get Many; used inside a collection named `filters`. */
export const orderFilterOptions: INodeProperties[] = [
	{
		displayName: 'Marketplace Names or IDs',
		name: 'marketplaceIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getMarketplaces' },
		default: [],
		description:
			'Marketplaces to search. Empty searches ONLY the credential\'s default marketplace: orders of its other marketplaces (such as Canada or Mexico next to the US) do not appear. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Fulfillment Channel',
		name: 'fulfillmentChannel',
		type: 'options',
		default: 'both',
		options: [
			{ name: 'Both', value: 'both' },
			{ name: 'Fulfilled by Amazon (AFN)', value: 'AFN' },
			{ name: 'Fulfilled by Merchant (MFN)', value: 'MFN' },
		],
	},
	{
		displayName: 'Prime Orders',
		name: 'prime',
		type: 'options',
		default: 'include',
		options: triStateOptions('Prime orders'),
	},
	{
		displayName: 'Business Orders',
		name: 'business',
		type: 'options',
		default: 'include',
		options: triStateOptions('Amazon Business orders'),
	},
	{
		displayName: 'Order Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		options: orderStatusOptions,
		description: 'Only orders in these statuses; empty means all',
	},
];

/** Date filters for Get Many (the trigger manages its own window). */
export const orderDateFilterOptions: INodeProperties[] = [
	{
		displayName: 'Created After',
		name: 'createdAfter',
		type: 'dateTime',
		default: '',
		description: 'Orders created at or after this time. Without any date filter, the Default Time Window applies.',
	},
	{
		displayName: 'Created Before',
		name: 'createdBefore',
		type: 'dateTime',
		default: '',
		description: 'Needs Created After. Clamped to 2 minutes ago (Amazon\'s rule).',
	},
	{
		displayName: 'Last Updated After',
		name: 'lastUpdatedAfter',
		type: 'dateTime',
		default: '',
	},
	{
		displayName: 'Last Updated Before',
		name: 'lastUpdatedBefore',
		type: 'dateTime',
		default: '',
		description: 'Clamped to 2 minutes ago (Amazon\'s rule)',
	},
];

/** The `filters` collection: the shared filters (minus `omit`, by name) plus `extra`. */
export function orderFiltersProperty(extra: INodeProperties[] = [], omit: string[] = []): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...orderFilterOptions.filter((option) => !omit.includes(option.name)), ...extra].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Read options shared by Get, Get Many and the trigger; used inside a collection named `options`. */
export const orderReadOptions: INodeProperties[] = [
	{
		displayName: 'Include Order Items',
		name: 'includeItems',
		type: 'boolean',
		default: true,
		description: 'Whether to add the order\'s items. With Orders V0 this costs one extra call per order.',
	},
	{
		displayName: 'Include Buyer and Address',
		name: 'includePii',
		type: 'boolean',
		default: false,
		description:
			'Whether to add buyer name, e-mail and shipping address. Needs the restricted roles Direct-to-Consumer Shipping (address) and Tax Invoicing (buyer data) on the app.',
		hint: 'Orders V0 fetches these with a Restricted Data Token; Orders 2026-01-01 needs only the roles',
	},
	{
		displayName: 'Mark FBA Orders as Shipped',
		name: 'markFbaAsShipped',
		type: 'boolean',
		default: false,
		description: 'Whether simplified FBA (AFN) orders get markAsShipped = true, since Amazon ships them',
	},
	{
		displayName: 'Packing Station Layout',
		name: 'packingStationLayout',
		type: 'options',
		default: 'addressLine',
		description:
			'Where the customer number (PostNummer) of a German Packstation or Postfiliale address goes in simplified output',
		displayOptions: { show: { includePii: [true] } },
		options: [
			{ name: 'Address Line 2 (Station in Line 1)', value: 'addressLine' },
			{ name: 'Company Field', value: 'company' },
		],
	},
];

/** An operation's "Options" collection (named `options`), its options sorted by name. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function orderReadOptionsProperty(extra: INodeProperties[] = []): INodeProperties {
	return optionsCollection([...orderReadOptions, ...extra]);
}
