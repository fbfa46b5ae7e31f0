import { startEmulator, type TestEmulator } from '../../emulator/lib/testClient';

const US = 'ATVPDKIKX0DER';

const item = (orderItemId: string, quantityOrdered: number) => ({
	orderItemId,
	asin: 'B000TEST02',
	sellerSku: `SKU-${orderItemId.slice(-3)}`,
	title: 'Shipping test item',
	quantityOrdered,
	quantityShipped: 0,
	quantityCanceled: 0,
	itemPrice: '10.00',
	itemTax: '0.80',
	shippingPrice: '0.00',
	shippingTax: '0.00',
	promotionDiscount: '0.00',
	isGift: false,
	giftWrapPrice: null,
	giftMessage: null,
});

describe('Orders v0 confirmShipment and updateShipmentStatus', () => {
	let emulator: TestEmulator;
	let orderId: string;
	const packageDetail = (overrides: Record<string, unknown> = {}) => ({
		packageReferenceId: '1',
		carrierCode: 'UPS',
		trackingNumber: '1Z999AA10123456784',
		shipDate: new Date().toISOString(),
		orderItems: [{ orderItemId: '30000000000001', quantity: 1 }],
		...overrides,
	});
	const confirm = (id: string, body: Record<string, unknown>) => emulator.call('POST', `/orders/v0/orders/${id}/shipmentConfirmation`, { body });
	const expectInvalid = async (body: Record<string, unknown>, message: RegExp, id = orderId) => {
		const response = await confirm(id, body);
		expect(response.status).toBe(400);
		expect(response.body.errors[0].code).toBe('InvalidInput');
		expect(response.body.errors[0].message).toMatch(message);
	};

	beforeAll(async () => {
		emulator = await startEmulator({ orders: 10, timeScale: 1000 });
		const [order] = await emulator.inject({
			marketplaceId: US,
			fulfillmentChannel: 'MFN',
			status: 'Unshipped',
			purchaseDate: new Date(Date.now() - 86400000).toISOString(),
			items: [item('30000000000001', 2), item('30000000000002', 1)],
		});
		orderId = order.orderId;
	});
	afterAll(async () => await emulator.stop());

	it('validates the request and names the offending value', async () => {
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ packageReferenceId: 'n8n-42-1' }) }, /packageReferenceId "n8n-42-1"/);
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ carrierCode: 'Speedy Parcels' }) }, /carrierCode "Speedy Parcels"/);
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ carrierCode: 'Other' }) }, /carrierName is required/);
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ trackingNumber: '' }) }, /trackingNumber/);
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ shipDate: '02/21/2022' }) }, /shipDate "02\/21\/2022"/);
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ orderItems: [{ orderItemId: '99999999999999', quantity: 1 }] }) }, /Order item 99999999999999 is not part/);
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ orderItems: [{ orderItemId: '30000000000001', quantity: 3 }] }) }, /Quantity 3 for order item 30000000000001 exceeds the unshipped quantity 2/);
		await expectInvalid({ marketplaceId: 'A1PA6795UKMFR9', packageDetail: packageDetail() }, /does not belong to marketplace/);
		expect((await confirm('111-0000000-0000009', { marketplaceId: US, packageDetail: packageDetail() })).status).toBe(404);
	});

	it('confirms partial and then complete shipments, updating the order', async () => {
		const first = await confirm(orderId, { marketplaceId: US, packageDetail: packageDetail() });
		expect(first.status).toBe(204);
		expect(first.text).toBe('');
		let order = await emulator.inspect('GET', `/orders/${orderId}`);
		expect(order.status).toBe('PartiallyShipped');
		expect(order.shipments[0]).toMatchObject({ packageReferenceId: '1', carrierCode: 'UPS' });

		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ packageReferenceId: '1' }) }, /packageReferenceId 1 is already used/);
		await expectInvalid({ marketplaceId: US, packageDetail: packageDetail({ packageReferenceId: '2', orderItems: [{ orderItemId: '30000000000001', quantity: 2 }] }) }, /exceeds the unshipped quantity 1/);

		const rest = packageDetail({ packageReferenceId: '2', carrierCode: 'Other', carrierName: 'Local Courier', orderItems: [{ orderItemId: '30000000000001', quantity: 1 }, { orderItemId: '30000000000002', quantity: 1 }] });
		expect((await confirm(orderId, { marketplaceId: US, packageDetail: rest })).status).toBe(204);
		order = await emulator.inspect('GET', `/orders/${orderId}`);
		expect(order.status).toBe('Shipped');
	});

	it('refuses AFN, Pending and Canceled orders', async () => {
		const [afn, pending, canceled] = await emulator.inject([
			{ marketplaceId: US, fulfillmentChannel: 'AFN', status: 'Unshipped', items: [item('30000000000001', 1)] },
			{ marketplaceId: US, fulfillmentChannel: 'MFN', status: 'Pending', items: [item('30000000000001', 1)] },
			{ marketplaceId: US, fulfillmentChannel: 'MFN', status: 'Canceled', items: [item('30000000000001', 1)] },
		]);
		const body = { marketplaceId: US, packageDetail: packageDetail() };
		await expectInvalid(body, /fulfilled by Amazon/, afn.orderId);
		await expectInvalid(body, /status Pending/, pending.orderId);
		await expectInvalid(body, /status Canceled/, canceled.orderId);
	});

	it('accepts in-store pickup status updates and validates them', async () => {
		const [order] = await emulator.inject({ marketplaceId: US, fulfillmentChannel: 'MFN', status: 'Unshipped', items: [item('30000000000003', 1)] });
		const path = `/orders/v0/orders/${order.orderId}/shipment`;
		const ok = await emulator.call('POST', path, { body: { marketplaceId: US, shipmentStatus: 'ReadyForPickup', orderItems: [{ orderItemId: '30000000000003', quantity: 1 }] } });
		expect(ok.status).toBe(204);
		const bad = await emulator.call('POST', path, { body: { marketplaceId: US, shipmentStatus: 'Teleported' } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].message).toMatch(/shipmentStatus "Teleported"/);
	});
});
