import { startEmulator, type TestEmulator } from '../../emulator/lib/testClient';

const MINUTE = 60000;
const DAY = 86400000;

describe('Orders v2026-01-01', () => {
	let emulator: TestEmulator;
	let now: () => Promise<number>;
	const iso = (ms: number) => new Date(ms).toISOString();
	const search = (query: Record<string, string | number>) => emulator.call('GET', '/orders/2026-01-01/orders', { query });

	beforeAll(async () => {
		emulator = await startEmulator({ orders: 80, indexLagMs: 0, timeScale: 1000 });
		now = async () => Date.parse((await emulator.inspect('GET', '/state')).now);
	});
	afterAll(async () => await emulator.stop());

	it('requires exactly one of createdAfter / lastUpdatedAfter and applies the 2-minute rule', async () => {
		const current = await now();
		expect((await search({})).status).toBe(400);
		expect((await search({ createdAfter: iso(current - DAY), lastUpdatedAfter: iso(current - DAY) })).status).toBe(400);
		const recent = await search({ createdAfter: iso(current - DAY), createdBefore: iso(current - 30000) });
		expect(recent.status).toBe(400);
		expect(recent.body.errors[0].message).toMatch(/at least 2 minutes before current time/);
		expect((await search({ lastUpdatedAfter: iso(current + MINUTE) })).status).toBe(400);
		expect((await search({ createdAfter: iso(current - DAY), fulfilledBy: 'ROBOTS' })).status).toBe(400);
		expect((await search({ createdAfter: iso(current - DAY), includedData: 'EVERYTHING' })).status).toBe(400);
	});

	it('filters by fulfillment status, fulfilledBy and marketplace, always embedding items', async () => {
		const response = await search({ createdAfter: iso((await now()) - 40 * DAY), fulfillmentStatuses: 'UNSHIPPED,SHIPPED', fulfilledBy: 'MERCHANT', includedData: 'FULFILLMENT' });
		expect(response.status).toBe(200);
		expect(response.body.orders.length).toBeGreaterThan(0);
		for (const order of response.body.orders) {
			expect(['UNSHIPPED', 'SHIPPED']).toContain(order.fulfillment.fulfillmentStatus);
			expect(order.fulfillment.fulfilledBy).toBe('MERCHANT');
			expect(order.orderItems.length).toBeGreaterThan(0);
		}
		const japan = await search({ createdAfter: iso((await now()) - 40 * DAY), marketplaceIds: 'A1VC38T7YXB528' });
		expect(japan.body.orders.every((order: { salesChannel: { marketplaceId: string } }) => order.salesChannel.marketplaceId === 'A1VC38T7YXB528')).toBe(true);
	});

	it('maps Prime and business orders to programs', async () => {
		const [order] = await emulator.inject({ marketplaceId: 'ATVPDKIKX0DER', isPrime: true, isBusiness: true, status: 'Unshipped' });
		const response = await emulator.call('GET', `/orders/2026-01-01/orders/${order.orderId}`, { query: { includedData: 'BUYER' } });
		expect(response.body.order.programs).toEqual(expect.arrayContaining(['PRIME', 'AMAZON_BUSINESS']));
		expect(response.body.order.buyer.buyerCompanyName).toBeTruthy();
	});

	it('returns buyer and recipient only when requested via includedData', async () => {
		const [order] = await emulator.inject({ marketplaceId: 'A1PA6795UKMFR9', status: 'Unshipped' });
		const bare = (await emulator.call('GET', `/orders/2026-01-01/orders/${order.orderId}`)).body.order;
		expect(bare.buyer).toBeUndefined();
		expect(bare.recipient).toBeUndefined();
		const full = (await emulator.call('GET', `/orders/2026-01-01/orders/${order.orderId}`, { query: { includedData: 'BUYER,RECIPIENT,PROCEEDS' } })).body.order;
		expect(full.buyer.buyerName).toBeTruthy();
		expect(full.recipient.deliveryAddress.addressLine1).toBeTruthy();
		expect(full.proceeds.grandTotal.currencyCode).toBe('EUR');
	});

	it('denies BUYER/RECIPIENT without the roles', async () => {
		await emulator.inspect('POST', '/config', { piiRoles: false });
		try {
			const response = await search({ createdAfter: iso((await now()) - DAY), includedData: 'RECIPIENT' });
			expect(response.status).toBe(403);
			expect(response.body.errors[0].code).toBe('AccessDenied');
		} finally {
			await emulator.inspect('POST', '/config', { piiRoles: true });
		}
	});

	it('pages with paginationToken, which expires after 24 h', async () => {
		const query = { lastUpdatedAfter: iso((await now()) - 40 * DAY) };
		const all = (await search(query)).body.orders.map((order: { orderId: string }) => order.orderId);
		const ids: string[] = [];
		let token: string | undefined;
		do {
			const page = await search(token ? { ...query, paginationToken: token, maxResultsPerPage: 9 } : { ...query, maxResultsPerPage: 9 });
			expect(page.status).toBe(200);
			ids.push(...page.body.orders.map((order: { orderId: string }) => order.orderId));
			token = page.body.pagination && page.body.pagination.nextToken;
		} while (token);
		expect(ids).toEqual(all);

		await emulator.advance(10000); // refill the searchOrders bucket (5.6 rps at time scale 1000)
		const first = await search({ ...query, maxResultsPerPage: 5 });
		const mismatched = await search({ lastUpdatedAfter: iso((await now()) - DAY), paginationToken: first.body.pagination.nextToken });
		expect(mismatched.status).toBe(400);
		await emulator.advance(DAY + MINUTE);
		emulator.forgetTokens(); // the access token expired too
		const expired = await search({ paginationToken: first.body.pagination.nextToken });
		expect(expired.status).toBe(400);
		expect(expired.body.errors[0].message).toMatch(/expired/);
	});

	it('omits prices for PENDING orders', async () => {
		const [order] = await emulator.inject({ marketplaceId: 'ATVPDKIKX0DER', status: 'Pending', pendingUntil: null });
		const response = (await emulator.call('GET', `/orders/2026-01-01/orders/${order.orderId}`, { query: { includedData: 'PROCEEDS,FULFILLMENT' } })).body.order;
		expect(response.fulfillment.fulfillmentStatus).toBe('PENDING');
		expect(response.proceeds).toBeUndefined();
		expect(response.orderItems[0].product.price).toBeUndefined();
	});
});
