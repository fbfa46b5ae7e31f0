import type { IExecuteFunctions } from 'n8n-workflow';

import { findMarketplace, MARKETPLACES } from '../../../AmazonSpApi/core/marketplaces';
import type { RegionCode } from '../../../AmazonSpApi/core/types';
import { sellerClient } from './client';
import { invalidInput } from './errors';

/**
 * The marketplace to send: the value entered (ID or country code) or the credential's default. Unknown values and
 * marketplaces outside the credential's region are input errors (Amazon would answer them with a 403).
 */
export function resolveMarketplaceId(
	this: IExecuteFunctions,
	itemIndex: number,
	requested: string,
	account: { defaultMarketplaceId?: string; region?: RegionCode },
): string {
	const value = requested.trim() || account.defaultMarketplaceId || '';
	if (!value) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Marketplace ID',
			'is empty and the credential has no default marketplace',
			'Enter a marketplace ID such as ATVPDKIKX0DER, or set a default marketplace in the credential',
		);
	}
	const marketplace = findMarketplace(value);
	if (!marketplace) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Marketplace ID',
			`"${value}" is not a known Amazon marketplace`,
			`Use a marketplace ID such as ATVPDKIKX0DER (US) or A1PA6795UKMFR9 (DE), or a country code (${MARKETPLACES.map((entry) => entry.countryCode).join(', ')})`,
		);
	}
	if (account.region && marketplace.region !== account.region) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Marketplace ID',
			`${marketplace.country} (${marketplace.id}) belongs to region ${marketplace.region.toUpperCase()}, but the credential is set up for ${account.region.toUpperCase()}`,
			'Choose a marketplace of the credential\'s region, or use a credential for that region',
		);
	}
	return marketplace.id;
}

/** Resolves the marketplace against the credential's account; sends nothing. */
export async function readMarketplaceId(
	this: IExecuteFunctions,
	itemIndex: number,
	requested: string,
): Promise<string> {
	const { account } = await sellerClient.call(this);
	return resolveMarketplaceId.call(this, itemIndex, requested, account);
}
