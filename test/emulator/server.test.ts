import { startEmulator, type TestEmulator } from '../../emulator/lib/testClient';

describe('emulator server', () => {
	let emulator: TestEmulator;
	beforeAll(async () => {
		emulator = await startEmulator({ orders: 20, timeScale: 1000 });
	});
	afterAll(async () => await emulator.stop());

	describe('routing', () => {
		it('answers unknown paths with an Amazon-shaped 404 and a request id', async () => {
			const response = await emulator.call('GET', '/nowhere/v1/things');
			expect(response.status).toBe(404);
			expect(response.body.errors[0].code).toBe('NotFound');
			expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
		});

		it('answers known operations without a handler with 501 NotImplemented', async () => {
			const response = await emulator.call('GET', '/catalog/2022-04-01/items/B07N4M94X4', { query: { marketplaceIds: 'ATVPDKIKX0DER' } });
			expect(response.status).toBe(501);
			expect(response.body.errors[0]).toMatchObject({ code: 'NotImplemented' });
		});

		it('maps the request to `<api>.<operationId>` in the call log', async () => {
			await emulator.call('GET', '/orders/v0/orders/111-0000000-0000001/orderItems');
			const calls = await emulator.calls('ordersV0.getOrderItems');
			expect(calls.log.at(-1)).toMatchObject({ operation: 'ordersV0.getOrderItems', status: 404, partner: 'A1EMULATORSELLER' });
		});

		it('lists the handlers of every loaded module', async () => {
			const state = await emulator.inspect('GET', '/state');
			expect(state.operationsHandled).toEqual(expect.arrayContaining(['ordersV0.getOrders', 'orders.searchOrders', 'tokens.createRestrictedDataToken']));
			expect(state.modulesLoaded).toEqual(expect.arrayContaining(['lwa', 'sellers', 'tokens', 'ordersV0', 'orders2026']));
		});
	});

	describe('authorization', () => {
		it('requires an access token', async () => {
			const response = await emulator.call('GET', '/sellers/v1/marketplaceParticipations', { as: null });
			expect(response.status).toBe(403);
			expect(response.body.errors[0]).toEqual({ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'Access token is missing in the request header.' });
		});

		it('rejects forged tokens', async () => {
			const response = await emulator.call('GET', '/sellers/v1/marketplaceParticipations', { token: 'Atza|forged' });
			expect(response.body.errors[0].details).toBe('The access token you provided is revoked, malformed or invalid.');
		});

		it('denies seller operations to vendor tokens and vice versa', async () => {
			const vendorOnOrders = await emulator.call('GET', '/orders/v0/orders/111-0000000-0000001', { as: 'vendor' });
			expect(vendorOnOrders.status).toBe(403);
			expect(vendorOnOrders.body.errors[0].message).toBe('Access to requested resource is denied.');
			const sellerOnVendor = await emulator.call('GET', '/vendor/orders/v1/purchaseOrders', { as: 'seller' });
			expect(sellerOnVendor.status).toBe(403);
		});
	});

	describe('inspection API', () => {
		it('advances the virtual clock', async () => {
			const before = Date.parse((await emulator.inspect('GET', '/state')).now);
			const result = await emulator.inspect('POST', '/clock', { advanceMinutes: 90 });
			expect(Date.parse(result.now) - before).toBeGreaterThanOrEqual(90 * 60000);
		});

		it('injects new orders and updates existing ones', async () => {
			const [created] = await emulator.inject({ marketplaceId: 'A1PA6795UKMFR9', status: 'Unshipped' });
			expect(created.orderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
			const [updated] = await emulator.inject([{ orderId: created.orderId, status: 'Canceled' }]);
			expect(updated.status).toBe('Canceled');
			expect(Date.parse(updated.lastUpdateDate)).toBeGreaterThanOrEqual(Date.parse(created.lastUpdateDate));
			const generated = await emulator.inject({ generate: 3 });
			expect(generated).toHaveLength(3);
			const fetched = await emulator.inspect('GET', `/orders/${created.orderId}`);
			expect(fetched.status).toBe('Canceled');
		});

		it('records request bodies and queries and can be cleared', async () => {
			await emulator.call('GET', '/sellers/v1/marketplaceParticipations', { query: { probe: 'yes' } });
			const calls = await emulator.calls();
			expect(calls.requests['sellers.getMarketplaceParticipations'].at(-1).query).toEqual({ probe: 'yes' });
			expect(calls.counts['sellers.getMarketplaceParticipations']).toBeGreaterThan(0);
			await emulator.raw('DELETE', '/_emulator/calls');
			expect((await emulator.calls()).total).toBe(0);
		});

		it('resets to the seeded data set and keeps issued tokens', async () => {
			const orderIds = async () => (await emulator.inspect('GET', '/orders')).orders.map((order: { orderId: string }) => order.orderId);
			await emulator.inspect('POST', '/reset', {});
			const first = await orderIds();
			await emulator.inject({ generate: 5 });
			await emulator.inspect('POST', '/reset', {});
			expect(await orderIds()).toEqual(first);
			expect(first).toHaveLength(20);
			expect((await emulator.call('GET', '/sellers/v1/marketplaceParticipations')).status).toBe(200);
		});
	});

	describe('fault injection', () => {
		afterEach(async () => await emulator.raw('DELETE', '/_emulator/faults'));

		it('plays scripted sequences per operation', async () => {
			await emulator.setFaults('sellers.getMarketplaceParticipations:429,503,500,ok');
			const statuses = [];
			for (let call = 0; call < 5; call++) statuses.push((await emulator.call('GET', '/sellers/v1/marketplaceParticipations')).status);
			expect(statuses).toEqual([429, 503, 500, 200, 200]);
			const calls = await emulator.calls('sellers.getMarketplaceParticipations');
			expect(calls.log.slice(-5).map((entry: { fault?: string }) => entry.fault)).toEqual(['429', '503', '500', 'ok', undefined]);
		});

		it('injects slow responses', async () => {
			await emulator.setFaults('sellers.*:delay=300');
			const started = Date.now();
			expect((await emulator.call('GET', '/sellers/v1/account')).status).toBe(200);
			expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		});

		it('drops connections', async () => {
			await emulator.setFaults('sellers.getAccount:drop');
			await expect(emulator.call('GET', '/sellers/v1/account')).rejects.toThrow();
			expect((await emulator.call('GET', '/sellers/v1/account')).status).toBe(200);
		});

		it('expires the caller\'s token', async () => {
			const token = await emulator.token('seller');
			await emulator.setFaults('sellers.getAccount:expired');
			const response = await emulator.call('GET', '/sellers/v1/account', { token });
			expect(response.status).toBe(403);
			expect(response.body.errors[0].details).toBe('The access token you provided has expired.');
			expect((await emulator.call('GET', '/sellers/v1/account', { token })).status).toBe(403);
			emulator.forgetTokens();
		});

		it('applies probabilities with the seeded rng', async () => {
			await emulator.setFaults('sellers.getAccount:p=0.5:503');
			const statuses = [];
			for (let call = 0; call < 40; call++) statuses.push((await emulator.call('GET', '/sellers/v1/account')).status);
			const failures = statuses.filter((status) => status === 503).length;
			expect(failures).toBeGreaterThan(5);
			expect(failures).toBeLessThan(35);
		});

		it('answers LWA faults in the OAuth error shape', async () => {
			await emulator.setFaults('lwa.token:503');
			emulator.forgetTokens();
			await expect(emulator.token('seller')).rejects.toThrow(/temporarily_unavailable/);
		});

		it('rejects malformed specs', async () => {
			const result = await emulator.inspect('POST', '/faults', { spec: 'sellers.getAccount:teapot' });
			expect(result.error).toMatch(/Unknown fault action/);
		});
	});
});
