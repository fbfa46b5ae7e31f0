import { validateResponse } from '../../emulator/lib/validate';
import { startEmulator, type TestEmulator, type EmulatorResponse } from '../../emulator/lib/testClient';

const V0 = 'ordersV0.json';
const V2026 = 'orders_2026-01-01.json';
const ALL_INCLUDED = 'BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,TAX,PAYMENT,FULFILLMENT_ORDERS';

describe('part A conformance: every response validates against Amazon\'s models', () => {
	let emulator: TestEmulator;
	let orderIds: string[];
	const problems: string[] = [];
	const check = (model: string, operationId: string, response: EmulatorResponse, label = '') => {
		const errors = validateResponse(model, operationId, response.status, response.status === 204 ? undefined : response.body);
		if (errors.length) problems.push(`${operationId} ${response.status} ${label}: ${errors.slice(0, 3).join('; ')}`);
		return response;
	};

	beforeAll(async () => {
		emulator = await startEmulator({ orders: 120, indexLagMs: 0, timeScale: 100000 });
		orderIds = (await emulator.inspect('GET', '/orders')).orders.map((order: { orderId: string }) => order.orderId);
	});
	afterAll(async () => await emulator.stop());
	afterEach(() => {
		expect(problems).toEqual([]);
		problems.length = 0;
	});

	it('sellers and tokens', async () => {
		check('sellers.json', 'getMarketplaceParticipations', await emulator.call('GET', '/sellers/v1/marketplaceParticipations'));
		check('sellers.json', 'getAccount', await emulator.call('GET', '/sellers/v1/account'));
		const resources = [{ method: 'GET', path: '/orders/v0/orders', dataElements: ['buyerInfo', 'shippingAddress'] }];
		check('tokens_2021-03-01.json', 'createRestrictedDataToken', await emulator.call('POST', '/tokens/2021-03-01/restrictedDataToken', { body: { restrictedResources: resources } }));
		check('tokens_2021-03-01.json', 'createRestrictedDataToken', await emulator.call('POST', '/tokens/2021-03-01/restrictedDataToken', { body: {} }));
	});

	it('ordersV0 reads for every seeded order, with and without an RDT', async () => {
		const rdt = (
			await emulator.call('POST', '/tokens/2021-03-01/restrictedDataToken', {
				body: {
					restrictedResources: [
						{ method: 'GET', path: '/orders/v0/orders', dataElements: ['buyerInfo', 'shippingAddress'] },
						{ method: 'GET', path: '/orders/v0/orders/{orderId}', dataElements: ['buyerInfo', 'shippingAddress'] },
						{ method: 'GET', path: '/orders/v0/orders/{orderId}/orderItems', dataElements: ['buyerInfo'] },
						{ method: 'GET', path: '/orders/v0/orders/{orderId}/address' },
						{ method: 'GET', path: '/orders/v0/orders/{orderId}/buyerInfo' },
						{ method: 'GET', path: '/orders/v0/orders/{orderId}/orderItems/buyerInfo' },
					],
				},
			})
		).body.restrictedDataToken;
		const marketplaces = 'ATVPDKIKX0DER,A2EUQ1WTGCTBG2,A1PA6795UKMFR9,A1F83G8C2ARO7P,A13V1IB3VIYZZH,APJ6JRA9NG5V4,A1RKKUPIHCS9HS,A1VC38T7YXB528,A39IBJ37TRP1C6';
		const after = new Date(Date.now() - 40 * 86400000).toISOString();
		for (const token of [undefined, rdt]) {
			const list = check(V0, 'getOrders', await emulator.call('GET', '/orders/v0/orders', { token, query: { MarketplaceIds: marketplaces, CreatedAfter: after } }));
			expect(list.body.payload.Orders).toHaveLength(100);
			for (const orderId of orderIds) {
				check(V0, 'getOrder', await emulator.call('GET', `/orders/v0/orders/${orderId}`, { token }), orderId);
				check(V0, 'getOrderItems', await emulator.call('GET', `/orders/v0/orders/${orderId}/orderItems`, { token }), orderId);
				check(V0, 'getOrderAddress', await emulator.call('GET', `/orders/v0/orders/${orderId}/address`, { token }), orderId);
				check(V0, 'getOrderBuyerInfo', await emulator.call('GET', `/orders/v0/orders/${orderId}/buyerInfo`, { token }), orderId);
				check(V0, 'getOrderItemsBuyerInfo', await emulator.call('GET', `/orders/v0/orders/${orderId}/orderItems/buyerInfo`, { token }), orderId);
			}
		}
	});

	it('orders v2026 for every seeded order with all included data', async () => {
		const page = check(V2026, 'searchOrders', await emulator.call('GET', '/orders/2026-01-01/orders', { query: { createdAfter: new Date(Date.now() - 40 * 86400000).toISOString(), includedData: ALL_INCLUDED, maxResultsPerPage: 50 } }));
		expect(page.body.pagination.nextToken).toBeTruthy();
		for (const orderId of orderIds) {
			check(V2026, 'getOrder', await emulator.call('GET', `/orders/2026-01-01/orders/${orderId}`, { query: { includedData: ALL_INCLUDED } }), orderId);
			check(V2026, 'getOrder', await emulator.call('GET', `/orders/2026-01-01/orders/${orderId}`), orderId);
		}
	});

	it('write operations and error bodies', async () => {
		const orders = (await emulator.inspect('GET', '/orders')).orders as Array<{ orderId: string; status: string; fulfillmentChannel: string; marketplaceId: string; items: Array<{ orderItemId: string }> }>;
		const open = orders.find((order) => order.status === 'Unshipped' && order.fulfillmentChannel === 'MFN')!;
		const packageDetail = { packageReferenceId: '7', carrierCode: 'DHL', trackingNumber: 'JD0000001', shipDate: new Date().toISOString(), orderItems: [{ orderItemId: open.items[0].orderItemId, quantity: 1 }] };
		check(V0, 'confirmShipment', await emulator.call('POST', `/orders/v0/orders/${open.orderId}/shipmentConfirmation`, { body: { marketplaceId: open.marketplaceId, packageDetail } }));
		check(V0, 'confirmShipment', await emulator.call('POST', `/orders/v0/orders/${open.orderId}/shipmentConfirmation`, { body: { marketplaceId: open.marketplaceId } }));
		check(V0, 'confirmShipment', await emulator.call('POST', '/orders/v0/orders/111-0000000-0000000/shipmentConfirmation', { body: { marketplaceId: 'x' } }));
		check(V0, 'updateShipmentStatus', await emulator.call('POST', `/orders/v0/orders/${open.orderId}/shipment`, { body: { marketplaceId: open.marketplaceId, shipmentStatus: 'PickedUp' } }));
		check(V0, 'updateShipmentStatus', await emulator.call('POST', `/orders/v0/orders/${open.orderId}/shipment`, { body: {} }));
		check(V0, 'getOrders', await emulator.call('GET', '/orders/v0/orders', { query: { MarketplaceIds: 'ATVPDKIKX0DER' } }));
		check(V0, 'getOrders', await emulator.call('GET', '/orders/v0/orders', { token: 'Atza|nope' }));
		check(V0, 'getOrder', await emulator.call('GET', '/orders/v0/orders/111-0000000-0000000'));
		check(V2026, 'searchOrders', await emulator.call('GET', '/orders/2026-01-01/orders', { query: { createdAfter: 'yesterday' } }));
		check(V2026, 'getOrder', await emulator.call('GET', '/orders/2026-01-01/orders/111-0000000-0000000'));
		await emulator.setFaults('ordersV0.getOrder:429,500,503');
		for (let call = 0; call < 3; call++) check(V0, 'getOrder', await emulator.call('GET', `/orders/v0/orders/${open.orderId}`));
	});
});
