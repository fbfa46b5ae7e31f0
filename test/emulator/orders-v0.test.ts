import { startEmulator, type TestEmulator } from '../../emulator/lib/testClient';

const MINUTE = 60000;
const US = 'ATVPDKIKX0DER';
const DE = 'A1PA6795UKMFR9';

const item = (orderItemId: string, quantityOrdered: number, extra: Record<string, unknown> = {}) => ({
	orderItemId,
	asin: 'B000TEST01',
	sellerSku: `SKU-${orderItemId.slice(-3)}`,
	title: 'Test item',
	quantityOrdered,
	quantityShipped: 0,
	quantityCanceled: 0,
	itemPrice: '20.00',
	itemTax: '1.60',
	shippingPrice: '0.00',
	shippingTax: '0.00',
	promotionDiscount: '0.00',
	isGift: false,
	giftWrapPrice: null,
	giftMessage: null,
	...extra,
});

describe('Orders v0', () => {
	let emulator: TestEmulator;
	let now: () => Promise<number>;
	const iso = (ms: number) => new Date(ms).toISOString();
	const getOrders = (query: Record<string, string | number>) => emulator.call('GET', '/orders/v0/orders', { query });
	const allIds = async (query: Record<string, string | number>) => {
		const ids: string[] = [];
		let nextToken: string | undefined;
		do {
			const response = await getOrders(nextToken ? { MarketplaceIds: query.MarketplaceIds, NextToken: nextToken } : query);
			expect(response.status).toBe(200);
			ids.push(...response.body.payload.Orders.map((order: { AmazonOrderId: string }) => order.AmazonOrderId));
			nextToken = response.body.payload.NextToken;
		} while (nextToken);
		return ids;
	};

	beforeAll(async () => {
		emulator = await startEmulator({ orders: 80, indexLagMs: 0, timeScale: 1000 });
		now = async () => Date.parse((await emulator.inspect('GET', '/state')).now);
	});
	afterAll(async () => await emulator.stop());

	describe('getOrders validation', () => {
		it('requires MarketplaceIds and exactly one of CreatedAfter / LastUpdatedAfter', async () => {
			const after = iso((await now()) - 86400000);
			expect((await getOrders({ CreatedAfter: after })).status).toBe(400);
			expect((await getOrders({ MarketplaceIds: US })).body.errors[0].message).toMatch(/CreatedAfter or LastUpdatedAfter/);
			expect((await getOrders({ MarketplaceIds: US, CreatedAfter: after, LastUpdatedAfter: after })).status).toBe(400);
			expect((await getOrders({ MarketplaceIds: US, CreatedAfter: after, LastUpdatedBefore: iso((await now()) - 10 * MINUTE) })).status).toBe(400);
			expect((await getOrders({ MarketplaceIds: US, CreatedAfter: after, MaxResultsPerPage: 101 })).status).toBe(400);
			expect((await getOrders({ MarketplaceIds: US, CreatedAfter: after, OrderStatuses: 'Lost' })).status).toBe(400);
		});

		it('enforces the 2-minute rule on *Before and rejects future *After', async () => {
			const current = await now();
			const tooRecent = await getOrders({ MarketplaceIds: US, CreatedAfter: iso(current - 86400000), CreatedBefore: iso(current - MINUTE) });
			expect(tooRecent.status).toBe(400);
			expect(tooRecent.body.errors[0]).toMatchObject({
				code: 'InvalidInput',
				message: expect.stringContaining('please provide a date that is at least 2 minutes before current time'),
			});
			expect((await getOrders({ MarketplaceIds: US, LastUpdatedAfter: iso(current - 86400000), LastUpdatedBefore: iso(current - 3 * MINUTE) })).status).toBe(200);
			expect((await getOrders({ MarketplaceIds: US, CreatedAfter: iso(current + 10 * MINUTE) })).status).toBe(400);
		});
	});

	describe('filters and pagination', () => {
		it('filters by status, channel, marketplace and order id', async () => {
			const after = iso((await now()) - 40 * 86400000);
			const unshipped = await getOrders({ MarketplaceIds: `${US},${DE}`, CreatedAfter: after, OrderStatuses: 'Unshipped,PartiallyShipped', FulfillmentChannels: 'MFN' });
			const orders = unshipped.body.payload.Orders;
			expect(orders.length).toBeGreaterThan(0);
			for (const order of orders) {
				expect(['Unshipped', 'PartiallyShipped']).toContain(order.OrderStatus);
				expect(order.FulfillmentChannel).toBe('MFN');
				expect([US, DE]).toContain(order.MarketplaceId);
			}
			const byId = await getOrders({ MarketplaceIds: `${US},${DE}`, CreatedAfter: after, AmazonOrderIds: orders[0].AmazonOrderId });
			expect(byId.body.payload.Orders.map((order: { AmazonOrderId: string }) => order.AmazonOrderId)).toEqual([orders[0].AmazonOrderId]);
		});

		it('pages with URL-safe-only-when-encoded NextTokens and returns every order once', async () => {
			const query = { MarketplaceIds: `${US},${DE},A1F83G8C2ARO7P`, LastUpdatedAfter: iso((await now()) - 40 * 86400000) };
			const single = await getOrders(query);
			const paged = await allIds({ ...query, MaxResultsPerPage: 7 });
			expect(paged).toEqual(single.body.payload.Orders.map((order: { AmazonOrderId: string }) => order.AmazonOrderId));
			expect(new Set(paged).size).toBe(paged.length);
			const dates = single.body.payload.Orders.map((order: { LastUpdateDate: string }) => Date.parse(order.LastUpdateDate));
			expect(dates).toEqual([...dates].sort((a, b) => a - b));
			expect(single.body.payload.LastUpdatedBefore).toBeDefined();

			const first = await getOrders({ ...query, MaxResultsPerPage: 7 });
			const token: string = first.body.payload.NextToken;
			expect(token).toMatch(/[+/=]/);
			const unencoded = await emulator.call('GET', `/orders/v0/orders?MarketplaceIds=${US}&NextToken=${token}`);
			expect(unencoded.status).toBe(400);
		});

		it('shifts later pages when an order is updated while a client pages (clients must overlap)', async () => {
			const query = { MarketplaceIds: US, LastUpdatedAfter: iso((await now()) - 40 * 86400000) };
			const before = await allIds(query);
			const firstPage = await getOrders({ ...query, MaxResultsPerPage: 5 });
			await emulator.inject({ orderId: before[0], status: 'Canceled' });
			const rest = await allIds({ MarketplaceIds: US, NextToken: firstPage.body.payload.NextToken });
			const seen = [...firstPage.body.payload.Orders.map((order: { AmazonOrderId: string }) => order.AmazonOrderId), ...rest];
			expect(seen).not.toContain(before[5]);
			await emulator.advance(3 * MINUTE);
			const overlapping = await allIds(query);
			expect(overlapping).toContain(before[5]);
			expect(overlapping.at(-1)).toBe(before[0]);
		});
	});

	describe('Amazon timing behaviours', () => {
		it('hides late-indexed orders from list queries until visibleAfter', async () => {
			const current = await now();
			const [order] = await emulator.inject({ marketplaceId: US, lastUpdateDate: iso(current - 10 * MINUTE), purchaseDate: iso(current - 10 * MINUTE), visibleAfter: iso(current + 5 * MINUTE) });
			const query = { MarketplaceIds: US, LastUpdatedAfter: iso(current - 60 * MINUTE) };
			expect(await allIds(query)).not.toContain(order.orderId);
			expect((await emulator.call('GET', `/orders/v0/orders/${order.orderId}`)).status).toBe(200);
			await emulator.advance(6 * MINUTE);
			expect(await allIds(query)).toContain(order.orderId);
		});

		it('returns Pending orders without prices or address until they become Unshipped', async () => {
			const current = await now();
			const [order] = await emulator.inject({ marketplaceId: DE, status: 'Pending', pendingUntil: iso(current + 30 * MINUTE), items: [item('10000000000001', 1)] });
			const pending = (await emulator.call('GET', `/orders/v0/orders/${order.orderId}`)).body.payload;
			expect(pending.OrderStatus).toBe('Pending');
			expect(pending.OrderTotal).toBeUndefined();
			expect(pending.ShippingAddress).toBeUndefined();
			const pendingItems = (await emulator.call('GET', `/orders/v0/orders/${order.orderId}/orderItems`)).body.payload.OrderItems;
			expect(pendingItems[0].ItemPrice).toBeUndefined();
			await emulator.advance(31 * MINUTE);
			const settled = (await emulator.call('GET', `/orders/v0/orders/${order.orderId}`)).body.payload;
			expect(settled.OrderStatus).toBe('Unshipped');
			expect(settled.OrderTotal).toEqual({ CurrencyCode: 'EUR', Amount: '20.00' });
			expect(Date.parse(settled.LastUpdateDate)).toBe(Math.floor((current + 30 * MINUTE) / 1000) * 1000);
		});

		it('seeds Pending orders of which some turn Unshipped on their own', async () => {
			const orders = (await emulator.inspect('GET', '/orders')).orders as Array<{ status: string; pendingUntil: string | null }>;
			expect(orders.some((order) => order.status === 'Pending')).toBe(true);
			expect(orders.some((order) => order.pendingUntil)).toBe(true);
		});
	});

	describe('PII and restricted data tokens', () => {
		let orderId: string;
		beforeAll(async () => {
			orderId = (await emulator.inject({ marketplaceId: US, status: 'Unshipped', isBusiness: true }))[0].orderId;
		});
		const rdt = async (path: string, dataElements?: string[]) =>
			(await emulator.call('POST', '/tokens/2021-03-01/restrictedDataToken', { body: { restrictedResources: [{ method: 'GET', path, dataElements }] } })).body.restrictedDataToken as string;

		it('omits address details and buyer name without an RDT', async () => {
			const order = (await emulator.call('GET', `/orders/v0/orders/${orderId}`)).body.payload;
			expect(Object.keys(order.ShippingAddress).sort()).toEqual(['City', 'CountryCode', 'PostalCode', 'StateOrRegion']);
			expect(Object.keys(order.BuyerInfo)).toEqual(['BuyerEmail']);
			const address = (await emulator.call('GET', `/orders/v0/orders/${orderId}/address`)).body.payload;
			expect(address.ShippingAddress.Name).toBeUndefined();
		});

		it('returns PII with an RDT covering the path and data elements', async () => {
			const token = await rdt('/orders/v0/orders/{orderId}', ['buyerInfo', 'shippingAddress']);
			expect(token).toMatch(/^Atz\.sprdt\|/);
			const order = (await emulator.call('GET', `/orders/v0/orders/${orderId}`, { token })).body.payload;
			expect(order.ShippingAddress.Name).toBeTruthy();
			expect(order.ShippingAddress.AddressLine1).toBeTruthy();
			expect(order.BuyerInfo.BuyerName).toBeTruthy();
			const addressOnly = await rdt(`/orders/v0/orders/${orderId}`, ['shippingAddress']);
			const partial = (await emulator.call('GET', `/orders/v0/orders/${orderId}`, { token: addressOnly })).body.payload;
			expect(partial.BuyerInfo.BuyerName).toBeUndefined();
			const address = (await emulator.call('GET', `/orders/v0/orders/${orderId}/address`, { token: await rdt('/orders/v0/orders/{orderId}/address') })).body.payload;
			expect(address.ShippingAddress.Name).toBeTruthy();
			expect(address.BuyerCompanyName).toBeTruthy();
		});

		it('refuses an RDT on a resource it does not cover', async () => {
			const token = await rdt('/orders/v0/orders/{orderId}/address');
			const response = await emulator.call('GET', `/orders/v0/orders/${orderId}/buyerInfo`, { token });
			expect(response.status).toBe(403);
			expect(response.body.errors[0].code).toBe('Unauthorized');
		});

		it('refuses data elements the application has no role for', async () => {
			await emulator.inspect('POST', '/config', { piiRoles: false });
			try {
				const response = await emulator.call('POST', '/tokens/2021-03-01/restrictedDataToken', {
					body: { restrictedResources: [{ method: 'GET', path: '/orders/v0/orders', dataElements: ['shippingAddress', 'buyerInfo'] }] },
				});
				expect(response.status).toBe(400);
				expect(response.body.errors[0].message).toBe('Application does not have access to one or more requested data elements: [buyerInfo, shippingAddress]');
			} finally {
				await emulator.inspect('POST', '/config', { piiRoles: true });
			}
		});

		it('rejects RDT requests without resources or for unrestricted operations', async () => {
			const empty = await emulator.call('POST', '/tokens/2021-03-01/restrictedDataToken', { body: { restrictedResources: [] } });
			expect(empty.body.errors[0]).toMatchObject({ code: 'InvalidRequest', details: 'Resource not provided.' });
			const unrestricted = await emulator.call('POST', '/tokens/2021-03-01/restrictedDataToken', { body: { restrictedResources: [{ method: 'GET', path: '/sellers/v1/account' }] } });
			expect(unrestricted.status).toBe(400);
		});
	});

	it('pages order items with NextToken', async () => {
		await emulator.inspect('POST', '/config', { orderItemsPageSize: 2 });
		try {
			const items = ['20000000000001', '20000000000002', '20000000000003', '20000000000004', '20000000000005'].map((id) => item(id, 1));
			const [order] = await emulator.inject({ marketplaceId: US, items });
			const first = (await emulator.call('GET', `/orders/v0/orders/${order.orderId}/orderItems`)).body.payload;
			expect(first.OrderItems).toHaveLength(2);
			const second = (await emulator.call('GET', `/orders/v0/orders/${order.orderId}/orderItems`, { query: { NextToken: first.NextToken } })).body.payload;
			expect(second.OrderItems.map((entry: { OrderItemId: string }) => entry.OrderItemId)).toEqual(['20000000000003', '20000000000004']);
		} finally {
			await emulator.inspect('POST', '/config', { orderItemsPageSize: 100 });
		}
	});
});
