import { SpApiClient } from '../../../nodes/AmazonSpApi/core/http/client';
import { SpApiError, SpApiInputError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { defaultTokenCache } from '../../../nodes/AmazonSpApi/core/http/lwa';
import { RdtCache } from '../../../nodes/AmazonSpApi/core/http/rdt';
import type { OperationCall } from '../../../nodes/AmazonSpApi/core/types';
import { DEFAULT_USER_AGENT } from '../../../nodes/AmazonSpApi/core/http/version';
import {
	amazonError,
	jsonResponse,
	lwaTokens,
	ScriptedHttp,
	TEST_CREDENTIALS,
	tokenExpired,
} from '../../helpers/scriptedHttp';
import { createTestClient, rejectionOf } from '../../helpers/spApiClient';
import { VirtualClock } from '../../helpers/virtualClock';

const TOKEN_ROUTE = 'POST /auth/o2/token';
const ORDERS = 'GET /orders/v0/orders';
const getOrders: OperationCall = { operation: 'ordersV0.getOrders', method: 'GET', path: '/orders/v0/orders' };

function withToken(route: string, ...responses: Parameters<ScriptedHttp['route']>[1][]): ScriptedHttp {
	return new ScriptedHttp().route(TOKEN_ROUTE, lwaTokens()).route(route, ...responses);
}

describe('requests', () => {
	it('sends the access token, user agent and JSON content type', async () => {
		const http = withToken('POST /feeds/2021-06-30/documents', jsonResponse(201, { feedDocumentId: 'd1', url: 'https://s3/x' }));
		const { client } = createTestClient({ http });
		const response = await client.request({
			operation: 'feeds.createFeedDocument',
			method: 'POST',
			path: '/feeds/2021-06-30/documents',
			body: { contentType: 'text/xml; charset=UTF-8' },
		});
		expect(response).toMatchObject({ status: 201, data: { feedDocumentId: 'd1' }, requestId: 'req-201' });
		const sent = http.requests[1];
		expect(sent.url).toBe('http://127.0.0.1:4010/feeds/2021-06-30/documents');
		expect(sent.headers).toEqual({
			'x-amz-access-token': expect.stringMatching(/^Atza\|/),
			'user-agent': DEFAULT_USER_AGENT,
			accept: 'application/json',
			'content-type': 'application/json',
		});
		expect(JSON.parse(http.bodyOf(sent))).toEqual({ contentType: 'text/xml; charset=UTF-8' });
		expect(DEFAULT_USER_AGENT).toMatch(/^n8n-nodes-amazon-spapi\/\d+\.\d+\.\d+ \(Language=TypeScript\)$/);
	});

	it('URL-encodes every query value (NextToken with + / =) and comma-joins arrays', async () => {
		const http = withToken(ORDERS, jsonResponse(200, { payload: { Orders: [] } }));
		const { client } = createTestClient({ http });
		await client.request({
			...getOrders,
			query: {
				MarketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'],
				LastUpdatedAfter: '2026-11-01T00:00:00Z',
				NextToken: 'ab+c/d==',
				IsISPU: false,
				MaxResultsPerPage: 100,
				BuyerEmail: undefined,
			},
		});
		expect(http.requests[1].url).toBe(
			'http://127.0.0.1:4010/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER,A2EUQ1WTGCTBG2&LastUpdatedAfter=2026-11-01T00%3A00%3A00Z&NextToken=ab%2Bc%2Fd%3D%3D&IsISPU=false&MaxResultsPerPage=100',
		);
		expect(http.requests[1].headers['content-type']).toBeUndefined();
	});

	it('unwraps v0 payloads on request and returns {} for empty bodies', async () => {
		const http = withToken(ORDERS, jsonResponse(200, { payload: { Orders: [{ AmazonOrderId: '1' }] } }))
			.route('POST /orders/v0/orders/1/shipment', { status: 204, headers: {}, body: new Uint8Array() });
		const { client } = createTestClient({ http });
		expect((await client.request({ ...getOrders, unwrapPayload: true })).data).toEqual({ Orders: [{ AmazonOrderId: '1' }] });
		expect((await client.request(getOrders)).data).toEqual({ payload: { Orders: [{ AmazonOrderId: '1' }] } });
		const shipment = await client.request({ operation: 'ordersV0.updateShipmentStatus', method: 'POST', path: '/orders/v0/orders/1/shipment', body: {} });
		expect(shipment).toMatchObject({ status: 204, data: {} });
	});

	it('reports Amazon errors with operation, code, message, details and request id', async () => {
		const http = withToken(ORDERS, amazonError(400, 'InvalidInput', 'The input you have submitted is not valid. Please check your input and try again.', ''));
		const { client } = createTestClient({ http });
		const error = (await rejectionOf(client.request(getOrders))) as SpApiError;
		expect(error).toMatchObject({ kind: 'api', status: 400, code: 'InvalidInput', requestId: 'req-400', operation: 'ordersV0.getOrders' });
		expect(error.message).toBe(
			'ordersV0.getOrders failed with HTTP 400: InvalidInput: The input you have submitted is not valid. Please check your input and try again.',
		);
		expect(error.hint).toMatch(/2 minutes/);
	});

	it('rejects empty LWA fields naming the field', () => {
		const create = () => new SpApiClient({ credentials: { ...TEST_CREDENTIALS, clientSecret: ' ' }, http: async () => jsonResponse(200, {}), clock: new VirtualClock() });
		expect(create).toThrow(SpApiInputError);
		expect(create).toThrow(/clientSecret/);
	});
});

describe('expired access token', () => {
	it.each([
		['details', tokenExpired()],
		['message', amazonError(403, 'Unauthorized', 'The access token you provided has expired.')],
		['revoked/malformed', amazonError(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided is revoked, malformed or invalid.')],
		['401', amazonError(401, 'Unauthorized', 'Access to requested resource is denied.')],
	])('refreshes once and retries (text in %s)', async (_, rejection) => {
		const http = withToken(ORDERS, rejection, jsonResponse(200, { payload: {} }));
		const { client } = createTestClient({ http });
		await client.request(getOrders);
		const sent = http.requests.filter((request) => request.url.includes('/orders/')).map((r) => r.headers['x-amz-access-token']);
		expect(http.count(TOKEN_ROUTE)).toBe(2);
		expect(sent).toHaveLength(2);
		expect(sent[0]).not.toBe(sent[1]);
	});

	it('gives up after one refresh with a re-authorize hint', async () => {
		const http = withToken(ORDERS, tokenExpired());
		const { client } = createTestClient({ http });
		const error = (await rejectionOf(client.request(getOrders))) as SpApiError;
		expect(http.count(ORDERS)).toBe(2);
		expect(error).toMatchObject({ kind: 'auth', status: 403, code: 'Unauthorized', details: 'The access token you provided has expired.' });
		expect(error.hint).toMatch(/Re-authorize/);
	});

	it('refreshes once for concurrent calls that saw the same expired token', async () => {
		let expired = false;
		const http = new ScriptedHttp().route(TOKEN_ROUTE, lwaTokens()).route(ORDERS, (request) =>
			expired && request.headers['x-amz-access-token'].includes('-1-') ? tokenExpired() : jsonResponse(200, {}),
		);
		const { client } = createTestClient({ http });
		await client.request(getOrders);
		expired = true;
		await Promise.all([client.request(getOrders), client.request(getOrders), client.request(getOrders)]);
		expect(http.count(TOKEN_ROUTE)).toBe(2);
		expect(http.count(ORDERS)).toBe(7);
	});

	it('does not refresh on a 403 for a missing role', async () => {
		const http = withToken(ORDERS, amazonError(403, 'Unauthorized', 'Access to requested resource is denied.', ''));
		const { client } = createTestClient({ http });
		const error = (await rejectionOf(client.request(getOrders))) as SpApiError;
		expect(http.count(ORDERS)).toBe(1);
		expect(error.hint).toMatch(/role/);
	});
});

describe('restricted data tokens', () => {
	const RDT_ROUTE = 'POST /tokens/2021-03-01/restrictedDataToken';
	const resources = [
		{ method: 'GET' as const, path: '/orders/v0/orders', dataElements: ['shippingAddress', 'buyerInfo'] },
		{ method: 'GET' as const, path: '/orders/v0/orders/{orderId}/address' },
	];

	it('requests once per partner and resource set, until shortly before expiry', async () => {
		const http = withToken(RDT_ROUTE, jsonResponse(200, { restrictedDataToken: 'Atz.sprdt|rdt-token-value', expiresIn: 3600 }));
		const { client, clock } = createTestClient({ http });
		expect(await client.restrictedDataToken(resources)).toBe('Atz.sprdt|rdt-token-value');
		expect(await client.restrictedDataToken([...resources].reverse())).toBe('Atz.sprdt|rdt-token-value');
		expect(http.count(RDT_ROUTE)).toBe(1);
		expect(JSON.parse(http.bodyOf(http.requests[1]))).toEqual({
			restrictedResources: [
				{ method: 'GET', path: '/orders/v0/orders', dataElements: ['buyerInfo', 'shippingAddress'] },
				{ method: 'GET', path: '/orders/v0/orders/{orderId}/address' },
			],
		});
		clock.advance(3600_000 - 30_000);
		await client.restrictedDataToken(resources);
		expect(http.count(RDT_ROUTE)).toBe(2);
	});

	it('sends a given RDT instead of the LWA token and accepts the wrapped 2021 response', async () => {
		const http = withToken(RDT_ROUTE, jsonResponse(200, { payload: { restrictedDataToken: 'Atz.sprdt|wrapped', expiresIn: 3600 } }))
			.route(ORDERS, jsonResponse(200, {}));
		const { client } = createTestClient({ http });
		const rdt = await client.restrictedDataToken(resources);
		await client.request({ ...getOrders, restrictedDataToken: rdt });
		expect(http.requests.at(-1)?.headers['x-amz-access-token']).toBe('Atz.sprdt|wrapped');
	});

	it('explains which role is missing', async () => {
		const http = withToken(
			RDT_ROUTE,
			amazonError(400, 'InvalidInput', 'Application does not have access to one or more requested data elements: [buyerInfo, shippingAddress]'),
		);
		const { client } = createTestClient({ http, rdtCache: new RdtCache() });
		const error = (await rejectionOf(client.restrictedDataToken(resources))) as SpApiError;
		expect(error.kind).toBe('auth');
		expect(error.message).toMatch(/missing a restricted role.*buyerInfo, shippingAddress/);
		expect(error.hint).toMatch(/shippingAddress needs Direct-to-Consumer Shipping \(Restricted\)/);
	});
});

describe('transfer', () => {
	const download = { method: 'GET' as const, url: 'https://tortuga-prod-na.s3.amazonaws.com/doc?X-Amz-Signature=abc123', headers: {} };

	it('sends no SP-API token and returns the raw response', async () => {
		const http = new ScriptedHttp().route(/GET https:\/\/tortuga/, { status: 200, headers: { 'content-type': 'text/plain' }, body: new TextEncoder().encode('a\tb') });
		const { client } = createTestClient({ http });
		const response = await client.transfer(download);
		expect(new TextDecoder().decode(response.body)).toBe('a\tb');
		expect(http.requests[0].headers['x-amz-access-token']).toBeUndefined();
	});

	it('fails clearly on an expired URL without echoing the signature, retrying reads on 5xx', async () => {
		const expired = { status: 403, headers: {}, body: new TextEncoder().encode('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>') };
		const http = new ScriptedHttp().route(/GET https:\/\/tortuga/, { status: 500, headers: {}, body: new Uint8Array() }, expired);
		const { client } = createTestClient({ http });
		const error = (await rejectionOf(client.transfer(download))) as SpApiError;
		expect(http.requests).toHaveLength(2);
		expect(error.message).toBe('GET https://tortuga-prod-na.s3.amazonaws.com/doc failed with HTTP 403');
		expect(error.hint).toMatch(/expire after 5 minutes/);
	});

	it('scrubs the URL signature that S3 echoes in error bodies', async () => {
		const echo = { status: 403, headers: {}, body: new TextEncoder().encode('<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>sig-0123456789</SignatureProvided></Error>') };
		const http = new ScriptedHttp().route(/PUT https:\/\/tortuga/, echo);
		const { client } = createTestClient({ http });
		const upload = { method: 'PUT' as const, url: 'https://tortuga-prod-na.s3.amazonaws.com/doc?X-Amz-Signature=sig-0123456789', headers: { 'content-type': 'text/xml' }, body: '<x/>' };
		const error = (await rejectionOf(client.transfer(upload))) as SpApiError;
		expect(error.details).toContain('SignatureDoesNotMatch');
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain('sig-0123456789');
	});
});

describe('process-wide defaults', () => {
	afterEach(() => defaultTokenCache.clear());

	it('shares LWA tokens between clients that use the defaults', async () => {
		const http = withToken(ORDERS, jsonResponse(200, {}));
		const credentials = { ...TEST_CREDENTIALS, refreshToken: 'Atzr|defaults-test-refresh-token' };
		const clock = new VirtualClock();
		const first = new SpApiClient({ credentials, http: http.client, clock });
		const second = new SpApiClient({ credentials, http: http.client, clock });
		await first.request(getOrders);
		await second.request(getOrders);
		expect(http.count(TOKEN_ROUTE)).toBe(1);
		expect(first.partnerKey).toBe(second.partnerKey);
		expect(first.partnerKey).toMatch(/^[0-9a-f]{16}$/);
	});
});
