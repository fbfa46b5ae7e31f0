import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { CREDENTIAL_FIELDS, readSpApiCredentials } from './credentials';
import { LWA_TOKEN_URL, REGIONS, resolveEndpoints } from '../core/http/endpoints';
import { SpApiError, SpApiInputError } from '../core/http/errors';
import { buildLwaTokenRequest, parseLwaTokenResponse } from '../core/http/lwa';
import { MARKETPLACES } from '../core/marketplaces';
import { Redactor } from '../core/http/redact';
import { decodeText } from '../core/http/wire';
import { createHttpClient } from './httpAdapter';

/**
 * Building blocks of both credential types (credentials/*.credentials.ts).
 *
 * The hidden expirable `accessToken` + preAuthentication + authenticate exist for n8n's credential test. The nodes do
 * not use them: the core transport keeps its own token cache, which works the same on n8n 2.x and the last 1.x,
 * dedupes concurrent refreshes, keys tokens per selling partner and refreshes on Amazon's 403 "token expired".
 */
export const accessTokenProperty: INodeProperties = {
	displayName: 'Access Token',
	name: CREDENTIAL_FIELDS.accessToken,
	type: 'hidden',
	typeOptions: { expirable: true, password: true },
	default: '',
};

export const lwaProperties: INodeProperties[] = [
	{
		displayName: 'LWA Client ID',
		name: CREDENTIAL_FIELDS.clientId,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'amzn1.application-oa2-client.…',
		description: 'Login with Amazon client identifier of the SP-API app (Developer Console → LWA credentials)',
	},
	{
		displayName: 'LWA Client Secret',
		name: CREDENTIAL_FIELDS.clientSecret,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Login with Amazon client secret. Amazon requires rotating it every 180 days.',
	},
	{
		displayName: 'Refresh Token',
		name: CREDENTIAL_FIELDS.refreshToken,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		placeholder: 'Atzr|…',
		description: 'Refresh token from authorizing the app (self-authorization: Developer Console → Authorize app)',
	},
];

export const regionProperty: INodeProperties = {
	displayName: 'Region',
	name: CREDENTIAL_FIELDS.region,
	type: 'options',
	options: (Object.keys(REGIONS) as Array<keyof typeof REGIONS>).map((value) => ({
		name: REGIONS[value].name,
		value,
	})),
	default: 'na',
	description: 'SP-API region where the selling partner authorized the app',
};

export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: CREDENTIAL_FIELDS.environment,
		type: 'options',
		options: [
			{ name: 'Production', value: 'production' },
			{ name: 'Sandbox', value: 'sandbox', description: 'Amazon static/dynamic sandbox endpoints' },
			{ name: 'Custom', value: 'custom', description: 'Own SP-API and LWA URLs, e.g. a proxy or an emulator' },
		],
		default: 'production',
	},
	{
		displayName: 'SP-API Base URL',
		name: CREDENTIAL_FIELDS.customBaseUrl,
		type: 'string',
		default: '',
		placeholder: 'http://127.0.0.1:4010',
		required: true,
		displayOptions: { show: { environment: ['custom'] } },
	},
	{
		displayName: 'LWA Token URL',
		name: CREDENTIAL_FIELDS.customTokenUrl,
		type: 'string',
		default: LWA_TOKEN_URL,
		placeholder: 'http://127.0.0.1:4010/auth/o2/token',
		displayOptions: { show: { environment: ['custom'] } },
	},
];

export const sellerProperties: INodeProperties[] = [
	{
		displayName: 'Seller ID',
		name: CREDENTIAL_FIELDS.sellerId,
		type: 'string',
		default: '',
		placeholder: 'A1B2C3D4E5F6G7',
		description: 'Merchant token (Seller Central → Settings → Account Info → Merchant Token); needed for listings and feeds',
	},
	{
		displayName: 'Default Marketplace',
		name: CREDENTIAL_FIELDS.defaultMarketplaceId,
		type: 'options',
		options: MARKETPLACES.map((marketplace) => ({
			name: `${marketplace.country} (${marketplace.countryCode}, ${marketplace.region.toUpperCase()})`,
			value: marketplace.id,
		})).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'ATVPDKIKX0DER',
		description: 'Marketplace used when a node does not name one. It must belong to the region above.',
	},
];

export const vendorProperties: INodeProperties[] = [
	{
		displayName: 'Vendor Code(s)',
		name: CREDENTIAL_FIELDS.vendorCodes,
		type: 'string',
		default: '',
		placeholder: 'ABCDE, FGHIJ',
		description: 'Comma-separated selling party IDs (vendor codes) of this Vendor Central account',
	},
];

