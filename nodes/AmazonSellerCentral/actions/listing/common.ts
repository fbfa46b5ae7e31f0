import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LISTING_INCLUDED_DATA } from '../../../AmazonSpApi/core/listings';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { resolveMarketplaceId } from '../../../AmazonSpApi/n8n/marketplace';
import type { SpApiSession } from '../../../AmazonSpApi/n8n/session';

const INCLUDED_DATA_NAMES: Record<string, string> = {
	summaries: 'Summaries',
	attributes: 'Attributes',
	issues: 'Issues',
	offers: 'Offers',
	fulfillmentAvailability: 'Fulfillment Availability',
	procurement: 'Procurement',
	relationships: 'Relationships',
	productTypes: 'Product Types',
};

export const includedDataProperty: INodeProperties = {
	displayName: 'Include',
	name: 'includedData',
	type: 'multiOptions',
	default: ['summaries', 'offers', 'fulfillmentAvailability', 'issues'],
	options: LISTING_INCLUDED_DATA.map((value) => ({ name: INCLUDED_DATA_NAMES[value], value })).sort((a, b) => a.name.localeCompare(b.name)),
	description: 'Parts of the listing to return (includedData)',
};

export const listingMarketplaceProperty: INodeProperties = {
	displayName: 'Marketplace',
	name: 'marketplace',
	type: 'string',
	default: '',
	placeholder: 'e.g. ATVPDKIKX0DER or DE',
	description: 'Marketplace ID or country code of the listing. Empty uses the default marketplace of the credential.',
};

/** The credential's seller ID: the Listings Items API and listings feeds name the seller. */
export function requireSellerId(this: IExecuteFunctions, itemIndex: number, session: SpApiSession): string {
	const sellerId = session.account.sellerId;
	if (!sellerId) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Seller ID',
			'the credential has no seller ID (merchant token), which the Listings API needs',
			'Open the Amazon Seller Central credential and fill in the seller ID shown in Seller Central under Settings → Account Info → Merchant Token',
		);
	}
	return sellerId;
}

export function readListingMarketplace(this: IExecuteFunctions, itemIndex: number, session: SpApiSession): string {
	return resolveMarketplaceId.call(this, itemIndex, String(this.getNodeParameter('marketplace', itemIndex, '') ?? ''), session.account);
}
