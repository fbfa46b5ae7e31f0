// An RDT that Amazon refuses (its clock ahead of ours: the cached token already expired there) is renewed once,
// like an access token, instead of failing every poll until the cache lets it go.
import { RdtCache } from '../../../nodes/AmazonSpApi/core/http/rdt';
import type { SpApiError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { explainPiiError } from '../../../nodes/AmazonSpApi/core/orders/pii';
import { amazonError, jsonResponse, lwaTokens, ScriptedHttp } from '../../helpers/scriptedHttp';
import { createTestClient, rejectionOf } from '../../helpers/spApiClient';

const RDT_ROUTE = 'POST /tokens/2021-03-01/restrictedDataToken';
const ORDERS = 'GET /orders/v0/orders';
const resources = [{ method: 'GET' as const, path: '/orders/v0/orders', dataElements: ['buyerInfo', 'shippingAddress'] }];
const denied = amazonError(403, 'Unauthorized', 'Access to requested resource is denied.');

describe('restricted data token renewal', () => {
	it('drops a refused RDT, gets a new one and retries once', async () => {
		const http = new ScriptedHttp()
			.route('POST /auth/o2/token', lwaTokens())
			.route(
				RDT_ROUTE,
				jsonResponse(200, { restrictedDataToken: 'Atz.sprdt|first', expiresIn: 3600 }),
				jsonResponse(200, { restrictedDataToken: 'Atz.sprdt|second', expiresIn: 3600 }),
			)
			.route(ORDERS, denied, jsonResponse(200, { payload: { Orders: [] } }));
		const { client } = createTestClient({ http, rdtCache: new RdtCache() });
		const rdt = await client.restrictedDataToken(resources);
		await client.request({ operation: 'ordersV0.getOrders', method: 'GET', path: '/orders/v0/orders', restrictedDataToken: rdt });
		const sent = http.requests.filter((request) => request.url.includes('/orders/v0/orders'));
		expect(sent.map((request) => request.headers['x-amz-access-token'])).toEqual(['Atz.sprdt|first', 'Atz.sprdt|second']);
		// The renewed token is the cached one from now on.
		expect(await client.restrictedDataToken(resources)).toBe('Atz.sprdt|second');
		expect(http.count(RDT_ROUTE)).toBe(2);
	});

	it('fails after one renewal when Amazon keeps refusing', async () => {
		const http = new ScriptedHttp()
			.route('POST /auth/o2/token', lwaTokens())
			.route(RDT_ROUTE, jsonResponse(200, { restrictedDataToken: 'Atz.sprdt|again', expiresIn: 3600 }))
			.route(ORDERS, denied);
		const { client } = createTestClient({ http, rdtCache: new RdtCache() });
		const rdt = await client.restrictedDataToken(resources);
		const error = (await rejectionOf(
			client.request({ operation: 'ordersV0.getOrders', method: 'GET', path: '/orders/v0/orders', restrictedDataToken: rdt }),
		)) as SpApiError;
		expect(error.status).toBe(403);
		expect(http.count(ORDERS)).toBe(2);
	});

	it('keeps the per-element explanation of a refused RDT request (no generic hint over it)', async () => {
		const http = new ScriptedHttp()
			.route('POST /auth/o2/token', lwaTokens())
			.route(RDT_ROUTE, amazonError(400, 'InvalidInput', 'Application does not have access to one or more requested data elements: [shippingAddress]'));
		const { client } = createTestClient({ http, rdtCache: new RdtCache() });
		const error = explainPiiError(await rejectionOf(client.restrictedDataToken(resources))) as SpApiError;
		expect(error.hint).toMatch(/shippingAddress needs Direct-to-Consumer Shipping \(Restricted\)/);
	});
});
