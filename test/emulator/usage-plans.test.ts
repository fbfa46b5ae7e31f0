import { startEmulator, type TestEmulator } from '../../emulator/lib/testClient';
import { RATE_TABLE } from '../../emulator/lib/rateTable';

const participations = '/sellers/v1/marketplaceParticipations';

async function drain(emulator: TestEmulator, path: string, calls: number) {
	const responses = [];
	for (let call = 0; call < calls; call++) responses.push(await emulator.call('GET', path));
	return responses;
}

describe('usage plans', () => {
	it('keeps REFERENCE §15 rates in one table', () => {
		expect(RATE_TABLE['ordersV0.getOrders']).toEqual([0.0167, 20]);
		expect(RATE_TABLE['orders.searchOrders']).toEqual([0.0056, 20]);
		expect(RATE_TABLE['feeds.createFeed']).toEqual([0.0083, 15]);
	});

	describe('at time scale 1', () => {
		let emulator: TestEmulator;
		beforeAll(async () => {
			emulator = await startEmulator({ orders: 3 });
		});
		afterAll(async () => await emulator.stop());

		it('serves the burst, then throttles with QuotaExceeded and no rate header', async () => {
			const responses = await drain(emulator, participations, 16);
			expect(responses.slice(0, 15).every((response) => response.status === 200)).toBe(true);
			expect(responses[0].headers.get('x-amzn-ratelimit-limit')).toBe('0.016');
			const throttled = responses[15];
			expect(throttled.status).toBe(429);
			expect(throttled.body).toEqual({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }] });
			expect(throttled.headers.get('x-amzn-ratelimit-limit')).toBeNull();
			expect(throttled.headers.get('x-amzn-requestid')).toBeTruthy();
			const calls = await emulator.calls('sellers.getMarketplaceParticipations');
			expect(calls.throttled['sellers.getMarketplaceParticipations']).toBe(1);
		});

		it('refills at the plan rate as virtual time passes', async () => {
			await emulator.advance(63 * 1000); // 0.016 rps -> one token per 62.5 s
			expect((await emulator.call('GET', participations)).status).toBe(200);
			expect((await emulator.call('GET', participations)).status).toBe(429);
		});

		it('keeps one bucket per operation', async () => {
			expect((await emulator.call('GET', '/sellers/v1/account')).status).toBe(200);
			const otherOperation = await emulator.call('GET', '/orders/v0/orders/111-0000000-0000000');
			expect(otherOperation.status).toBe(404);
			expect(otherOperation.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
		});

		it('sends the rate header on 400 responses', async () => {
			const invalid = await emulator.call('GET', '/orders/v0/orders', { query: { MarketplaceIds: 'ATVPDKIKX0DER' } });
			expect(invalid.status).toBe(400);
			expect(invalid.headers.get('x-amzn-ratelimit-limit')).toBe('0.0167');
		});

		it('never sends it on 403', async () => {
			const denied = await emulator.call('GET', participations, { token: 'Atza|forged' });
			expect(denied.status).toBe(403);
			expect(denied.headers.get('x-amzn-ratelimit-limit')).toBeNull();
		});
	});

	it('multiplies rates by the time scale and reports the scaled rate', async () => {
		const emulator = await startEmulator({ orders: 3, timeScale: 60 });
		try {
			const responses = await drain(emulator, participations, 16);
			expect(responses[0].headers.get('x-amzn-ratelimit-limit')).toBe('0.96');
			expect(responses[15].status).toBe(429);
			await emulator.advance(1100); // 0.96 rps -> one token after ~1.04 s
			expect((await emulator.call('GET', participations)).status).toBe(200);
		} finally {
			await emulator.stop();
		}
	});
});
