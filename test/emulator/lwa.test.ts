import { startEmulator, CREDENTIALS, type TestEmulator } from '../../emulator/lib/testClient';

const client = { client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret };
const HOUR_MS = 3600 * 1000;

describe('LWA token endpoint', () => {
	let emulator: TestEmulator;
	beforeAll(async () => {
		emulator = await startEmulator({ orders: 5 });
	});
	afterAll(async () => await emulator.stop());

	it('exchanges a seller refresh token (form-encoded) for a 3600 s Atza| token', async () => {
		const response = await emulator.lwa({ grant_type: 'refresh_token', refresh_token: CREDENTIALS.sellerRefreshToken, ...client });
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, refresh_token: CREDENTIALS.sellerRefreshToken });
		expect(response.body.access_token).toMatch(/^Atza\|/);
	});

	it('accepts JSON bodies too (Java/PHP helpers)', async () => {
		const response = await emulator.lwa({ grant_type: 'refresh_token', refresh_token: CREDENTIALS.vendorRefreshToken, ...client }, { json: true });
		expect(response.status).toBe(200);
		const participations = await emulator.call('GET', '/vendor/orders/v1/purchaseOrders', { token: response.body.access_token });
		expect(participations.status).not.toBe(403);
	});

	it('rejects unknown refresh tokens with invalid_grant', async () => {
		const response = await emulator.lwa({ grant_type: 'refresh_token', refresh_token: 'Atzr|somebody-else', ...client });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
	});

	it('rejects a wrong client secret with 401 invalid_client', async () => {
		const response = await emulator.lwa({ grant_type: 'refresh_token', refresh_token: CREDENTIALS.sellerRefreshToken, client_id: CREDENTIALS.clientId, client_secret: 'wrong' });
		expect(response.status).toBe(401);
		expect(response.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
	});

	it('reports missing parameters and unsupported grants', async () => {
		expect((await emulator.lwa({ grant_type: 'refresh_token', ...client })).body.error).toBe('invalid_request');
		expect((await emulator.lwa({ ...client })).body.error_description).toContain('grant_type');
		expect((await emulator.lwa({ grant_type: 'password', ...client })).body.error).toBe('unsupported_grant_type');
	});

	it('issues grantless tokens for known scopes only, without refresh_token', async () => {
		const granted = await emulator.lwa({ grant_type: 'client_credentials', scope: 'sellingpartnerapi::notifications', ...client });
		expect(granted.status).toBe(200);
		expect(granted.body.refresh_token).toBeUndefined();
		const orders = await emulator.call('GET', '/orders/v0/orders/123-1234567-1234567', { token: granted.body.access_token });
		expect(orders.status).toBe(403);
		const bad = await emulator.lwa({ grant_type: 'client_credentials', scope: 'sellingpartnerapi::everything', ...client });
		expect(bad.body.error).toBe('invalid_scope');
	});

	it('exchanges the fixed authorization code for the seller refresh token', async () => {
		const response = await emulator.lwa({ grant_type: 'authorization_code', code: 'emulator-auth-code', redirect_uri: 'https://example.com/cb', ...client });
		expect(response.status).toBe(200);
		expect(response.body.refresh_token).toBe(CREDENTIALS.sellerRefreshToken);
		const wrong = await emulator.lwa({ grant_type: 'authorization_code', code: 'other', redirect_uri: 'https://example.com/cb', ...client });
		expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : code' });
	});

	it('expires access tokens after 3600 s of virtual time with 403 Unauthorized', async () => {
		const { body } = await emulator.lwa({ grant_type: 'refresh_token', refresh_token: CREDENTIALS.sellerRefreshToken, ...client });
		const before = await emulator.call('GET', '/sellers/v1/marketplaceParticipations', { token: body.access_token });
		expect(before.status).toBe(200);
		await emulator.advance(HOUR_MS + 1000);
		const after = await emulator.call('GET', '/sellers/v1/marketplaceParticipations', { token: body.access_token });
		expect(after.status).toBe(403);
		expect(after.body).toEqual({
			errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }],
		});
		expect(after.headers.get('x-amzn-ratelimit-limit')).toBeNull();
		expect(after.headers.get('x-amzn-requestid')).toBeTruthy();
	});
});
