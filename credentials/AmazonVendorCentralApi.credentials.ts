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
	environmentProperties,
	lwaProperties,
	preAuthenticate,
	rateShareProperty,
	regionProperty,
	vendorCredentialTest,
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
		rateShareProperty,
	];

	// Used by n8n's credential test only; the nodes manage tokens in the core transport (see credentialType.ts).
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await preAuthenticate.call(this, credentials);
	}

	authenticate: IAuthenticateGeneric = authenticate;

	test: ICredentialTestRequest = vendorCredentialTest;
}
