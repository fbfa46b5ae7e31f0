import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listDirectFulfillmentOrders, type DfOrderFilters } from '../../../AmazonSpApi/core/vendor/directFulfillment';
import { rangeSlices, type TimeSlice } from '../../../AmazonSpApi/core/vendor/windows';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { vendorClient } from '../common/client';

const properties: INodeProperties[] = [
	{ displayName: 'Created From', name: 'after', type: 'dateTime', default: '', description: 'Empty: 7 days before the end' },
	{ displayName: 'Created To', name: 'before', type: 'dateTime', default: '', description: 'Empty: now' },
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit' },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
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
	const slices = guardInput(this.getNode(), itemIndex, (field) => (field === 'before' ? 'Created To' : 'Created From'), () =>
		rangeSlices(
			String(this.getNodeParameter('after', itemIndex, '') ?? '') || undefined,
			String(this.getNodeParameter('before', itemIndex, '') ?? '') || undefined,
			client.clock.now(),
			{ after: 'after', before: 'before' },
		),
	);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return {
		slices,
		filters: { status: (filters.status as DfOrderFilters['status']) || undefined, shipFromPartyId: String(filters.shipFromPartyId ?? '').trim() || undefined },
		limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
	};
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: Prepared): Promise<IDataObject[]> {
	const { client } = await vendorClient.call(this);
	const orders = await listDirectFulfillmentOrders(client, prepared.slices, prepared.filters, { limit: prepared.limit });
	return orders as unknown as IDataObject[];
}
