import type { IDataObject } from 'n8n-workflow';

import { validateResponse } from '../../emulator';
import { startPartB, type PartB } from './conformance-b.helpers';

const PO = '/vendor/orders/v1/purchaseOrders';
const DF = '/vendor/directFulfillment/orders/2021-12-28/purchaseOrders';
const DAY = 86400000;

interface PoItem {
	itemSequenceNumber: string;
	amazonProductIdentifier: string;
	orderedQuantity: { amount: number; unitOfMeasure: string; unitSize: number };
	isBackOrderAllowed: boolean;
	netCost: { currencyCode: string; amount: string };
}
interface PurchaseOrder {
	purchaseOrderNumber: string;
	purchaseOrderState: string;
	orderDetails: { purchaseOrderDate: string; sellingParty: { partyId: string }; items: PoItem[] };
}

const iso = (ms: number) => new Date(ms).toISOString();
const payload = (body: IDataObject) => body.payload as IDataObject;
const ordersOf = (body: IDataObject) => payload(body).orders as PurchaseOrder[];

function acknowledgement(po: PurchaseOrder, itemOverrides: (item: PoItem) => IDataObject = () => ({})) {
	return {
		purchaseOrderNumber: po.purchaseOrderNumber,
		sellingParty: po.orderDetails.sellingParty,
		acknowledgementDate: new Date().toISOString(),
		items: po.orderDetails.items.map((item) => ({
			itemSequenceNumber: item.itemSequenceNumber,
			amazonProductIdentifier: item.amazonProductIdentifier,
			orderedQuantity: item.orderedQuantity,
			netCost: item.netCost,
			itemAcknowledgements: [{ acknowledgementCode: 'Accepted', acknowledgedQuantity: item.orderedQuantity }],
			...itemOverrides(item),
		})),
	};
}

