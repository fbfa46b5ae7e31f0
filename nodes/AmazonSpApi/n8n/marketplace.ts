import type { IExecuteFunctions } from 'n8n-workflow';

import { resolveMarketplaceIds } from '../core/orders/validate';
import { getSpApiClient, type SpApiAccount, type SpApiCredentialType } from './session';
import { guardInput, invalidInput } from './inputErrors';

/**
 * The marketplace to send: the value entered (ID or country code) or the credential's default. Unknown values and
 * marketplaces outside the credential's region are input errors (Amazon would answer them with a 403).
 */
export function resolveMarketplaceId(
	this: IExecuteFunctions,
	itemIndex: number,
	requested: string,
	account: Pick<SpApiAccount, 'defaultMarketplaceId' | 'region'>,
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
	return guardInput(this.getNode(), itemIndex, 'Marketplace ID', () => resolveMarketplaceIds([value], account.region, undefined)[0]);
}

/** Resolves the marketplace against the credential's account; sends nothing. */
export async function readMarketplaceId(
	this: IExecuteFunctions,
	credentialType: SpApiCredentialType,
	itemIndex: number,
	requested: string,
): Promise<string> {
	const { account } = await getSpApiClient.call(this, credentialType);
	return resolveMarketplaceId.call(this, itemIndex, requested, account);
}
