import { LOCAL_RATE_LIMIT_CODE, SpApiError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { RateLimiter } from '../../../nodes/AmazonSpApi/core/http/limiter';
import type { OperationCall } from '../../../nodes/AmazonSpApi/core/types';
import {
	amazonError,
	jsonResponse,
	lwaTokens,
	quotaExceeded,
	ScriptedHttp,
} from '../../helpers/scriptedHttp';
import { createTestClient, rejectionOf } from '../../helpers/spApiClient';
import { VirtualClock } from '../../helpers/virtualClock';

const key = { partnerKey: 'p1', region: 'na', operation: 'feeds.getFeed' };
const plan = { rate: 2, burst: 3 };

const getFeed: OperationCall = { operation: 'feeds.getFeed', method: 'GET', path: '/feeds/2021-06-30/feeds/1' };
const createFeed: OperationCall = {
	operation: 'feeds.createFeed',
	method: 'POST',
	path: '/feeds/2021-06-30/feeds',
	body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: ['ATVPDKIKX0DER'], inputFeedDocumentId: 'doc' },
};

function scripted(route: string, ...responses: Parameters<ScriptedHttp['route']>[1][]): ScriptedHttp {
	return new ScriptedHttp().route('POST /auth/o2/token', lwaTokens()).route(route, ...responses);
}

describe('token bucket', () => {
	// Rate 2/s: one token per 500 ms plus the safety margin (2% of it: 10 ms).
	it('starts full (burst), then restores at the plan rate plus the safety margin', async () => {
		const clock = new VirtualClock();
		const limiter = new RateLimiter({ clock });
		for (let i = 0; i < 3; i++) expect(await limiter.acquire(key, plan)).toBe(0);
		expect(limiter.estimateWaitMs(key, plan)).toBe(510);
		expect(await limiter.acquire(key, plan)).toBe(510);
		expect(await limiter.acquire(key, plan)).toBe(510);
		expect(clock.sleeps).toEqual([510, 510]);
		clock.advance(10_000);
		expect(limiter.estimateWaitMs(key, plan)).toBe(0);
		for (let i = 0; i < 3; i++) expect(await limiter.acquire(key, plan)).toBe(0);
		expect(limiter.estimateWaitMs(key, plan)).toBe(510);
	});

	it('keeps separate buckets per partner, region and operation', async () => {
		const limiter = new RateLimiter({ clock: new VirtualClock() });
		for (let i = 0; i < 3; i++) await limiter.acquire(key, plan);
		expect(limiter.estimateWaitMs({ ...key, partnerKey: 'p2' }, plan)).toBe(0);
		expect(limiter.estimateWaitMs({ ...key, region: 'eu' }, plan)).toBe(0);
		expect(limiter.estimateWaitMs({ ...key, operation: 'feeds.getFeeds' }, plan)).toBe(0);
	});

	it('queues concurrent callers fairly (reservations)', async () => {
		const frozen = { now: () => 0, sleep: async () => {} };
		const limiter = new RateLimiter({ clock: frozen });
		const waits = await Promise.all(Array.from({ length: 5 }, async () => await limiter.acquire(key, plan)));
		expect(waits).toEqual([0, 0, 0, 510, 1020]);
	});

	it('refuses without taking a token when the wait exceeds maxWaitMs', async () => {
		const limiter = new RateLimiter({ clock: new VirtualClock() });
		for (let i = 0; i < 3; i++) await limiter.acquire(key, plan);
		const error = (await rejectionOf(limiter.acquire(key, plan, 100))) as SpApiError;
		expect(error).toMatchObject({ kind: 'throttled', code: LOCAL_RATE_LIMIT_CODE, retryAfterMs: 510 });
		expect(limiter.estimateWaitMs(key, plan)).toBe(510);
		expect(await limiter.acquire(key, plan, 510)).toBe(510);
	});

	it('adapts to x-amzn-RateLimit-Limit from responses', async () => {
		const http = scripted(
			'GET /catalog/2022-04-01/items/B000',
			jsonResponse(200, {}, { 'x-amzn-ratelimit-limit': '5.0' }),
		);
		const { client, limiter, clock } = createTestClient({ http });
		const call: OperationCall = { operation: 'catalogItems.getCatalogItem', method: 'GET', path: '/catalog/2022-04-01/items/B000' };
		const response = await client.request(call);
		expect(response.rateLimit).toBe(5);
		await client.request(call);
		await client.request(call);
		const catalogKey = { partnerKey: client.partnerKey, region: 'na', operation: call.operation };
		expect(limiter.currentRate(catalogKey, { rate: 2, burst: 2 })).toBe(5);
		expect(clock.sleeps).toEqual([204]); // 200 ms at 5/s, plus the 2% margin (under 25 ms)
	});
});