describe('vendor retail purchase orders', () => {
	let emu: PartB;
	let now: number;
	beforeAll(async () => {
		// Real-time transaction delay (20 s): "Processing" is observable before the clock is advanced, however busy the machine.
		emu = await startPartB({ timeScale: 1 }, 'vendor');
		now = await emu.control.now();
		// Fresh POs of our own, so the tests don't depend on how many the seed placed in the last days.
		await fetch(`${emu.url}/_emulator-vendor/purchaseOrders`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify([{ createdAgoMs: DAY }, { createdAgoMs: DAY }, { createdAgoMs: 2 * DAY }]),
		});
	});
	afterAll(async () => await emu.stop());

	const settle = async (transactionId: string) => {
		const processing = await emu.api('GET', `/vendor/transactions/v1/transactions/${transactionId}`);
		expect((payload(processing.body).transactionStatus as IDataObject).status).toBe('Processing');
		await emu.control.advanceClock(60 * 1000);
		return payload((await emu.api('GET', `/vendor/transactions/v1/transactions/${transactionId}`)).body).transactionStatus as IDataObject;
	};

	it('is closed to seller authorizations', async () => {
		expect((await emu.api('GET', PO, undefined, 'seller')).status).toBe(403);
	});

	it('enforces the 7-day window and the 6-month limit', async () => {
		const tooLong = await emu.api('GET', `${PO}?createdAfter=${iso(now - 10 * DAY)}&createdBefore=${iso(now)}`);
		expect(tooLong.status).toBe(400);
		expect(JSON.stringify(tooLong.body)).toMatch(/must not exceed 7 days/);
		const tooOld = await emu.api('GET', `${PO}?changedAfter=${iso(now - 200 * DAY)}&changedBefore=${iso(now - 195 * DAY)}`);
		expect(tooOld.status).toBe(400);
		expect(JSON.stringify(tooOld.body)).toMatch(/last 6 months/);
		const week = await emu.api('GET', `${PO}?createdAfter=${iso(now - 7 * DAY)}&createdBefore=${iso(now)}`);
		expect(week.status).toBe(200);
		for (const po of ordersOf(week.body)) expect(Date.parse(po.orderDetails.purchaseOrderDate)).toBeGreaterThanOrEqual(now - 7 * DAY);
	});

	it('filters by state, pages with nextToken and omits details on request', async () => {
		const window = `createdAfter=${iso(now - 7 * DAY)}&createdBefore=${iso(now)}`;
		const first = await emu.api('GET', `${PO}?${window}&limit=2&sortOrder=DESC`);
		expect(ordersOf(first.body)).toHaveLength(2);
		const token = encodeURIComponent(((payload(first.body).pagination as IDataObject).nextToken as string));
		const second = await emu.api('GET', `${PO}?nextToken=${token}`);
		expect(ordersOf(second.body)[0].purchaseOrderNumber).not.toBe(ordersOf(first.body)[1].purchaseOrderNumber);
		const fresh = await emu.api('GET', `${PO}?${window}&purchaseOrderState=New&includeDetails=false`);
		for (const po of ordersOf(fresh.body)) expect(po).toEqual({ purchaseOrderNumber: expect.any(String), purchaseOrderState: 'New' });
	});

	it('acknowledges asynchronously: Success moves the PO to Acknowledged', async () => {
		const [po] = ordersOf((await emu.api('GET', `${PO}?createdAfter=${iso(now - 6 * DAY)}&purchaseOrderState=New`)).body);
		const submitted = await emu.api('POST', '/vendor/orders/v1/acknowledgements', { acknowledgements: [acknowledgement(po)] });
		expect(submitted.status).toBe(202);
		const status = await settle(payload(submitted.body).transactionId as string);
		expect(status.status).toBe('Success');
		const after = await emu.api('GET', `${PO}/${po.purchaseOrderNumber}`);
		expect((payload(after.body) as unknown as PurchaseOrder).purchaseOrderState).toBe('Acknowledged');
		const poStatus = await emu.api('GET', `/vendor/orders/v1/purchaseOrdersStatus?purchaseOrderNumber=${po.purchaseOrderNumber}`);
		const [entry] = payload(poStatus.body).ordersStatus as Array<{ itemStatus: Array<{ acknowledgementStatus: IDataObject }> }>;
		expect(entry.itemStatus[0].acknowledgementStatus.confirmationStatus).toBe('ACCEPTED');
	});

	it('fails transactions for unknown POs, quantity mismatches, forbidden backorders and missing netCost', async () => {
		const [, po] = ordersOf((await emu.api('GET', `${PO}?createdAfter=${iso(now - 6 * DAY)}&purchaseOrderState=New`)).body);
		const [first] = po.orderDetails.items;
		const backorder = { ...first, isBackOrderAllowed: false };
		const broken = acknowledgement({ ...po, orderDetails: { ...po.orderDetails, items: [backorder, ...po.orderDetails.items.slice(1)] } }, (item) =>
			item === backorder
				? {
						netCost: undefined,
						itemAcknowledgements: [{ acknowledgementCode: first.isBackOrderAllowed ? 'Accepted' : 'Backordered', acknowledgedQuantity: { ...item.orderedQuantity, amount: item.orderedQuantity.amount - 1 } }],
					}
				: {},
		);
		const unknown = { ...acknowledgement(po), purchaseOrderNumber: 'ZZZZ9999' };
		const submitted = await emu.api('POST', '/vendor/orders/v1/acknowledgements', { acknowledgements: [broken, unknown] });
		const status = await settle(payload(submitted.body).transactionId as string);
		expect(status.status).toBe('Failure');
		const codes = (status.errors as Array<{ code: string }>).map((e) => e.code);
		expect(codes).toEqual(expect.arrayContaining(['InvalidQuantity', 'MissingNetCost', 'InvalidPurchaseOrderNumber']));
		if (!first.isBackOrderAllowed) expect(codes).toContain('BackorderNotAllowed');
		expect((payload((await emu.api('GET', `${PO}/${po.purchaseOrderNumber}`)).body) as unknown as PurchaseOrder).purchaseOrderState).toBe('New');
	});

	it('accepts shipment confirmations (ASN) within the accepted quantities, as a transaction', async () => {
		const [po] = ordersOf((await emu.api('GET', `${PO}?createdAfter=${iso(now - 6 * DAY)}&purchaseOrderState=Acknowledged`)).body);
		const [item] = po.orderDetails.items;
		const confirmation = (amount: number, type = 'Original') => ({
			shipmentIdentifier: 'ASN-0001', shipmentConfirmationType: type, shipmentConfirmationDate: new Date().toISOString(),
			sellingParty: po.orderDetails.sellingParty, shipFromParty: { partyId: 'EMUWH' }, shipToParty: { partyId: 'FRA7' },
			shippedItems: [
				{ itemSequenceNumber: '001', amazonProductIdentifier: item.amazonProductIdentifier, shippedQuantity: { amount, unitOfMeasure: item.orderedQuantity.unitOfMeasure }, itemDetails: { purchaseOrderNumber: po.purchaseOrderNumber } },
			],
		});
		const submit = async (body: IDataObject) => {
			const submitted = await emu.api('POST', '/vendor/shipping/v1/shipmentConfirmations', { shipmentConfirmations: [body] });
			expect(submitted.status).toBe(202);
			return await settle(payload(submitted.body).transactionId as string);
		};
		const tooMany = await submit(confirmation(item.orderedQuantity.amount + 1));
		expect((tooMany.errors as Array<{ code: string }>)[0].code).toBe('InvalidQuantity');
		expect((await submit(confirmation(item.orderedQuantity.amount))).status).toBe('Success');
		expect(((await submit(confirmation(1))).errors as Array<{ code: string }>)[0].code).toBe('DuplicateShipment');
		expect((await submit(confirmation(1, 'Replace'))).status).toBe('Success');
	});
});

