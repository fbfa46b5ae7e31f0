import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../AmazonSpApi/n8n/parameters';
import { searchListingsItems, type SearchListingsQuery } from '../../../AmazonSpApi/core/listings';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { sellerClient } from '../common/client';
import { includedDataProperty, listingMarketplaceProperty, readListingMarketplace, requireSellerId } from './common';

const properties: INodeProperties[] = [
	...returnAllProperties,
	listingMarketplaceProperty,
	includedDataProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'SKUs',
				name: 'skus',
				type: 'string',
				default: '',
				placeholder: 'e.g. SKU-1, SKU-2',
				description: 'Only these seller SKUs (up to 20, separated by commas)',
			},
			{
				displayName: 'Status',
				name: 'withStatus',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Buyable', value: 'BUYABLE' },
					{ name: 'Discoverable', value: 'DISCOVERABLE' },
				],
				description: 'Only listings with all of these statuses',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'lastUpdatedDate',
				options: [
					{ name: 'Created Date', value: 'createdDate' },
					{ name: 'Last Updated Date', value: 'lastUpdatedDate' },
					{ name: 'SKU', value: 'sku' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['listing'], operation: ['getAll'] } }, properties);

interface Prepared {
	query: SearchListingsQuery;
	limit: number;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const session = await sellerClient.call(this);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const skus = String(filters.skus ?? '').split(',').map((sku) => sku.trim()).filter(Boolean);
	if (skus.length > 20) {
		throw invalidInput(this.getNode(), itemIndex, 'Filters → SKUs', `has ${skus.length} SKUs; Amazon accepts up to 20`, 'Split the SKUs over several items');
	}

	return {
		query: {
			sellerId: requireSellerId.call(this, itemIndex, session),
			marketplaceId: readListingMarketplace.call(this, itemIndex, session),
			includedData: this.getNodeParameter('includedData', itemIndex, []) as string[],
			skus,
			withStatus: (filters.withStatus as string[] | undefined) ?? [],
			sortBy: filters.sortBy as SearchListingsQuery['sortBy'],
		},
		limit: readLimit.call(this, itemIndex) ?? Infinity,
	};
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: Prepared): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	return await searchListingsItems(client, prepared.query, prepared.limit);
}
