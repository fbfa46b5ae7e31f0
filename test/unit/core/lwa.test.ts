import { SpApiError } from '../../../nodes/AmazonSpApi/core/http/errors';
import {
	buildLwaTokenRequest,
	fetchLwaToken,
	lwaCacheKey,
	LwaTokenCache,
	parseLwaTokenResponse,
} from '../../../nodes/AmazonSpApi/core/http/lwa';
import { bodyText, jsonResponse, lwaTokens, ScriptedHttp, TEST_CREDENTIALS } from '../../helpers/scriptedHttp';
import { createTestClient, rejectionOf } from '../../helpers/spApiClient';
import { VirtualClock } from '../../helpers/virtualClock';

const TOKEN_ROUTE = 'POST /auth/o2/token';
const PARTICIPATIONS = 'GET /sellers/v1/marketplaceParticipations';
const participations = { operation: 'sellers.getMarketplaceParticipations', method: 'GET', path: '/sellers/v1/marketplaceParticipations' } as const;

// Amazon's documented LWA error bodies (REFERENCE §2.4).
const INVALID_GRANT = {
	error_description: 'The request has an invalid grant parameter : refresh_token. User may have revoked or didn\'t grant the permission.',
	error: 'invalid_grant',
};
const INVALID_CLIENT = { error_description: 'Client authentication failed', error: 'invalid_client' };

describe('LWA token request', () => {
	it('sends a form-encoded refresh_token grant without scope', () => {
		const request = buildLwaTokenRequest({ ...TEST_CREDENTIALS, tokenUrl: 'https://api.amazon.com/auth/o2/token' });
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
		const form = new URLSearchParams(request.body as string);
		expect(Object.fromEntries(form)).toEqual({
			grant_type: 'refresh_token',
			refresh_token: TEST_CREDENTIALS.refreshToken,
			client_id: TEST_CREDENTIALS.clientId,
			client_secret: TEST_CREDENTIALS.clientSecret,
		});
	});

	it('sends a client_credentials grant with scope and without refresh token', () => {
		const request = buildLwaTokenRequest({
			clientId: 'id',
			clientSecret: 'secret',
			tokenUrl: 'https://api.amazon.com/auth/o2/token',
			scope: 'sellingpartnerapi::notifications',
		});
		const form = Object.fromEntries(new URLSearchParams(request.body as string));
		expect(form).toEqual({ grant_type: 'client_credentials', scope: 'sellingpartnerapi::notifications', client_id: 'id', client_secret: 'secret' });
	});

	it('parses the documented success body; tokens last 3600 s and refresh 5 min early', () => {
		const token = parseLwaTokenResponse(
			200,
			'{"access_token":"Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSREXAMPLE","token_type":"bearer","expires_in":3600,"refresh_token":"Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeXEXAMPLE"}',
			1000,
		);
		expect(token).toEqual({
			accessToken: 'Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSREXAMPLE',
			expiresAt: 1000 + 3_600_000,
			refreshAt: 1000 + 3_300_000,
		});
	});

	it('maps invalid_grant to a re-authorize message', () => {
		let failure: unknown;
		try {
			parseLwaTokenResponse(400, JSON.stringify(INVALID_GRANT), 0);
		} catch (error) {
			failure = error;
		}
		expect(failure).toBeInstanceOf(SpApiError);
		const spError = failure as SpApiError;
		expect(spError.kind).toBe('auth');
		expect(spError.code).toBe('invalid_grant');
		expect(spError.message).toMatch(/refresh token .*revoked or issued for another app/);
		expect(spError.hint).toMatch(/Re-authorize/);
		expect(spError.amazonMessage).toBe(INVALID_GRANT.error_description);
	});

	it('maps invalid_client to an update-the-secret message mentioning the 180-day rotation', async () => {
		const http = new ScriptedHttp().route(TOKEN_ROUTE, jsonResponse(401, INVALID_CLIENT));
		const error = (await rejectionOf(
			fetchLwaToken(http.client, { ...TEST_CREDENTIALS, tokenUrl: TEST_CREDENTIALS.customTokenUrl }, new VirtualClock()),
		)) as SpApiError;
		expect(error.code).toBe('invalid_client');
		expect(error.message).toMatch(/client secret was rotated/);
		expect(error.hint).toMatch(/every 180 days/);
		expect(http.requests).toHaveLength(1);
	});

	it('retries transient LWA failures (bounded), not credential errors', async () => {
		const clock = new VirtualClock();
		const http = new ScriptedHttp().route(
			TOKEN_ROUTE,
			jsonResponse(503, { error: 'temporarily_unavailable', error_description: 'busy' }),
			new Error('socket hang up'),
			lwaTokens()(undefined as never),
		);
		const token = await fetchLwaToken(http.client, { ...TEST_CREDENTIALS, tokenUrl: TEST_CREDENTIALS.customTokenUrl }, clock);
		expect(token.accessToken).toMatch(/^Atza\|/);
		expect(http.requests).toHaveLength(3);
		expect(clock.sleeps).toEqual([500, 1000]);

		const failing = new ScriptedHttp().route(TOKEN_ROUTE, jsonResponse(500, { error: 'server_error' }));
		await expect(
			fetchLwaToken(failing.client, { ...TEST_CREDENTIALS, tokenUrl: TEST_CREDENTIALS.customTokenUrl }, clock),
		).rejects.toMatchObject({ kind: 'network' });
		expect(failing.requests).toHaveLength(3);
	});
});

