import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

/**
 * Minimal credentials helper: hands out plain credential objects per type and runs the credential type's
 * own `preAuthentication` / function-style `authenticate` when the type is registered. Updates made by
 * pre-authentication (e.g. a cached access token) are kept, as n8n does when it saves the credential.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		private readonly credentials: CredentialsByType,
		credentialTypes: ICredentialType[] = [],
	) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	getParentTypes(name: string): string[] {
		return this.types.get(name)?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types.get(typeName)?.authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		if (!type?.preAuthentication) return undefined;
		const expirable = type.properties.find((property) => property.typeOptions?.expirable);
		if (expirable && credentials[expirable.name] && !credentialsExpired) return undefined;
		const update = (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
		Object.assign(this.credentials[typeName] ?? {}, update);
		return update;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		if (!type?.preAuthentication) return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('HarnessCredentialsHelper.getCredentials is not supported');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.credentials[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}
}
