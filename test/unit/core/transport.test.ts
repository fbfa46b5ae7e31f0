import type { IDataObject, IExecuteFunctions, IHttpRequestHelper, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { AmazonSellerCentralApi } from '../../../credentials/AmazonSellerCentralApi.credentials';
import { AmazonVendorCentralApi } from '../../../credentials/AmazonVendorCentralApi.credentials';
import { SpApiError, SpApiInputError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { defaultTokenCache } from '../../../nodes/AmazonSpApi/core/http/lwa';
import { getSpApiClient, spApiRequest, toNodeError } from '../../../nodes/AmazonSpApi/n8n/session';
import { preAuthenticate } from '../../../nodes/AmazonSpApi/n8n/credentialType';
import { TEST_CREDENTIALS } from '../../helpers/scriptedHttp';

const node: INode = {
	id: '1',
	name: 'Amazon Seller Central',
	type: 'n8n-nodes-amazon-spapi.amazonSellerCentral',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

interface FakeResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** n8n's helpers.httpRequest with returnFullResponse, answering by URL path. */
function fakeHelpers(routes: Record<string, FakeResponse>, seen: IHttpRequestOptions[] = []) {
	return {
		httpRequest: async (options: IHttpRequestOptions) => {
			seen.push(options);
			const response = routes[new URL(options.url).pathname];
			if (!response) throw new Error(`unexpected ${options.url}`);
			return response;
		},
	};
}

const json = (statusCode: number, body: unknown, headers: IDataObject = {}): FakeResponse => ({
	statusCode,
	headers: { 'Content-Type': 'application/json', 'X-Amzn-RequestId': 'rid-1', ...headers },
	body: Buffer.from(JSON.stringify(body)),
});

const sellerFields = { ...TEST_CREDENTIALS, sellerId: 'A1EMULATORSELLER', defaultMarketplaceId: 'ATVPDKIKX0DER' };

function fakeContext(fields: IDataObject, routes: Record<string, FakeResponse>, seen: IHttpRequestOptions[] = []) {
	const logs: unknown[] = [];
	const context = {
		getCredentials: async () => fields,
		getNode: () => node,
		helpers: fakeHelpers(routes, seen),
		logger: { debug: (...args: unknown[]) => logs.push(args), warn: (...args: unknown[]) => logs.push(args) },
	};
	return { context: context as unknown as IExecuteFunctions, logs };
}

afterEach(() => defaultTokenCache.clear());

describe('n8n transport', () => {
	it('builds a client and account from the credential and calls n8n httpRequest with raw bytes', async () => {
		const seen: IHttpRequestOptions[] = [];
		const { context, logs } = fakeContext(sellerFields, {
			'/auth/o2/token': json(200, { access_token: 'Atza|transport-token-value', expires_in: 3600 }),
			'/sellers/v1/marketplaceParticipations': json(200, { payload: [{ marketplace: { id: 'ATVPDKIKX0DER' } }] }, { 'x-amzn-RateLimit-Limit': '0.016' }),
		}, seen);
		const { account } = await getSpApiClient.call(context, 'amazonSellerCentralApi');
		expect(account).toEqual({
			kind: 'seller',
			region: 'na',
			environment: 'custom',
			baseUrl: 'http://127.0.0.1:4010',
			sellerId: 'A1EMULATORSELLER',
			defaultMarketplaceId: 'ATVPDKIKX0DER',
			vendorCodes: [],
		});
		const response = await spApiRequest.call(context, 'amazonSellerCentralApi', {
			operation: 'sellers.getMarketplaceParticipations',
			method: 'GET',
			path: '/sellers/v1/marketplaceParticipations',
			unwrapPayload: true,
		});
		expect(response).toMatchObject({ status: 200, requestId: 'rid-1', rateLimit: 0.016, data: [{ marketplace: { id: 'ATVPDKIKX0DER' } }] });
		expect(seen[1]).toMatchObject({ returnFullResponse: true, ignoreHttpStatusErrors: true, encoding: 'arraybuffer', json: false });
		expect(JSON.stringify(logs)).not.toContain('transport-token-value');
	});

	it('maps SP-API failures to NodeApiError with code, details, request id and item index', async () => {
		const { context } = fakeContext(sellerFields, {
			'/auth/o2/token': json(200, { access_token: 'Atza|transport-token-value', expires_in: 3600 }),
			'/orders/v0/orders/1': json(404, { errors: [{ code: 'NotFound', message: 'Order not found', details: 'Check the id' }] }),
		});
		const error = await spApiRequest
			.call(context, 'amazonSellerCentralApi', { operation: 'ordersV0.getOrder', method: 'GET', path: '/orders/v0/orders/1' }, 3)
			.catch((failure: unknown) => failure);
		expect(error).toBeInstanceOf(NodeApiError);
		const apiError = error as NodeApiError;
		expect(apiError.message).toBe('Amazon SP-API: ordersV0.getOrder failed with HTTP 404: NotFound: Order not found [item 3]');
		expect(apiError.description).toContain('Details: Check the id');
		expect(apiError.description).toContain('x-amzn-RequestId: rid-1');
		expect(apiError.httpCode).toBe('404');
		expect(apiError.context.itemIndex).toBe(3);
	});

	it('maps input errors to NodeOperationError naming the field, item and fix', () => {
		const error = toNodeError(node, new SpApiInputError('marketplaceId', 'Unknown Amazon marketplace "XX"', 'Use US or DE.'), 2);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('marketplaceId: Unknown Amazon marketplace "XX" [item 2]');
		expect(error.description).toBe('Use US or DE.');
		expect(error.context.itemIndex).toBe(2);
	});

	it('reports a bad credential as a NodeOperationError naming the field', async () => {
		const { context } = fakeContext({ ...sellerFields, environment: 'custom', customBaseUrl: 'nope' }, {});
		const error = await getSpApiClient.call(context, 'amazonSellerCentralApi').catch((failure: unknown) => failure);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/^customBaseUrl: "nope" is not a valid http\(s\) URL/);
	});

	it('keeps throttling facts in the description', () => {
		const error = toNodeError(node, new SpApiError({ kind: 'throttled', status: 429, message: 'Amazon throttled x', retryAfterMs: 60_000, hint: 'Run less often.' }));
		expect(error.description).toBe('Run less often.\nRetry after about 60 s.');
	});
});

describe('credentials', () => {
	it('declare the seller and vendor credential types with password fields and an expirable token', () => {
		const seller = new AmazonSellerCentralApi();
		const vendor = new AmazonVendorCentralApi();
		expect(seller.name).toBe('amazonSellerCentralApi');
		expect(vendor.name).toBe('amazonVendorCentralApi');
		for (const credential of [seller, vendor]) {
			const byName = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
			expect(byName.clientSecret.typeOptions?.password).toBe(true);
			expect(byName.refreshToken.typeOptions?.password).toBe(true);
			expect(byName.accessToken).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
			expect(byName.customBaseUrl.displayOptions).toEqual({ show: { environment: ['custom'] } });
			expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { 'x-amz-access-token': '={{$credentials.accessToken}}' } } });
		}
		expect(seller.properties.map((property) => property.name)).toEqual(expect.arrayContaining(['sellerId', 'defaultMarketplaceId']));
		expect(vendor.properties.map((property) => property.name)).toContain('vendorCodes');
		expect(seller.test.request.url).toBe('/sellers/v1/marketplaceParticipations');
		expect(vendor.test.request).toMatchObject({
			url: '/vendor/orders/v1/purchaseOrders',
			qs: { limit: 1, createdAfter: '={{$now.minus({days: 1}).toISO()}}' },
		});
	});

	it('preAuthentication returns the access token', async () => {
		const seen: IHttpRequestOptions[] = [];
		const helper = { helpers: fakeHelpers({ '/auth/o2/token': json(200, { access_token: 'Atza|pre-auth', expires_in: 3600 }) }, seen) };
		await expect(preAuthenticate.call(helper as unknown as IHttpRequestHelper, sellerFields)).resolves.toEqual({ accessToken: 'Atza|pre-auth' });
		expect(seen[0].url).toBe(TEST_CREDENTIALS.customTokenUrl);
		expect(String(seen[0].body)).toContain('grant_type=refresh_token');
	});

	it.each([
		['invalid_grant', 400, /revoked or issued for another app.*Re-authorize/],
		['invalid_client', 401, /client secret was rotated.*180 days/],
	])('preAuthentication explains %s without echoing secrets', async (code, status, pattern) => {
		const echo = `${code}: ${TEST_CREDENTIALS.clientSecret} ${TEST_CREDENTIALS.refreshToken}`;
		const helper = { helpers: fakeHelpers({ '/auth/o2/token': json(status, { error: code, error_description: echo }) }) };
		const error = (await preAuthenticate.call(helper as unknown as IHttpRequestHelper, sellerFields).catch((failure: unknown) => failure)) as Error;
		expect(error.message).toMatch(pattern);
		expect(error.message).not.toContain(TEST_CREDENTIALS.clientSecret);
		expect(error.message).not.toContain(TEST_CREDENTIALS.refreshToken);
	});
});