describe('token cache', () => {
	it('keys by hash: never the raw secret, different per refresh token and per scope', () => {
		const grant = { ...TEST_CREDENTIALS, tokenUrl: 'https://api.amazon.com/auth/o2/token' };
		const key = lwaCacheKey(grant);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toContain(grant.refreshToken);
		expect(lwaCacheKey({ ...grant, refreshToken: 'Atzr|other-partner' })).not.toBe(key);
		expect(lwaCacheKey({ ...grant, refreshToken: undefined, scope: 'sellingpartnerapi::notifications' })).not.toBe(key);
	});

	it('collapses concurrent refreshes into one token request', async () => {
		const http = new ScriptedHttp()
			.route(TOKEN_ROUTE, lwaTokens())
			.route(PARTICIPATIONS, jsonResponse(200, { payload: [] }));
		const { client } = createTestClient({ http });
		await Promise.all(Array.from({ length: 10 }, async () => await client.request(participations)));
		expect(http.count(TOKEN_ROUTE)).toBe(1);
		const used = new Set(http.requests.filter((request) => request.url.includes('/sellers/')).map((request) => request.headers['x-amz-access-token']));
		expect(used.size).toBe(1);
	});

	it('reuses a token across clients (one process-wide cache) and refreshes it 5 minutes before expiry', async () => {
		const http = new ScriptedHttp()
			.route(TOKEN_ROUTE, lwaTokens())
			.route(PARTICIPATIONS, jsonResponse(200, {}));
		const first = createTestClient({ http });
		await first.client.request(participations);
		const second = createTestClient({ http, clock: first.clock, tokens: first.tokens, limiter: first.limiter });
		await second.client.request(participations);
		expect(http.count(TOKEN_ROUTE)).toBe(1);

		first.clock.advance(54 * 60_000);
		await second.client.request(participations);
		expect(http.count(TOKEN_ROUTE)).toBe(1);
		first.clock.advance(2 * 60_000);
		await second.client.request(participations);
		expect(http.count(TOKEN_ROUTE)).toBe(2);
	});

	it('never shares tokens between two selling partners of one app', async () => {
		const http = new ScriptedHttp()
			.route(TOKEN_ROUTE, (request) => {
				const refreshToken = new URLSearchParams(bodyText(request)).get('refresh_token') ?? '';
				return jsonResponse(200, { access_token: `Atza|for-${refreshToken.slice(5)}`, expires_in: 3600 });
			})
			.route(PARTICIPATIONS, jsonResponse(200, {}));
		const tokens = new LwaTokenCache();
		const sellerA = createTestClient({ http, tokens });
		const sellerB = createTestClient({ http, tokens, credentials: { refreshToken: 'Atzr|second-seller-token' } });
		await sellerA.client.request(participations);
		await sellerB.client.request(participations);
		await sellerA.client.request(participations);
		const sent = http.requests.filter((request) => request.url.includes('/sellers/')).map((request) => request.headers['x-amz-access-token']);
		expect(sent).toEqual([
			'Atza|for-emulator-seller-refresh-token',
			'Atza|for-second-seller-token',
			'Atza|for-emulator-seller-refresh-token',
		]);
		expect(sellerA.client.partnerKey).not.toBe(sellerB.client.partnerKey);
		expect(http.count(TOKEN_ROUTE)).toBe(2);
	});

	it('uses a separate client_credentials token for grantless calls', async () => {
		const http = new ScriptedHttp()
			.route(TOKEN_ROUTE, (request) => {
				const form = new URLSearchParams(bodyText(request));
				return jsonResponse(200, { access_token: `Atza|${form.get('grant_type')}`, expires_in: 3600 });
			})
			.route('GET /notifications/v1/destinations', jsonResponse(200, { payload: [] }));
		const { client } = createTestClient({ http });
		await client.request({
			operation: 'notifications.getDestinations',
			method: 'GET',
			path: '/notifications/v1/destinations',
			grantlessScope: 'sellingpartnerapi::notifications',
		});
		expect(http.requests[1].headers['x-amz-access-token']).toBe('Atza|client_credentials');
	});

	it('turns an LWA failure during a call into an auth error without calling SP-API', async () => {
		const http = new ScriptedHttp().route(TOKEN_ROUTE, jsonResponse(400, INVALID_GRANT));
		const { client } = createTestClient({ http });
		const error = (await rejectionOf(client.request(participations))) as SpApiError;
		expect(error).toMatchObject({ kind: 'auth', code: 'invalid_grant' });
		expect(http.count(PARTICIPATIONS)).toBe(0);
	});
});
