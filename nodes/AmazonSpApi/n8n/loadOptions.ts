import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { MARKETPLACES } from '../core/marketplaces';
import { assertRegion } from '../core/http/endpoints';
import { CREDENTIAL_FIELDS } from './credentials';
import type { SpApiCredentialType } from './session';

/** `getMarketplaces` for a node with this credential: the credential region's marketplaces, its default first. */
export function marketplaceOptions(credentialType: SpApiCredentialType) {
	return async function getMarketplaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const fields = (await this.getCredentials(credentialType)) as Record<string, unknown>;
		const region = assertRegion(fields[CREDENTIAL_FIELDS.region] ?? 'na');
		const defaultId = fields[CREDENTIAL_FIELDS.defaultMarketplaceId] as string | undefined;
		return MARKETPLACES.filter((marketplace) => marketplace.region === region)
			.map((marketplace) => ({
				name: `${marketplace.country} (${marketplace.countryCode})${marketplace.id === defaultId ? ' – Default' : ''}`,
				value: marketplace.id,
				description: marketplace.id,
			}))
			.sort((a, b) => Number(b.value === defaultId) - Number(a.value === defaultId) || a.name.localeCompare(b.name));
	};
}
