import type { IDataObject } from 'n8n-workflow';

import { DAY, injectTestPo, startVendorEmulator, type VendorEmulator } from './vendor.helpers';

let emu: VendorEmulator;
beforeAll(async () => {
	emu = await startVendorEmulator();
});
afterAll(async () => await emu.stop());

async function acknowledgedPo(decision: IDataObject = { decision: 'acceptAll' }) {
	const po = await injectTestPo(emu);
	const ack = await emu.run({ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber, waitForResult: true, maxWaitSeconds: 10, ...decision });
	expect(ack.items[0].json.transactionStatus).toBe('Success');
	return po;
}

describe('Shipment → Submit Confirmation (ASN)', () => {
	it('confirms all accepted quantities in a carton and Amazon accepts it; a Replace updates it', async () => {
		const po = await acknowledgedPo({ decision: 'byAvailability', availableQuantities: { 1: 10, 2: 4 } });
		const base = {
			resource: 'shipment', operation: 'submitConfirmation', purchaseOrderNumber: po.purchaseOrderNumber, shipmentIdentifier: `ASN-${po.purchaseOrderNumber}`,
			shipFromPartyId: 'EMUWH', waitForResult: true, maxWaitSeconds: 10,
			containers: { container: [{ type: 'carton', identifier: '012345678901234567', trackingNumber: '1Z999' }] },
			options: { carrierScac: 'UPSN', shipmentType: 'SmallParcel' },
		};
		const { items, error } = await emu.run(base);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ transactionStatus: 'Success', shipmentIdentifier: `ASN-${po.purchaseOrderNumber}` });
		expect(items[0].json.items).toEqual([expect.objectContaining({ itemSequenceNumber: '1', shipped: 10 }), expect.objectContaining({ itemSequenceNumber: '2', shipped: 4 })]);
		const [sent] = (await emu.requests('vendorShipments.SubmitShipmentConfirmations')).slice(-1);
		const asn = (sent.body.shipmentConfirmations as IDataObject[])[0];
		expect(asn).toMatchObject({ shipToParty: { partyId: 'FRA7' }, sellingParty: { partyId: 'EMUVC' }, transportationDetails: { carrierScac: 'UPSN' }, shipmentConfirmationType: 'Original' });
		expect((asn.cartons as IDataObject[])[0]).toMatchObject({ cartonSequenceNumber: '001', trackingNumber: '1Z999', items: [expect.objectContaining({ itemReference: '001' }), expect.objectContaining({ itemReference: '002' })] });

		const replaced = await emu.run({ ...base, confirmationType: 'Replace', shippedItems: 'listed', items: '1:8' });
		expect(replaced.items[0].json).toMatchObject({ transactionStatus: 'Success' });
	});

	it('refuses quantities over the accepted ones, and POs not acknowledged, before sending', async () => {
		const po = await acknowledgedPo({ decision: 'byAvailability', availableQuantities: { 1: 10, 2: 4 } });
		const fresh = await injectTestPo(emu);
		const before = await emu.count('vendorShipments.SubmitShipmentConfirmations');
		const over = await emu.run({ resource: 'shipment', operation: 'submitConfirmation', purchaseOrderNumber: po.purchaseOrderNumber, shipmentIdentifier: 'ASN-X', shipFromPartyId: 'EMUWH', shippedItems: 'listed', items: '2:5' });
		expect(over.error?.message).toMatch(/^Shipped Items: .*shipped quantity 5 is not between 1 and the accepted 4.*\[item 0\]/);
		const unacknowledged = await emu.run({ resource: 'shipment', operation: 'submitConfirmation', purchaseOrderNumber: fresh.purchaseOrderNumber, shipmentIdentifier: 'ASN-Y', shipFromPartyId: 'EMUWH' });
		expect(unacknowledged.error?.message).toMatch(/^Purchase Order Number: .*not acknowledged/);
		const badLine = await emu.run({ resource: 'shipment', operation: 'submitConfirmation', purchaseOrderNumber: po.purchaseOrderNumber, shipmentIdentifier: 'ASN-Z', shipFromPartyId: 'EMUWH', shippedItems: 'listed', items: 'one' });
		expect(badLine.error?.message).toMatch(/^Shipped Items: "one" is not "item:quantity"/);
		expect(await emu.count('vendorShipments.SubmitShipmentConfirmations')).toBe(before);
	});
});

