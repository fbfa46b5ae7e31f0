import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listPurchaseOrders, type PurchaseOrderFilters } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import type { TimeSlice } from '../../../AmazonSpApi/core/vendor/windows';
import { outputOptionsProperty, purchaseOrderFilterOptions, simplifyProperty } from '../../shared/descriptions';
import { readOutputSettings, readPurchaseOrderFilters, type PurchaseOrderReadSettings } from '../../shared/settings';
import { shapePurchaseOrders } from '../../shared/shape';
import { vendorClient } from '../common/client';
import { readLimit, readRangeSlices, returnAllProperties } from '../common/listFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Date Range Applies To',
		name: 'dateField',
		type: 'options',
		default: 'created',
		options: [
			{ name: 'Order Date', value: 'created', description: 'When Amazon placed the PO' },
			{ name: 'Last Change', value: 'changed', description: 'When the PO last changed (Amazon change or state change)' },
		],
	},
	{
		displayName: 'From',
		name: 'after',
		type: 'dateTime',
		default: '',
		description: 'Start of the range; empty means 7 days before the end. At most 6 months ago. Any length: the node reads it in 7-day slices, as Amazon requires.',
	},
	{
		displayName: 'To',
		name: 'before',
		type: 'dateTime',
		default: '',
		description: 'End of the range; empty means now',
	},
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...purchaseOrderFilterOptions,
			{
				displayName: 'Only Changed by Amazon',
				name: 'changedOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only POs Amazon modified after placing them (fulfil the changed PO, not the original)',
			},
			{
				displayName: 'Only With Cancelled Items',
				name: 'cancelledItemsOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only POs with items Amazon cancelled (quantity set to zero)',
			},
		],
	},
	simplifyProperty,
	outputOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['getAll'] } }, properties);

interface Prepared {
	filters: PurchaseOrderFilters;
	slices: TimeSlice[];
	limit?: number;
	settings: PurchaseOrderReadSettings;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const { client, account } = await vendorClient.call(this);
	const dateField = this.getNodeParameter('dateField', itemIndex, 'created') as PurchaseOrderFilters['dateField'];
	const raw = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filters = {
		...readPurchaseOrderFilters(raw, dateField, account.vendorCodes),
		changedOnly: raw.changedOnly === true,
		cancelledItemsOnly: raw.cancelledItemsOnly === true,
	};
	const slices = readRangeSlices.call(this, itemIndex, client.clock.now(), { after: 'From', before: 'To' });
	const settings = readOutputSettings(
		this.getNodeParameter('output', itemIndex, {}) as IDataObject,
		this.getNodeParameter('simplify', itemIndex, true) as boolean,
	);
	return { filters, slices, limit: readLimit.call(this, itemIndex), settings };
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: Prepared): Promise<IDataObject[]> {
	const { client } = await vendorClient.call(this);
	const orders = await listPurchaseOrders(client, prepared.filters, prepared.slices, { limit: prepared.limit });
	return await shapePurchaseOrders(client, orders, prepared.settings);
}
