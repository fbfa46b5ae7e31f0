import type { INodeProperties } from 'n8n-workflow';

import { purchaseOrderFilterOptions, purchaseOrderOutputOptions, simplifyProperty } from '../shared/descriptions';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		default: 'newPurchaseOrder',
		options: [
			{ name: 'New Purchase Order', value: 'newPurchaseOrder', description: 'Amazon placed a purchase order' },
			{
				name: 'Purchase Order Changed',
				value: 'purchaseOrderChanged',
				description: 'Amazon changed a PO (quantities, cancelled items) or its state moved (New → Acknowledged → Closed)',
			},
		],
	},
	{
		displayName: 'Changes to Report',
		name: 'changeTypes',
		type: 'multiOptions',
		default: ['amazonChange', 'stateChange'],
		displayOptions: { show: { event: ['purchaseOrderChanged'] } },
		options: [
			{ name: 'Changed by Amazon', value: 'amazonChange', description: 'Amazon modified the PO after placing it, e.g. a quantity or a cancelled item' },
			{ name: 'State Changed', value: 'stateChange', description: 'The PO moved to Acknowledged or Closed' },
		],
	},
	{
		displayName: 'Import Purchase Orders From',
		name: 'importFrom',
		type: 'options',
		default: 'activation',
		options: [
			{ name: 'After Activation', value: 'activation', description: 'Only POs placed or changed after the workflow is activated' },
			{ name: 'A Date', value: 'date', description: 'POs since a date (at most 6 months ago)' },
			{ name: 'The Last Days', value: 'lastDays', description: 'POs of the last N days (at most 180)' },
		],
	},
	{
		displayName: 'Import From Date',
		name: 'importDate',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { importFrom: ['date'] } },
	},
	{
		displayName: 'Days',
		name: 'importDays',
		type: 'number',
		default: 7,
		typeOptions: { minValue: 1, maxValue: 180 },
		displayOptions: { show: { importFrom: ['lastDays'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: purchaseOrderFilterOptions,
	},
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'output',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Catch-Up Every (Hours)',
				name: 'catchUpHours',
				type: 'number',
				default: 24,
				typeOptions: { minValue: 0 },
				description: 'How often to re-scan recent days for POs Amazon listed late (0 turns the catch-up off). Found POs are emitted once.',
			},
			{
				displayName: 'Catch-Up Look-Back (Days)',
				name: 'catchUpDays',
				type: 'number',
				default: 7,
				typeOptions: { minValue: 1, maxValue: 30 },
				description: 'How many days back the catch-up re-scan reads',
			},
			...purchaseOrderOutputOptions,
		],
	},
];
