import { extractNextToken, paginate } from '../../../nodes/AmazonSpApi/core/http/pagination';
import type { OperationCall } from '../../../nodes/AmazonSpApi/core/types';
import { jsonResponse, lwaTokens, ScriptedHttp } from '../../helpers/scriptedHttp';
import { createTestClient } from '../../helpers/spApiClient';

type Pages = Record<string, unknown>;

/** Serves `pages[token ?? '']` for the query parameter `parameter`. */
function pagedHttp(path: string, parameter: string, pages: Pages): ScriptedHttp {
	return new ScriptedHttp().route('POST /auth/o2/token', lwaTokens()).route(`GET ${path}`, (request) => {
		const token = new URL(request.url).searchParams.get(parameter) ?? '';
		return jsonResponse(200, pages[token]);
	});
}

function queries(http: ScriptedHttp, path: string): Array<Record<string, string>> {
	return http.requests
		.filter((request) => request.url.includes(path))
		.map((request) => Object.fromEntries(new URL(request.url).searchParams));
}

describe('next-token extraction', () => {
	it.each([
		['v0', { payload: { Orders: [], NextToken: 'a+b/=' } }, 'a+b/='],
		['v0', { Orders: [], NextToken: 'unwrapped' }, 'unwrapped'],
		['nextTokenOnly', { feeds: [], nextToken: 'n1' }, 'n1'],
		['v2026', { orders: [], pagination: { nextToken: 'p1' } }, 'p1'],
		['vendor', { payload: { pagination: { nextToken: 'v1' }, orders: [] } }, 'v1'],
		['vendorDirect', { pagination: { nextToken: 'd1' }, orders: [] }, 'd1'],
		['v2026', { orders: [], pagination: {} }, undefined],
		['v0', { payload: { NextToken: '' } }, undefined],
	] as const)('%s: %j → %s', (style, data, token) => {
		expect(extractNextToken(style, data)).toBe(token);
	});
});