describe('vendor direct fulfillment', () => {
	let emu: PartB;
	let rdt: string;
	beforeAll(async () => {
		emu = await startPartB({}, 'vendor');
		const token = await emu.api('POST', '/tokens/2021-03-01/restrictedDataToken', {
			restrictedResources: [
				{ method: 'GET', path: DF },
				{ method: 'GET', path: `${DF}/{purchaseOrderNumber}` },
			],
		});
		rdt = token.body.restrictedDataToken as string;
	});
	afterAll(async () => await emu.stop());

	it('requires a Restricted Data Token covering the path', async () => {
		const now = await emu.control.now();
		const query = `?createdAfter=${iso(now - 14 * DAY)}&createdBefore=${iso(now)}&status=NEW`;
		expect((await emu.api('GET', `${DF}${query}`)).status).toBe(403);
		const orders = await emu.api('GET', `${DF}${query}`, undefined, { token: rdt });
		expect(orders.status).toBe(200);
		const [order] = orders.body.orders as Array<{ purchaseOrderNumber: string }>;
		expect((await emu.api('GET', `${DF}/${order.purchaseOrderNumber}`, undefined, { token: rdt })).status).toBe(200);
	});

	it('acknowledges fill-or-kill and reports through DF transaction status', async () => {
		const now = await emu.control.now();
		const list = await emu.api('GET', `${DF}?createdAfter=${iso(now - 14 * DAY)}&createdBefore=${iso(now)}&status=NEW`, undefined, { token: rdt });
		const [order, partial] = list.body.orders as Array<{ purchaseOrderNumber: string; orderDetails: { items: Array<{ itemSequenceNumber: string; orderedQuantity: { amount: number } }> } }>;
		const ack = (o: typeof order, shortBy: number) => ({
			purchaseOrderNumber: o.purchaseOrderNumber, vendorOrderNumber: `V-${o.purchaseOrderNumber}`, acknowledgementDate: new Date().toISOString(),
			acknowledgementStatus: { code: '00', description: 'Shipping 100 percent of ordered product' },
			sellingParty: { partyId: 'EMUVC' }, shipFromParty: { partyId: 'EMUWH' },
			itemAcknowledgements: o.orderDetails.items.map((i) => ({ itemSequenceNumber: i.itemSequenceNumber, acknowledgedQuantity: { amount: i.orderedQuantity.amount - shortBy, unitOfMeasure: 'Each' } })),
		});
		const check = async (body: IDataObject) => {
			const submitted = await emu.api('POST', '/vendor/directFulfillment/orders/2021-12-28/acknowledgements', body);
			expect(submitted.status).toBe(202);
			await emu.control.advanceClock(60 * 1000);
			return ((await emu.api('GET', `/vendor/directFulfillment/transactions/2021-12-28/transactions/${submitted.body.transactionId}`)).body.transactionStatus) as IDataObject;
		};
		expect((await check({ orderAcknowledgements: [ack(order, 0)] })).status).toBe('Success');
		const failed = await check({ orderAcknowledgements: [ack(partial, 1)] });
		expect(failed.status).toBe('Failure');
		expect((failed.errors as { errors: Array<{ code: string }> }).errors[0].code).toBe('InvalidQuantity');
		const accepted = await emu.api('GET', `${DF}/${order.purchaseOrderNumber}`, undefined, { token: rdt });
		expect((accepted.body.orderDetails as IDataObject).orderStatus).toBe('ACCEPTED');
		const shipment = {
			purchaseOrderNumber: order.purchaseOrderNumber, shipmentDetails: { shippedDate: new Date().toISOString(), shipmentStatus: 'SHIPPED' },
			sellingParty: { partyId: 'EMUVC' }, shipFromParty: { partyId: 'EMUWH' },
			items: order.orderDetails.items.map((i) => ({ itemSequenceNumber: Number(i.itemSequenceNumber), shippedQuantity: { amount: i.orderedQuantity.amount, unitOfMeasure: 'Each' } })),
			containers: [{ containerType: 'Carton', containerIdentifier: 'C1', trackingNumber: '1Z1', weight: { unitOfMeasure: 'KG', value: '1' }, packedItems: [] }],
		};
		const shipped = await emu.api('POST', '/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations', { shipmentConfirmations: [shipment] });
		expect(shipped.status).toBe(202);
		expect(validateResponse('vendorDirectFulfillmentShipping_2021-12-28.json', 'submitShipmentConfirmations', 202, shipped.body)).toEqual([]);
		await emu.control.advanceClock(60 * 1000);
		const shipStatus = await emu.api('GET', `/vendor/directFulfillment/transactions/2021-12-28/transactions/${shipped.body.transactionId}`);
		expect((shipStatus.body.transactionStatus as IDataObject).status).toBe('Success');
		expect(((await emu.api('GET', `${DF}/${order.purchaseOrderNumber}`, undefined, { token: rdt })).body.orderDetails as IDataObject).orderStatus).toBe('SHIPPED');
	});
});

