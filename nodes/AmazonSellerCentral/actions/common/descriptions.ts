import type { INodeProperties } from 'n8n-workflow';

import { AMAZON_CARRIER_CODES } from '../../../AmazonSpApi/core/orders/carriers';
import { optionsCollection } from '../../shared/descriptions/orderProperties';

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 123-1234567-1234567',
	description: 'The Amazon order ID (3-7-7 digits)',
};

/** Feed write options (Acknowledge, Cancel, batch Confirm Shipment); read once per execution. */
export const feedWaitProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Processing Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Amazon has processed the feed and put its result (success and Amazon\'s messages) on each item. Amazon usually needs several minutes (the demo emulator about 1.5 minutes), and the node shows no progress meanwhile. When off, the node returns at once with the feed ID and status IN_QUEUE; get the result later with Feed → Get Result.',
	},
	{
		displayName: 'Max Wait Time (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1, maxValue: 60 },
		displayOptions: { show: { waitForResult: [true] } },
		description:
			'How long to wait for Amazon\'s result. If Amazon is still processing after that, each item gets the feed ID, the current status and a hint to use Feed → Get Result; the feed is not sent again.',
	},
];

const carrierCodeOptions = [...AMAZON_CARRIER_CODES]
	.sort((a, b) => a.localeCompare(b))
	.map((code) => ({ name: code, value: code }));

/** Outbound carrier mapping table; shared by Map Shipping Provider (outbound) and Confirm Shipment. */
export const carrierMappingProperties: INodeProperties[] = [
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DHL Paket',
		description:
			'Your carrier or shipping-provider name as your WMS or ERP sends it. Translated into an Amazon carrier code with the mappings below; an Amazon carrier code is used as is.',
	},
	{
		displayName: 'Carrier Mappings',
		name: 'carrierMappings',
		type: 'fixedCollection',
		placeholder: 'Add Mapping',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		description: 'Translate your carrier names into the carrier codes Amazon accepts (matched ignoring case and spaces)',
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Your Carrier',
						name: 'from',
						type: 'string',
						default: '',
						placeholder: 'e.g. DHL Paket',
						description: 'Carrier or shipping-provider name as your WMS or ERP sends it',
					},
					{
						displayName: 'Amazon Carrier Code',
						name: 'carrierCode',
						type: 'options',
						options: carrierCodeOptions,
						default: 'Other',
						description: 'Carrier code from Amazon\'s list. With "Other", Amazon also needs a carrier name.',
					},
					{
						displayName: 'Carrier Name',
						name: 'carrierName',
						type: 'string',
						default: '',
						description: 'Name sent with the code "Other"; empty uses your carrier name',
					},
					{
						displayName: 'Shipping Method',
						name: 'shippingMethod',
						type: 'string',
						default: '',
						placeholder: 'e.g. DHL Paket National',
						description: 'Shipping method sent to Amazon for this carrier (optional)',
					},
				],
			},
		],
	},
	{
		displayName: 'Unmapped Carriers',
		name: 'carrierFallback',
		type: 'options',
		default: 'error',
		description:
			'What to do with a carrier that has no mapping and is not an Amazon carrier code, such as a misspelled one',
		options: [
			{
				name: 'Send as Other With Its Name',
				value: 'other',
				description:
					'Amazon receives the code "Other" and your carrier name as typed; choose this only for carriers Amazon does not list',
			},
			{
				name: 'Stop With an Error',
				value: 'error',
				description: 'Nothing is sent; the error names the carrier so you can add a mapping or fix the spelling',
			},
			{
				name: 'Use a Default Carrier',
				value: 'default',
				description: 'Send the carrier chosen below',
			},
		],
	},
	{
		displayName: 'Default Carrier Code',
		name: 'fallbackCarrierCode',
		type: 'options',
		options: carrierCodeOptions,
		default: 'Other',
		displayOptions: { show: { carrierFallback: ['default'] } },
		description: 'Amazon carrier code for unmapped carriers',
	},
	{
		displayName: 'Default Carrier Name',
		name: 'fallbackCarrierName',
		type: 'string',
		default: '',
		displayOptions: { show: { carrierFallback: ['default'] } },
		description: 'Carrier name sent with the default carrier code (needed for "Other")',
	},
];

/** Amazon's ID of an order line, inside item rows. */
export const orderItemIdField: INodeProperties = {
	displayName: 'Order Item ID',
	name: 'orderItemId',
	type: 'string',
	default: '',
	description: 'Amazon\'s order item ID (OrderItemId, see Order → Get Items)',
};

/** Order item rows (`items.item[]`: orderItemId, quantity) for Cancel and Confirm Shipment. */
export function orderItemsProperty(quantityDescription: string): INodeProperties {
	return {
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		placeholder: 'Add Item',
		default: {},
		typeOptions: { multipleValues: true },
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					orderItemIdField,
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description: quantityDescription,
					},
				],
			},
		],
	};
}

/** The "Options" collection of a write operation. */
export const writeOptionsProperty = optionsCollection;
