import type { INodeProperties } from 'n8n-workflow';

export const purchaseOrderNumberProperty: INodeProperties = {
	displayName: 'Purchase Order Number',
	name: 'purchaseOrderNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2JK3S9VC',
	description: 'The 8-character Amazon purchase order (PO) number',
};

export const purchaseOrderStateOptions = [
	{ name: 'New', value: 'New', description: 'Placed by Amazon, not acknowledged yet' },
	{ name: 'Acknowledged', value: 'Acknowledged', description: 'Acknowledged by you' },
	{ name: 'Closed', value: 'Closed', description: 'Received or cancelled' },
];

/** PO filters shared by Get Many and the trigger (inside a collection named `filters`). */
export const purchaseOrderFilterOptions: INodeProperties[] = [
	{
		displayName: 'Fulfilment Centres',
		name: 'shipToPartyIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. FRA7, LEJ1',
		description: 'Only POs shipping to these Amazon fulfilment centres (ship-to party codes), comma-separated',
	},
	{
		displayName: 'Order Types',
		name: 'purchaseOrderTypes',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Consigned Order', value: 'ConsignedOrder' },
			{ name: 'New Product Introduction', value: 'NewProductIntroduction' },
			{ name: 'Regular Order', value: 'RegularOrder' },
			{ name: 'Rush Order', value: 'RushOrder' },
		],
		description: 'Only POs of these types. Empty: every type.',
	},
	{
		displayName: 'State',
		name: 'purchaseOrderState',
		type: 'options',
		default: '',
		options: [{ name: 'Any', value: '', description: 'Every state' }, ...purchaseOrderStateOptions],
		description: 'Only POs in this state',
	},
	{
		displayName: 'Vendor Codes',
		name: 'vendorCodes',
		type: 'string',
		default: '',
		placeholder: 'e.g. ABCDE, FGHIJ',
		description: 'Ordering vendor codes (comma-separated). Empty: the vendor codes of the credential, or every code of the account when the credential lists none.',
	},
];

/** Output options shared by the PO reads and the trigger (inside a collection named `output`). */
export const purchaseOrderOutputOptions: INodeProperties[] = [
	{
		displayName: 'Credit Reason for Rejected or Cancelled Items',
		name: 'creditReason',
		type: 'string',
		default: '',
		placeholder: 'e.g. Amazon rejection',
		description: 'Simplified output with status details: written as creditReason on items Amazon cancelled or you rejected (for importing history into your system)',
	},
	{
		displayName: 'Fulfilment Centre Mapping',
		name: 'fcMapping',
		type: 'fixedCollection',
		placeholder: 'Add Fulfilment Centre',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Your warehouse or reference per Amazon fulfilment centre, written as shipToPartyRef. Unmapped centres keep their code.',
		options: [
			{
				displayName: 'Fulfilment Centre',
				name: 'mapping',
				values: [
					{ displayName: 'Amazon FC Code', name: 'fc', type: 'string', default: '', placeholder: 'e.g. FRA7', description: 'The ship-to party ID on the PO' },
					{ displayName: 'Your Reference', name: 'reference', type: 'string', default: '', placeholder: 'e.g. WH-Hersfeld', description: 'What to write into shipToPartyRef' },
				],
			},
		],
	},
	{
		displayName: 'Include Status Details',
		name: 'includeStatus',
		type: 'boolean',
		default: false,
		description: 'Whether to add per-item acknowledged, rejected and received quantities (one extra call per PO)',
	},
	{
		displayName: 'Status Mapping',
		name: 'statusMapping',
		type: 'fixedCollection',
		placeholder: 'Add Status',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Your status name per Amazon PO state, written as statusRef. Unmapped states keep Amazon\'s name.',
		options: [
			{
				displayName: 'Status',
				name: 'mapping',
				values: [
					{ displayName: 'Amazon State', name: 'state', type: 'options', options: purchaseOrderStateOptions, default: 'New' },
					{ displayName: 'Your Status', name: 'status', type: 'string', default: '', placeholder: 'e.g. open' },
				],
			},
		],
	},
];

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a flat PO with the most used fields instead of Amazon\'s full response',
};

export const outputOptionsProperty: INodeProperties = {
	displayName: 'Output Options',
	name: 'output',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: purchaseOrderOutputOptions,
};
