import type { INodeProperties } from 'n8n-workflow';

const rejectionReasonOptions = [
	{ name: 'Temporarily Unavailable', value: 'TemporarilyUnavailable', description: 'Out of stock for now' },
	{ name: 'Invalid Product Identifier', value: 'InvalidProductIdentifier', description: 'You don\'t know this ASIN or product ID' },
	{ name: 'Obsolete Product', value: 'ObsoleteProduct', description: 'Discontinued' },
];

/** Core field names → node labels, for input errors. */
export const FIELD_LABELS: Record<string, string> = {
	availableQuantities: 'Available Quantities',
	items: 'Items',
	purchaseOrderNumber: 'Purchase Order Number',
	vendorCode: 'Options → Vendor Code',
};

export const acknowledgeProperties: INodeProperties[] = [
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		default: 'acceptAll',
		options: [
			{ name: 'Accept All as Ordered', value: 'acceptAll', description: 'Accept every item with its ordered quantity' },
			{
				name: 'Reject What I Can\'t Fill',
				value: 'byAvailability',
				description: 'Accept up to the available quantity of each item; reject (or backorder) the rest',
			},
			{ name: 'Per Item', value: 'perItem', description: 'Accepted, backordered and rejected quantities for each item' },
		],
	},
	{
		displayName: 'Available Quantities',
		name: 'availableQuantities',
		type: 'json',
		default: '{}',
		displayOptions: { show: { decision: ['byAvailability'] } },
		hint: 'Keys: item sequence number, ASIN or vendor product ID. Quantities in the ordered unit (cases when Amazon ordered cases).',
		description: 'Stock per item, e.g. {"B07XYZ1234": 5, "4006381333931": 0}. An array of {"item": …, "quantity": …} works too. Every PO item needs a value.',
	},
	{
		displayName: 'Backorder Shortfall Where Allowed',
		name: 'backorderShortfall',
		type: 'boolean',
		default: false,
		displayOptions: { show: { decision: ['byAvailability'] } },
		description: 'Whether to backorder the missing quantity of items that Amazon allows to backorder, instead of rejecting it',
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		placeholder: 'Add Item',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: { show: { decision: ['perItem'] } },
		description: 'Quantities per item; they must add up to the ordered quantity',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Accepted',
						name: 'accepted',
						type: 'number',
						default: 0
					},
					{
						displayName: 'Backordered',
						name: 'backordered',
						type: 'number',
						default: 0,
						description: 'Only for items Amazon allows to backorder',
					},
					{
						displayName: 'Item',
						name: 'item',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1 or B07XYZ1234',
						description: 'Item sequence number, ASIN or vendor product ID',
					},
					{
						displayName: 'Net Cost',
						name: 'netCost',
						type: 'string',
						default: '',
						placeholder: 'e.g. 12.50',
						description: 'Net cost per unit;	empty uses the PO\'s',
					},
					{
						displayName: 'Rejected',
						name: 'rejected',
						type: 'number',
						default: 0
					},
					{
						displayName: 'Rejection Reason',
						name: 'rejectionReason',
						type: 'options',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Items Not Listed',
		name: 'unlistedItems',
		type: 'options',
		default: 'accept',
		displayOptions: { show: { decision: ['perItem'] } },
		options: [
			{ name: 'Accept as Ordered', value: 'accept' },
			{ name: 'Reject', value: 'reject' },
		],
		description: 'What to do with PO items missing from the list (Amazon needs every item acknowledged)',
	},
	{
		displayName: 'Rejection Reason',
		name: 'rejectionReason',
		type: 'options',
		default: 'TemporarilyUnavailable',
		options: rejectionReasonOptions,
		displayOptions: { show: { decision: ['byAvailability', 'perItem'] } },
		description: 'Reason sent with rejected quantities (per-item reasons win)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1, maxValue: 100 },
				description: 'POs sent per request; each request gets its own transaction ID',
			},
			{
				displayName: 'Scheduled Delivery Date',
				name: 'scheduledDeliveryDate',
				type: 'dateTime',
				default: '',
				description: 'When the accepted or backordered quantities will be delivered',
			},
			{
				displayName: 'Scheduled Ship Date',
				name: 'scheduledShipDate',
				type: 'dateTime',
				default: '',
				description: 'When the accepted or backordered quantities will ship',
			},
			{
				displayName: 'Vendor Code',
				name: 'vendorCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. ABCDE',
				description: 'Vendor code that acknowledges; empty uses the PO\'s selling party',
			},
		],
	},
];