describe('client retries', () => {
	it('backs off exponentially on 429 (the rate halves, the bucket pauses one new interval) and gives up after 3 retries', async () => {
		const http = scripted('GET /feeds/2021-06-30/feeds/1', quotaExceeded());
		const { client, clock } = createTestClient({ http });
		const error = (await rejectionOf(client.request(getFeed))) as SpApiError;
		expect(http.count('GET /feeds/2021-06-30/feeds/1')).toBe(4);
		expect(clock.sleeps).toEqual([1000, 2000, 4000]);
		expect(error).toBeInstanceOf(SpApiError);
		expect(error).toMatchObject({ kind: 'throttled', status: 429, code: 'QuotaExceeded', operation: 'feeds.getFeed', retryAfterMs: 1000 });
		expect(error.message).toBe(
			'Amazon throttled feeds.getFeed (HTTP 429 QuotaExceeded) 4 times in a row. Its usage plan restores 2 requests per second (burst 15); wait at least 1 s before calling it again',
		);
		expect(error.hint).toMatch(/shares this limit/);
	});

	it('retries a 429 for writes too (Amazon did not process it) and succeeds', async () => {
		const http = scripted('POST /feeds/2021-06-30/feeds', quotaExceeded(), jsonResponse(202, { feedId: '3485934' }));
		const { client, clock } = createTestClient({ http });
		const response = await client.request<{ feedId: string }>(createFeed);
		expect(response.data.feedId).toBe('3485934');
		expect(http.count('POST /feeds/2021-06-30/feeds')).toBe(2);
		expect(clock.sleeps[0]).toBeGreaterThan(100_000);
	});

	it('never re-sends a write after a 5xx or a network error', async () => {
		for (const failure of [amazonError(500, 'InternalFailure', 'We encountered an internal error.'), new Error('ECONNRESET')]) {
			const http = scripted('POST /feeds/2021-06-30/feeds', failure);
			const { client } = createTestClient({ http });
			const error = (await rejectionOf(client.request({ ...createFeed, idempotent: true }))) as SpApiError;
			expect(http.count('POST /feeds/2021-06-30/feeds')).toBe(1);
			expect(error).toBeInstanceOf(SpApiError);
			if (error.kind === 'api') expect(error.hint).toMatch(/not retried automatically/);
			else expect(error.kind).toBe('network');
		}
	});

	it('does not retry other POST/PATCH calls on 5xx unless marked idempotent', async () => {
		const path = '/listings/2021-08-01/items/A1/SKU1';
		const call: OperationCall = { operation: 'listingsItems.patchListingsItem', method: 'PATCH', path, body: {} };
		const http = scripted(`PATCH ${path}`, amazonError(503, 'ServiceUnavailable', 'Service temporarily unavailable.'));
		const { client } = createTestClient({ http });
		await rejectionOf(client.request(call));
		expect(http.count(`PATCH ${path}`)).toBe(1);
		await rejectionOf(client.request({ ...call, idempotent: true }));
		expect(http.count(`PATCH ${path}`)).toBe(4);
	});

	it('retries reads on 5xx and network errors, bounded (2 retries)', async () => {
		const http = scripted('GET /feeds/2021-06-30/feeds/1', amazonError(503, 'ServiceUnavailable', 'Service temporarily unavailable.'));
		const { client, clock } = createTestClient({ http });
		const error = (await rejectionOf(client.request(getFeed))) as SpApiError;
		expect(http.count('GET /feeds/2021-06-30/feeds/1')).toBe(3);
		expect(clock.sleeps).toEqual([1000, 2000]);
		expect(error).toMatchObject({ kind: 'api', status: 503, code: 'ServiceUnavailable', requestId: 'req-503' });

		const recovering = scripted('GET /feeds/2021-06-30/feeds/1', new Error('socket hang up'), jsonResponse(200, { feedId: '1' }));
		const second = createTestClient({ http: recovering });
		expect((await second.client.request(getFeed)).data).toEqual({ feedId: '1' });
	});

	it('refuses to wait longer than maxWaitMs and sends nothing', async () => {
		const path = '/orders/2026-01-01/orders';
		const http = scripted(`GET ${path}`, jsonResponse(200, { orders: [] }));
		const { client } = createTestClient({ http });
		const call: OperationCall = { operation: 'orders.searchOrders', method: 'GET', path };
		for (let i = 0; i < 20; i++) await client.request(call);
		const error = (await rejectionOf(client.request({ ...call, maxWaitMs: 60_000 }))) as SpApiError;
		expect(error).toMatchObject({ kind: 'throttled', code: LOCAL_RATE_LIMIT_CODE, operation: 'orders.searchOrders' });
		expect(error.retryAfterMs).toBeGreaterThan(170_000);
		expect(error.retryAfterMs).toBeLessThan(190_000);
		expect(http.count(`GET ${path}`)).toBe(20);
	});

	it('counts maxWaitMs from the start of the call, so a retry after a 429 waits only for what is left', async () => {
		// getFeed: 2/s, burst 15. After the burst the call waits ~510 ms, gets a 429, and its retry would wait ~1,000 ms
		// more (rate halved, bucket paused): within 1,400 ms on its own, but not within what is left of the call's 1,400.
		const ok = jsonResponse(200, { feedId: '1' });
		const http = scripted('GET /feeds/2021-06-30/feeds/1', ...Array(15).fill(ok), quotaExceeded(), ok);
		const { client, clock } = createTestClient({ http });
		for (let i = 0; i < 15; i++) await client.request(getFeed);
		const started = clock.now();
		const error = (await rejectionOf(client.request({ ...getFeed, maxWaitMs: 1400 }))) as SpApiError;
		expect(error).toMatchObject({ kind: 'throttled', code: LOCAL_RATE_LIMIT_CODE });
		expect(clock.now() - started).toBeLessThanOrEqual(1400);
		expect(http.count('GET /feeds/2021-06-30/feeds/1')).toBe(16);
	});
});
