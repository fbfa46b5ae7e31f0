import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listDirectFulfillmentOrders, type DfOrderFilters } from '../../../AmazonSpApi/core/vendor/directFulfillment';
import type { TimeSlice } from '../../../AmazonSpApi/core/vendor/windows';
import { vendorClient } from '../common/client';
import { readLimit, readRangeSlices, returnAllProperties } from '../common/listFields';

const properties: INodeProperties[] = [
	{ displayName: 'Created From', name: 'after', type: 'dateTime', default: '', description: 'Empty: 7 days before the end' },
	{ displayName: 'Created To', name: 'before', type: 'dateTime', default: '', description: 'Empty: now' },
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Ship-From Warehouse', name: 'shipFromPartyId', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'NEW',
				options: [
					{ name: 'Accepted', value: 'ACCEPTED' },
					{ name: 'Cancelled', value: 'CANCELLED' },
					{ name: 'New', value: 'NEW' },
					{ name: 'Shipped', value: 'SHIPPED' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['directFulfillment'], operation: ['getAll'] } }, properties);

interface Prepared {
	slices: TimeSlice[];
	filters: DfOrderFilters;
	limit?: number;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const { client } = await vendorClient.call(this);
	const slices = readRangeSlices.call(this, itemIndex, client.clock.now(), { after: 'Created From', before: 'Created To' });
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return {
		slices,
		filters: { status: (filters.status as DfOrderFilters['status']) || undefined, shipFromPartyId: String(filters.shipFromPartyId ?? '').trim() || undefined },
		limit: readLimit.call(this, itemIndex),
	};
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: Prepared): Promise<IDataObject[]> {
	const { client } = await vendorClient.call(this);
	const orders = await listDirectFulfillmentOrders(client, prepared.slices, prepared.filters, { limit: prepared.limit });
	return orders as unknown as IDataObject[];
}
