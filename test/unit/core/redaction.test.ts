import { SpApiError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { REDACTED, Redactor } from '../../../nodes/AmazonSpApi/core/http/redact';
import type { HttpRequest, OperationCall } from '../../../nodes/AmazonSpApi/core/types';
import { amazonError, jsonResponse, type Responder, ScriptedHttp, TEST_CREDENTIALS } from '../../helpers/scriptedHttp';
import { createTestClient, rejectionOf, type TestRig } from '../../helpers/spApiClient';

const ACCESS_TOKEN = 'Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSREXAMPLE';
const RDT = 'Atz.sprdt|restricted-data-token-EXAMPLE';
const SECRETS = [TEST_CREDENTIALS.clientSecret, TEST_CREDENTIALS.refreshToken, ACCESS_TOKEN, RDT];
const getOrders: OperationCall = { operation: 'ordersV0.getOrders', method: 'GET', path: '/orders/v0/orders' };

/** Everything observable about a value, including error stacks and non-enumerable message. */
function observable(value: unknown): string {
	if (value instanceof Error) {
		return [String(value), value.stack ?? '', JSON.stringify({ ...value })].join('\n');
	}
	return JSON.stringify(value) ?? String(value);
}

function expectNoSecrets(text: string): void {
	for (const secret of SECRETS) {
		expect(text).not.toContain(secret);
		expect(text).not.toContain(encodeURIComponent(secret));
	}
}

function echoEverything(request: HttpRequest): string {
	return `${request.url} ${JSON.stringify(request.headers)} ${typeof request.body === 'string' ? request.body : ''}`;
}

function rig(route: string, responder: Responder, token: Responder = jsonResponse(200, { access_token: ACCESS_TOKEN, expires_in: 3600 })): TestRig {
	const http = new ScriptedHttp().route('POST /auth/o2/token', token).route(route, responder);
	return createTestClient({ http, maxServerRetries: 0 });
}

function scanRig(current: TestRig, ...values: unknown[]): void {
	expectNoSecrets(values.map(observable).join('\n'));
	expectNoSecrets(observable(current.logger.entries));
}

describe('redaction', () => {
	it('Redactor scrubs raw and URL-encoded secrets and unknown Amazon tokens, deeply', () => {
		const redactor = new Redactor();
		redactor.add(TEST_CREDENTIALS.clientSecret, 'short');
		const scrubbed = redactor.scrubValue({
			a: `secret=${TEST_CREDENTIALS.clientSecret}`,
			b: [`refresh_token=${encodeURIComponent(TEST_CREDENTIALS.refreshToken)}`, 7],
			c: { d: `token ${ACCESS_TOKEN} and ${RDT} end` },
			e: 'short stays',
		});
		expect(scrubbed).toEqual({
			a: `secret=${REDACTED}`,
			b: [`refresh_token=${REDACTED}`, 7],
			c: { d: `token ${REDACTED} and ${REDACTED} end` },
			e: 'short stays',
		});
	});

	it('LWA errors echoing the request never reveal the secret or refresh token', async () => {
		const current = rig('GET /orders/v0/orders', jsonResponse(200, {}), (request) =>
			jsonResponse(400, { error: 'invalid_request', error_description: echoEverything(request) }),
		);
		const error = await rejectionOf(current.client.request(getOrders));
		expect(error).toBeInstanceOf(SpApiError);
		expect((error as SpApiError).amazonMessage).toContain(REDACTED);
		scanRig(current, error);
	});

	it.each([
		['a 500 body echoing headers', (request: HttpRequest) => amazonError(500, 'InternalFailure', echoEverything(request), echoEverything(request))],
		['a 403 body echoing headers', (request: HttpRequest) => amazonError(403, 'Unauthorized', 'denied', echoEverything(request))],
		['a non-JSON body echoing headers', (request: HttpRequest) => ({ status: 502, headers: {}, body: new TextEncoder().encode(`<html>${echoEverything(request)}</html>`) })],
		['a network error quoting the request', (request: HttpRequest) => {
			throw new Error(`connect ECONNREFUSED while sending ${echoEverything(request)}`);
		}],
	])('SP-API failures: %s', async (_, responder) => {
		const current = rig('GET /orders/v0/orders', responder);
		const error = await rejectionOf(current.client.request(getOrders));
		expect(error).toBeInstanceOf(SpApiError);
		scanRig(current, error, (error as SpApiError).errors);
	});

	it('successful calls, RDT requests and logs carry no secret', async () => {
		const current = rig('GET /orders/v0/orders', jsonResponse(200, { payload: { Orders: [{ AmazonOrderId: '1' }] } }));
		current.http.route('POST /tokens/2021-03-01/restrictedDataToken', jsonResponse(200, { restrictedDataToken: RDT, expiresIn: 3600 }));
		const response = await current.client.request({ ...getOrders, query: { NextToken: 'a+b' }, unwrapPayload: true });
		const rdt = await current.client.restrictedDataToken([{ method: 'GET', path: '/orders/v0/orders' }]);
		const restricted = await current.client.request({ ...getOrders, restrictedDataToken: rdt });
		expect(rdt).toBe(RDT);
		scanRig(current, response, restricted);
		expect(current.logger.entries.length).toBeGreaterThan(0);
	});

	it('a throttling error after retries carries no secret', async () => {
		const current = rig('GET /orders/v0/orders', (request) => amazonError(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.', echoEverything(request)));
		const error = await rejectionOf(current.client.request(getOrders));
		expect((error as SpApiError).kind).toBe('throttled');
		scanRig(current, error);
	});
});
