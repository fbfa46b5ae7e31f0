import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
} from 'n8n-workflow';

import { authenticate, preAuthenticate } from './credentialType';

/**
 * What the seller and vendor credentials share: the token exchange for n8n's credential test. The nodes don't use
 * that token; the core transport keeps its own cache (see credentialType.ts). Icon and docs stay in each class,
 * where n8n's lint looks for them.
 */
export abstract class SpApiCredentialBase {
	authenticate: IAuthenticateGeneric = authenticate;

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await preAuthenticate.call(this, credentials);
	}
}
