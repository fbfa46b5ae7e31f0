import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { MARKETPLACES, type RegionCode } from '../../AmazonSpApi/core';

const CREDENTIAL_TYPE = 'amazonSellerCentralApi';

/** Marketplaces of the credential's region, the credential's default first. */
export async function getMarketplaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const region = credentials.region as RegionCode | undefined;
	const defaultId = credentials.defaultMarketplaceId as string | undefined;
	return MARKETPLACES.filter((marketplace) => !region || marketplace.region === region)
		.map((marketplace) => ({
			name: `${marketplace.country} (${marketplace.countryCode})${marketplace.id === defaultId ? ' – Default' : ''}`,
			value: marketplace.id,
			description: marketplace.id,
		}))
		.sort((a, b) => Number(b.value === defaultId) - Number(a.value === defaultId) || a.name.localeCompare(b.name));
}
