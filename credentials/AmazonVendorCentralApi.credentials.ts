import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	accessTokenProperty,
	authenticate,
	BASE_URL_EXPRESSION,
	environmentProperties,
	lwaProperties,
	preAuthenticate,
	regionProperty,
	VENDOR_CREDENTIAL_TEST_RULES,
	vendorProperties,
} from '../nodes/AmazonSpApi/n8n/credentialType';

export class AmazonVendorCentralApi implements ICredentialType {
	name = 'amazonVendorCentralApi';

	displayName = 'Amazon Vendor Central API';

	icon: Icon = { light: 'file:icons/amazonSpApi.svg', dark: 'file:icons/amazonSpApi.dark.svg' };

	documentationUrl = 'https://developer-docs.amazon.com/sp-api/docs/self-authorization';

	properties: INodeProperties[] = [
		accessTokenProperty,
		...lwaProperties,
		...vendorProperties,
		regionProperty,
		...environmentProperties,
	];

	// Used by n8n's credential test only; the nodes manage tokens in the core transport (see credentialType.ts).
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await preAuthenticate.call(this, credentials);
	}

	authenticate: IAuthenticateGeneric = authenticate;

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/vendor/orders/v1/purchaseOrders',
			qs: {
				limit: 1,
				includeDetails: 'false',
				createdAfter: '={{$now.minus({days: 1}).toISO()}}',
			},
		},
		rules: VENDOR_CREDENTIAL_TEST_RULES,
	};
}