/** Queue mode: each n8n process (main, every worker) has its own limiter; the shares of one account add up to 100%. */
export const rateShareProperty: INodeProperties = {
	displayName: 'Share of Rate Limits (%)',
	name: CREDENTIAL_FIELDS.rateSharePercent,
	type: 'number',
	default: 100,
	typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
	description:
		'Part of Amazon\'s rate limits each n8n process may use with this account. Keep 100 on a single n8n. In queue mode, set 100 divided by the number of workers (e.g. 50 for 2 workers) so that they never exceed the limits together.',
};

export const authenticate: IAuthenticateGeneric = {
	type: 'generic',
	properties: { headers: { 'x-amz-access-token': '={{$credentials.accessToken}}' } },
};

// Flat keys ("na production"): a nested object literal would put "}}" inside the expression and end it early.
const HOSTS = Object.fromEntries(
	Object.entries(REGIONS).flatMap(([region, hosts]) => [
		[`${region} production`, hosts.production],
		[`${region} sandbox`, hosts.sandbox],
	]),
);

/**
 * n8n expression for the credential test's SP-API host (n8n evaluates it, so it can't call resolveEndpoints):
 * the custom base URL, or the region's host from the one REGIONS table.
 */
export const BASE_URL_EXPRESSION = `={{ $credentials.environment === 'custom' ? $credentials.customBaseUrl : ${JSON.stringify(
	HOSTS,
)}[$credentials.region + ' ' + $credentials.environment] }}`;

const REGION_HINT = 'Also check that the Region matches the region where the account authorized the app.';

/**
 * The credential test's call per account type, with messages for Amazon's refusals: n8n would show a bare
 * "Forbidden", which says nothing about a seller token in the vendor credential or a missing role.
 */
export const sellerCredentialTest: ICredentialTestRequest = {
	request: { baseURL: BASE_URL_EXPRESSION, url: '/sellers/v1/marketplaceParticipations' },
	rules: [
		{
			type: 'responseCode',
			properties: {
				value: 403,
				message: `Amazon refused the seller account check (Sellers API, HTTP 403). The refresh token must come from authorizing the app in a Seller Central account: a Vendor Central account's token is refused here (use the Amazon Vendor Central credential for it). The app also needs a seller role in the Developer Console, such as Inventory and Order Tracking. ${REGION_HINT}`,
			},
		},
		{
			type: 'responseCode',
			properties: {
				value: 401,
				message: `Amazon did not accept the access token (HTTP 401): re-authorize the app and paste the new refresh token. ${REGION_HINT}`,
			},
		},
	],
};

export const vendorCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: BASE_URL_EXPRESSION,
		url: '/vendor/orders/v1/purchaseOrders',
		qs: { limit: 1, createdAfter: '={{$now.minus({days: 1}).toISO()}}' },
	},
	rules: [
		{
			type: 'responseCode',
			properties: {
				value: 403,
				message: `Amazon refused the vendor account check (Vendor Orders API, HTTP 403). The refresh token must come from authorizing the app in a Vendor Central account: a Seller Central account's token is refused here (use the Amazon Seller Central credential for it). The app also needs the vendor role Amazon Fulfillment (purchase orders) in the Developer Console. ${REGION_HINT}`,
			},
		},
		{
			type: 'responseCode',
			properties: {
				value: 401,
				message: `Amazon did not accept the access token (HTTP 401): re-authorize the app and paste the new refresh token. ${REGION_HINT}`,
			},
		},
	],
};

function credentialError(error: unknown, redactor: Redactor): Error {
	const hint = error instanceof SpApiError || error instanceof SpApiInputError ? error.hint : undefined;
	const message = error instanceof Error ? error.message : String(error);
	return new Error(redactor.scrub(hint ? `${message}. ${hint}` : message));
}

/** Exchanges the refresh token for an access token (credential test); never echoes a secret in errors. */
export async function preAuthenticate(
	this: IHttpRequestHelper,
	fields: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const redactor = new Redactor();
	redactor.add(String(fields.clientSecret ?? ''), String(fields.refreshToken ?? ''));
	try {
		const credentials = readSpApiCredentials(fields);
		const request = buildLwaTokenRequest({
			clientId: credentials.clientId,
			clientSecret: credentials.clientSecret,
			refreshToken: credentials.refreshToken,
			tokenUrl: resolveEndpoints(credentials).tokenUrl,
		});
		const response = await createHttpClient(this)(request);
		const token = parseLwaTokenResponse(response.status, decodeText(response.body), Date.now());
		return { [CREDENTIAL_FIELDS.accessToken]: token.accessToken };
	} catch (error) {
		throw credentialError(error, redactor);
	}
}