describe('paginate', () => {
	const v0Path = '/orders/v0/orders';
	const v0Call: OperationCall = {
		operation: 'ordersV0.getOrders',
		method: 'GET',
		path: v0Path,
		query: { MarketplaceIds: ['ATVPDKIKX0DER'], LastUpdatedAfter: '2026-11-01T00:00:00Z' },
		unwrapPayload: true,
	};
	const v0Pages: Pages = {
		'': { payload: { Orders: [{ id: 1 }, { id: 2 }], NextToken: 'tok+1/=' } },
		'tok+1/=': { payload: { Orders: [{ id: 3 }, { id: 4 }], NextToken: 'tok2' } },
		tok2: { payload: { Orders: [{ id: 5 }] } },
	};
	const orders = (data: unknown) => (data as { Orders: unknown[] }).Orders;

	it('v0: follows payload.NextToken, repeating the other parameters, encoded', async () => {
		const http = pagedHttp(v0Path, 'NextToken', v0Pages);
		const { client } = createTestClient({ http });
		const pager = paginate(client, v0Call, { style: 'v0', items: orders });
		expect(await pager.collect()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }]);
		expect(pager.result).toEqual({ pages: 3, items: 5, stoppedEarly: false, limitReached: false });
		expect(queries(http, v0Path)[1]).toEqual({
			MarketplaceIds: 'ATVPDKIKX0DER',
			LastUpdatedAfter: '2026-11-01T00:00:00Z',
			NextToken: 'tok+1/=',
		});
		expect(http.requests[2].url).toContain('NextToken=tok%2B1%2F%3D');
	});

	it('feeds/reports: nextToken is the only query parameter', async () => {
		const path = '/reports/2021-06-30/reports';
		const http = pagedHttp(path, 'nextToken', {
			'': { reports: [{ id: 'r1' }], nextToken: 'n2' },
			n2: { reports: [{ id: 'r2' }] },
		});
		const { client } = createTestClient({ http });
		const call: OperationCall = { operation: 'reports.getReports', method: 'GET', path, query: { reportTypes: ['GET_MERCHANT_LISTINGS_ALL_DATA'], pageSize: 100 } };
		const items = await paginate(client, call, { style: 'nextTokenOnly', items: (data) => (data as { reports: unknown[] }).reports }).collect();
		expect(items).toEqual([{ id: 'r1' }, { id: 'r2' }]);
		expect(queries(http, path)).toEqual([{ reportTypes: 'GET_MERCHANT_LISTINGS_ALL_DATA', pageSize: '100' }, { nextToken: 'n2' }]);
	});

	it('v2026: pagination.nextToken is sent back as paginationToken', async () => {
		const path = '/orders/2026-01-01/orders';
		const http = pagedHttp(path, 'paginationToken', {
			'': { orders: [{ orderId: 'a' }], pagination: { nextToken: 'p2' } },
			p2: { orders: [{ orderId: 'b' }] },
		});
		const { client } = createTestClient({ http });
		const call: OperationCall = { operation: 'orders.searchOrders', method: 'GET', path, query: { lastUpdatedAfter: '2026-11-01T00:00:00Z' } };
		const items = await paginate(client, call, { style: 'v2026', items: (data) => (data as { orders: unknown[] }).orders }).collect();
		expect(items).toHaveLength(2);
		expect(queries(http, path)[1]).toEqual({ lastUpdatedAfter: '2026-11-01T00:00:00Z', paginationToken: 'p2' });
	});

	it('vendor: payload.pagination.nextToken is sent back as nextToken', async () => {
		const path = '/vendor/orders/v1/purchaseOrders';
		const http = pagedHttp(path, 'nextToken', {
			'': { payload: { pagination: { nextToken: 'v2' }, orders: [{ purchaseOrderNumber: '1' }] } },
			v2: { payload: { orders: [{ purchaseOrderNumber: '2' }] } },
		});
		const { client } = createTestClient({ http });
		const call: OperationCall = { operation: 'vendorOrders.getPurchaseOrders', method: 'GET', path, query: { limit: 1 } };
		const pager = paginate(client, call, { style: 'vendor', items: (data) => (data as { payload: { orders: unknown[] } }).payload.orders });
		const pageNumbers: number[] = [];
		for await (const page of pager) pageNumbers.push(page.pageNumber);
		expect(pageNumbers).toEqual([1, 2]);
		expect(queries(http, path)[1]).toEqual({ limit: '1', nextToken: 'v2' });
	});

	it('returnAll false: stops at the limit without fetching more pages', async () => {
		const http = pagedHttp(v0Path, 'NextToken', v0Pages);
		const { client } = createTestClient({ http });
		const pager = paginate(client, v0Call, { style: 'v0', items: orders, returnAll: false, limit: 3 });
		expect(await pager.collect()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
		expect(pager.result).toMatchObject({ pages: 2, items: 3, limitReached: true, stoppedEarly: false });
		expect(queries(http, v0Path)).toHaveLength(2);
	});

	it('budget maxPages: stops early and reports the token to resume from', async () => {
		const http = pagedHttp(v0Path, 'NextToken', v0Pages);
		const { client } = createTestClient({ http });
		const first = paginate(client, v0Call, { style: 'v0', items: orders, budget: { maxPages: 1 } });
		expect(await first.collect()).toHaveLength(2);
		expect(first.result).toMatchObject({ stoppedEarly: true, resumeToken: 'tok+1/=', pages: 1 });

		const resumed = paginate(client, v0Call, { style: 'v0', items: orders, resumeToken: first.result.resumeToken });
		expect(await resumed.collect()).toEqual([{ id: 3 }, { id: 4 }, { id: 5 }]);
		expect(resumed.result.stoppedEarly).toBe(false);
	});

	it('budget deadline: no page starts after it, and no rate-limit wait runs past it', async () => {
		const http = pagedHttp(v0Path, 'NextToken', v0Pages);
		const { client, clock } = createTestClient({ http });
		// getOrders allows 20 calls at once, then one per 60 s: drain the burst first.
		for (let i = 0; i < 19; i++) await client.request({ ...v0Call, query: { ...v0Call.query, probe: i } });
		const pager = paginate(client, v0Call, { style: 'v0', items: orders, budget: { deadline: clock.now() + 30_000 } });
		expect(await pager.collect()).toHaveLength(2);
		expect(pager.result).toMatchObject({ stoppedEarly: true, resumeToken: 'tok+1/=', pages: 1 });
		expect(clock.sleeps).toEqual([]);

		const later = paginate(client, v0Call, { style: 'v0', items: orders, resumeToken: 'tok2', budget: { deadline: clock.now() - 1 } });
		expect(await later.collect()).toEqual([]);
		expect(later.result).toMatchObject({ stoppedEarly: true, resumeToken: 'tok2', pages: 0 });
	});
});
