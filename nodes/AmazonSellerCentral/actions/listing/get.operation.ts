import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getListingsItem } from '../../../AmazonSpApi/core/listings';
import { readRequiredString } from '../../../AmazonSpApi/n8n/parameters';
import { sellerClient } from '../common/client';
import { includedDataProperty, listingMarketplaceProperty, readListingMarketplace, requireSellerId } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. EMU-LUG-0004',
		description: 'Your seller SKU of the listing',
	},
	listingMarketplaceProperty,
	includedDataProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['listing'], operation: ['get'] } }, properties);

interface Prepared {
	sku: string;
	marketplaceId: string;
	sellerId: string;
	includedData: string[];
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const session = await sellerClient.call(this);
	return {
		sku: readRequiredString.call(this, itemIndex, 'sku', 'SKU', 'Enter the seller SKU of the listing'),
		marketplaceId: readListingMarketplace.call(this, itemIndex, session),
		sellerId: requireSellerId.call(this, itemIndex, session),
		includedData: this.getNodeParameter('includedData', itemIndex, []) as string[],
	};
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: Prepared): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	return await getListingsItem(client, prepared);
}