describe('Dropship Order (Direct Fulfillment)', () => {
	type DfCanonical = { purchaseOrderNumber: string; status: string; createdMs: number };
	const dfOrders = () => [...(emu.handle.ctx.state as { vendor: { directFulfillmentOrders: Map<string, DfCanonical> } }).vendor.directFulfillmentOrders.values()];

	it('lists orders through a Restricted Data Token, any range length, filtered by status', async () => {
		const now = await emu.control.now();
		const { items, error } = await emu.run({ resource: 'directFulfillment', operation: 'getAll', returnAll: true, after: new Date(now - 20 * DAY).toISOString(), filters: { status: 'NEW' } });
		expect(error).toBeUndefined();
		const expected = dfOrders().filter((o) => o.status === 'NEW' && o.createdMs >= now - 20 * DAY).map((o) => o.purchaseOrderNumber).sort();
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((item) => item.json.purchaseOrderNumber).sort()).toEqual(expected);
		expect(await emu.count('tokens.createRestrictedDataToken')).toBeGreaterThanOrEqual(1);
	});

	it('acknowledges in full (00), confirms the shipment with tracking, and reads both transactions', async () => {
		const [order] = dfOrders().filter((o) => o.status === 'NEW');
		const got = await emu.run({ resource: 'directFulfillment', operation: 'get', purchaseOrderNumber: order.purchaseOrderNumber });
		expect(got.items[0].json).toMatchObject({ purchaseOrderNumber: order.purchaseOrderNumber, orderDetails: { orderStatus: 'NEW', shipToParty: expect.any(Object) } });

		const ack = await emu.run({ resource: 'directFulfillment', operation: 'acknowledge', purchaseOrderNumber: order.purchaseOrderNumber, acknowledgementCode: '00', waitForResult: true, maxWaitSeconds: 10 });
		expect(ack.items[0].json).toMatchObject({ transactionStatus: 'Success' });
		expect(order.status).toBe('ACCEPTED');

		const again = await emu.run({ resource: 'directFulfillment', operation: 'acknowledge', purchaseOrderNumber: order.purchaseOrderNumber });
		expect(again.error?.message).toMatch(/^Order Number: .*ACCEPTED, only NEW orders/);

		const noTracking = await emu.run({ resource: 'directFulfillment', operation: 'confirmShipment', purchaseOrderNumber: order.purchaseOrderNumber, packages: { package: [{ trackingNumber: '' }] } });
		expect(noTracking.error?.message).toMatch(/^Packages: every container needs a tracking number/);

		const shipped = await emu.run({
			resource: 'directFulfillment', operation: 'confirmShipment', purchaseOrderNumber: order.purchaseOrderNumber,
			packages: { package: [{ trackingNumber: '00340434161094042557', carrier: 'DHL', shipMethod: 'DHL_PAKET' }] },
		});
		const transactionId = String(shipped.items[0].json.transactionId);
		const status = await emu.run({ resource: 'directFulfillment', operation: 'getTransactionStatus', transactionId, waitForResult: true, maxWaitSeconds: 10 });
		expect(status.items[0].json).toMatchObject({ transactionId, transactionStatus: 'Success' });
		expect(order.status).toBe('SHIPPED');
	});

	it('cancels out of stock (03)', async () => {
		const [order] = dfOrders().filter((o) => o.status === 'NEW');
		const ack = await emu.run({ resource: 'directFulfillment', operation: 'acknowledge', purchaseOrderNumber: order.purchaseOrderNumber, acknowledgementCode: '03', waitForResult: true, maxWaitSeconds: 10 });
		expect(ack.items[0].json).toMatchObject({ transactionStatus: 'Success' });
		expect(order.status).toBe('CANCELLED');
	});
});