describe('vendor world over time (conforming to Amazon\'s models)', () => {
	let emu: PartB;
	beforeAll(async () => (emu = await startPartB({ purchaseOrders: 120 }, 'vendor')));
	afterAll(async () => await emu.stop());

	const control = async (path: string, body?: unknown) =>
		(await (await fetch(`${emu.url}/_emulator-vendor/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as IDataObject;
	const conforms = (model: string, operationId: string, response: { status: number; body: IDataObject }) =>
		expect(validateResponse(model, operationId, response.status, response.body)).toEqual([]);

	it('lists POs of both vendor codes, filters by orderingVendorCode, and hides late-indexed POs from lists only', async () => {
		const now = await emu.control.now();
		const window = `changedAfter=${iso(now - 6 * DAY)}&changedBefore=${iso(now)}`;
		const all = ordersOf((await emu.api('GET', `${PO}?${window}`)).body);
		const codes = new Set(all.map((po) => po.orderDetails.sellingParty.partyId));
		expect([...codes].sort()).toEqual(['EMUV2', 'EMUVC']);
		const second = ordersOf((await emu.api('GET', `${PO}?${window}&orderingVendorCode=EMUV2`)).body);
		expect(second.every((po) => po.orderDetails.sellingParty.partyId === 'EMUV2')).toBe(true);
		const { purchaseOrders } = (await control('purchaseOrders', [{ visibleLagMs: 3600_000 }])) as { purchaseOrders: Array<{ purchaseOrderNumber: string }> };
		const late = purchaseOrders[0].purchaseOrderNumber;
		expect(ordersOf((await emu.api('GET', `${PO}?${window}`)).body).some((po) => po.purchaseOrderNumber === late)).toBe(false);
		expect((await emu.api('GET', `${PO}/${late}`)).status).toBe(200);
		await emu.control.advanceClock(2 * 3600_000);
		const later = await emu.control.now();
		expect(ordersOf((await emu.api('GET', `${PO}?changedAfter=${iso(later - 6 * DAY)}`)).body).some((po) => po.purchaseOrderNumber === late)).toBe(true);
	});

	it('Amazon changes a PO (purchaseOrderChangedDate, isPOChanged) and closes acknowledged POs two weeks later', async () => {
		const { purchaseOrders } = (await control('purchaseOrders', [{ createdAgoMs: DAY }])) as { purchaseOrders: Array<{ purchaseOrderNumber: string; canonical: { items: PoItem[] } }> };
		const [{ purchaseOrderNumber: number, canonical }] = purchaseOrders;
		await emu.control.advanceClock(60_000);
		await control('purchaseOrders', [{ purchaseOrderNumber: number, items: canonical.items.map((item) => ({ ...item, orderedQuantity: { ...item.orderedQuantity, amount: 0 } })) }]);
		const changed = await emu.api('GET', `${PO}/${number}`);
		conforms('vendorOrders.json', 'getPurchaseOrder', changed);
		expect((payload(changed.body).orderDetails as IDataObject).purchaseOrderChangedDate).toEqual(expect.any(String));
		const now = await emu.control.now();
		const changedOnly = ordersOf((await emu.api('GET', `${PO}?changedAfter=${iso(now - 2 * DAY)}&isPOChanged=true`)).body);
		expect(changedOnly.map((po) => po.purchaseOrderNumber)).toContain(number);

		const [acknowledged] = ordersOf((await emu.api('GET', `${PO}?createdAfter=${iso(now - 6 * DAY)}&purchaseOrderState=Acknowledged`)).body);
		await emu.control.advanceClock(15 * DAY);
		const closed = await emu.api('GET', `${PO}/${acknowledged.purchaseOrderNumber}`);
		expect((payload(closed.body) as unknown as PurchaseOrder).purchaseOrderState).toBe('Closed');
		const status = await emu.api('GET', `/vendor/orders/v1/purchaseOrdersStatus?purchaseOrderNumber=${acknowledged.purchaseOrderNumber}`);
		conforms('vendorOrders.json', 'getPurchaseOrdersStatus', status);
		const [entry] = payload(status.body).ordersStatus as Array<{ purchaseOrderStatus: string; itemStatus: Array<{ receivingStatus: IDataObject }> }>;
		expect(entry.purchaseOrderStatus).toBe('CLOSED');
		expect(entry.itemStatus[0].receivingStatus.receiveStatus).toBe('RECEIVED');
	});

	it('keeps the transaction of a PO marked stuck in Processing while applying the acknowledgement', async () => {
		const { purchaseOrders } = (await control('purchaseOrders', [{ createdAgoMs: DAY, stuckTransactions: true }])) as { purchaseOrders: Array<{ purchaseOrderNumber: string }> };
		const po = payload((await emu.api('GET', `${PO}/${purchaseOrders[0].purchaseOrderNumber}`)).body) as unknown as PurchaseOrder;
		const submitted = await emu.api('POST', '/vendor/orders/v1/acknowledgements', { acknowledgements: [acknowledgement(po)] });
		await emu.control.advanceClock(10 * 60_000);
		const status = await emu.api('GET', `/vendor/transactions/v1/transactions/${payload(submitted.body).transactionId}`);
		conforms('vendorTransactionStatus.json', 'getTransaction', status);
		expect((payload(status.body).transactionStatus as IDataObject).status).toBe('Processing');
		expect(((await control(`purchaseOrders/${po.purchaseOrderNumber}`)) as { purchaseOrderState: string }).purchaseOrderState).toBe('Acknowledged');
	});
});
