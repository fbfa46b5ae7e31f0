import type { IDataObject } from 'n8n-workflow';

import { DAY, injectTestPo, startVendorEmulator, type VendorEmulator } from './vendor.helpers';

let emu: VendorEmulator;
let now: number;

beforeAll(async () => {
	emu = await startVendorEmulator();
	now = await emu.control.now();
});
afterAll(async () => await emu.stop());

const visible = () => emu.purchaseOrders().filter((po) => po.visibleAfterMs <= now);
const numbers = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.purchaseOrderNumber).sort();

const freshPo = async (extra: IDataObject = {}) => await injectTestPo(emu, extra);

describe('Purchase Order → Get Many', () => {
	it('reads a 60-day range in 7-day slices and returns exactly the emulator\'s POs', async () => {
		const { items, error } = await emu.run({
			resource: 'purchaseOrder', operation: 'getAll', returnAll: true,
			after: new Date(now - 60 * DAY).toISOString(), before: new Date(now).toISOString(),
		});
		expect(error).toBeUndefined();
		const expected = visible().filter((po) => po.createdMs >= now - 60 * DAY).map((po) => po.purchaseOrderNumber).sort();
		expect(expected.length).toBeGreaterThan(40);
		expect(numbers(items)).toEqual(expected);
		const calls = await emu.requests('vendorOrders.getPurchaseOrders');
		for (const call of calls) {
			const span = Date.parse(String(call.query.createdBefore)) - Date.parse(String(call.query.createdAfter));
			expect(span).toBeLessThanOrEqual(7 * DAY);
		}
	});

	it('filters by state, order type, fulfilment centre and vendor code, and maps FCs and states', async () => {
		const { items } = await emu.run({
			resource: 'purchaseOrder', operation: 'getAll', returnAll: true, dateField: 'changed',
			after: new Date(now - 40 * DAY).toISOString(),
			filters: { purchaseOrderState: 'Acknowledged', purchaseOrderTypes: ['RegularOrder', 'RushOrder'], shipToPartyIds: 'fra7, LEJ1', vendorCodes: 'EMUVC' },
			output: { fcMapping: { mapping: [{ fc: 'FRA7', reference: 'WH-Hersfeld' }] }, statusMapping: { mapping: [{ state: 'Acknowledged', status: 'confirmed' }] } },
		});
		const expected = visible().filter(
			(po) => Math.max(po.createdMs, po.changedMs, po.stateChangedMs) >= now - 40 * DAY && po.purchaseOrderState === 'Acknowledged' &&
				['RegularOrder', 'RushOrder'].includes(po.purchaseOrderType) && ['FRA7', 'LEJ1'].includes(po.shipToParty.partyId) && po.vendorCode === 'EMUVC',
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(numbers(items)).toEqual(expected.map((po) => po.purchaseOrderNumber).sort());
		for (const { json } of items) {
			expect(json.statusRef).toBe('confirmed');
			expect(json.shipToPartyRef).toBe(json.shipToPartyId === 'FRA7' ? 'WH-Hersfeld' : 'LEJ1');
		}
	});

	it('stops at the limit', async () => {
		const { items } = await emu.run({ resource: 'purchaseOrder', operation: 'getAll', limit: 3, after: new Date(now - 30 * DAY).toISOString() });
		expect(items).toHaveLength(3);
	});

	it('refuses a range older than 6 months before sending anything, naming the field and the item', async () => {
		const before = await emu.count('vendorOrders.getPurchaseOrders');
		const { error } = await emu.run({ resource: 'purchaseOrder', operation: 'getAll', after: new Date(now - 200 * DAY).toISOString() });
		expect(error?.message).toMatch(/^From: .*6 months.*\[item 0\]/);
		expect(await emu.count('vendorOrders.getPurchaseOrders')).toBe(before);
	});
});

describe('Purchase Order → Get and Get Status', () => {
	it('gets a PO simplified, with status details and credit reasons for rejected items', async () => {
		const [acknowledged] = visible().filter((po) => po.purchaseOrderState === 'Acknowledged');
		const { items } = await emu.run({
			resource: 'purchaseOrder', operation: 'get', purchaseOrderNumber: acknowledged.purchaseOrderNumber,
			output: { includeStatus: true, creditReason: 'Amazon rejection' },
		});
		expect(items[0].json).toMatchObject({ purchaseOrderNumber: acknowledged.purchaseOrderNumber, state: 'Acknowledged', purchaseOrderStatus: 'OPEN' });
		const [first] = items[0].json.items as IDataObject[];
		expect(first).toMatchObject({ confirmationStatus: 'ACCEPTED', acceptedQuantity: acknowledged.items[0].orderedQuantity.amount, rejectedQuantity: 0 });
		expect(first.creditReason).toBeUndefined();
	});

	it('returns Amazon\'s full PO when Simplify is off', async () => {
		const po = await freshPo();
		const { items } = await emu.run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderNumber: po.purchaseOrderNumber, simplify: false });
		expect(items[0].json).toMatchObject({ purchaseOrderNumber: po.purchaseOrderNumber, purchaseOrderState: 'New', orderDetails: { sellingParty: { partyId: 'EMUVC' } } });
	});

	it('reads the item confirmation and receive status', async () => {
		const po = await freshPo();
		const { items } = await emu.run({ resource: 'purchaseOrder', operation: 'getStatus', purchaseOrderNumber: po.purchaseOrderNumber });
		expect(items[0].json).toMatchObject({ purchaseOrderNumber: po.purchaseOrderNumber, purchaseOrderStatus: 'OPEN' });
		expect((items[0].json.itemStatus as IDataObject[])[0]).toMatchObject({ acknowledgementStatus: { confirmationStatus: 'UNCONFIRMED' } });
	});

	it('rejects a malformed PO number before sending', async () => {
		const { error } = await emu.run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderNumber: 'not a po!' });
		expect(error?.message).toMatch(/^Purchase Order Number: .*\[item 0\]/);
	});
});

describe('Purchase Order → Acknowledge', () => {
	it('accepts all as ordered, waits for the transaction and the PO becomes Acknowledged', async () => {
		const po = await freshPo();
		const { items, error } = await emu.run({
			resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber, decision: 'acceptAll',
			waitForResult: true, maxWaitSeconds: 10, options: { scheduledShipDate: new Date(now + 2 * DAY).toISOString() },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ purchaseOrderNumber: po.purchaseOrderNumber, transactionStatus: 'Success', settled: true });
		expect(items[0].json.transactionId).toEqual(expect.any(String));
		expect(emu.po(po.purchaseOrderNumber).purchaseOrderState).toBe('Acknowledged');
		const [sent] = (await emu.requests('vendorOrders.submitAcknowledgement')).slice(-1);
		const ack = (sent.body.acknowledgements as IDataObject[])[0] as { items: Array<{ netCost: IDataObject; itemAcknowledgements: IDataObject[] }> };
		expect(ack.items[1].netCost).toEqual({ currencyCode: 'EUR', amount: '12.00' });
		expect(ack.items[0].itemAcknowledgements[0]).toMatchObject({ acknowledgementCode: 'Accepted', acknowledgedQuantity: { amount: 10 }, scheduledShipDate: expect.any(String) });
	});

	it('rejects what it can\'t fill from available quantities (backordering where allowed)', async () => {
		const po = await freshPo();
		const { items } = await emu.run(
			{
				resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: '={{ $json.po }}', decision: 'byAvailability',
				availableQuantities: '={{ $json.stock }}', backorderShortfall: true, waitForResult: true, maxWaitSeconds: 10,
			},
			[{ po: po.purchaseOrderNumber, stock: { B0TESTAAA1: 7, '4000000000002': 2 } }],
		);
		expect(items[0].json).toMatchObject({ transactionStatus: 'Success' });
		expect(items[0].json.items).toEqual([
			expect.objectContaining({ itemSequenceNumber: '1', accepted: 7, backordered: 3, rejected: 0 }),
			expect.objectContaining({ itemSequenceNumber: '2', accepted: 2, backordered: 0, rejected: 4 }),
		]);
		expect(emu.po(po.purchaseOrderNumber).acknowledgement?.items).toEqual({ 1: { accepted: 10, rejected: 0 }, 2: { accepted: 2, rejected: 4 } });
	});

	it('sends POs in batches: one request and transaction ID per batch', async () => {
		const pos = [await freshPo(), await freshPo(), await freshPo()];
		const before = await emu.count('vendorOrders.submitAcknowledgement');
		const { items } = await emu.run(
			{ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: '={{ $json.po }}', options: { batchSize: 2 } },
			pos.map((po) => ({ po: po.purchaseOrderNumber })),
		);
		expect(await emu.count('vendorOrders.submitAcknowledgement')).toBe(before + 2);
		expect(items.map((item) => item.json.transactionStatus)).toEqual(['Submitted', 'Submitted', 'Submitted']);
		expect(items[0].json.transactionId).toBe(items[1].json.transactionId);
		expect(items[2].json.transactionId).not.toBe(items[0].json.transactionId);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('never re-sends a failed batch and sends no later batch after it', async () => {
		const pos = [await freshPo(), await freshPo(), await freshPo()];
		const before = await emu.count('vendorOrders.submitAcknowledgement');
		await emu.control.faults('vendorOrders.submitAcknowledgement:ok,500');
		const { items } = await emu.run(
			{ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: '={{ $json.po }}', options: { batchSize: 1 } },
			pos.map((po) => ({ po: po.purchaseOrderNumber })),
			true,
		);
		await emu.control.faults('');
		expect(await emu.count('vendorOrders.submitAcknowledgement')).toBe(before + 2);
		expect(items[0].json).toMatchObject({ purchaseOrderNumber: pos[0].purchaseOrderNumber, transactionStatus: 'Submitted' });
		expect(String(items[1].json.error)).toMatch(/Amazon SP-API/);
		expect(String(items[2].json.error)).toMatch(/^Not sent: an earlier acknowledgement request/);
	});

	it.each([
		['quantities over the ordered quantity', [{ item: '1', accepted: 11 }], /accepted 11 .* but 10 Eaches were ordered/],
		['a backorder where Amazon does not allow it', [{ item: '2', accepted: 5, backordered: 1 }], /does not allow a backorder/],
		['an unknown item', [{ item: 'B0NOTONPO1', accepted: 1 }], /"B0NOTONPO1" is not on PO/],
	])('refuses %s before sending anything (error names the field and the item)', async (_case, rows, message) => {
		const good = await freshPo();
		const bad = await freshPo();
		const before = await emu.count('vendorOrders.submitAcknowledgement');
		const { error } = await emu.run(
			{
				resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: '={{ $json.po }}', decision: '={{ $json.decision }}',
				items: { item: rows },
			},
			[{ po: good.purchaseOrderNumber, decision: 'acceptAll' }, { po: bad.purchaseOrderNumber, decision: 'perItem' }],
		);
		expect(error?.message).toMatch(/^Items(\.backordered)?: /);
		expect(error?.message).toMatch(message);
		expect(error?.message).toContain('[item 1]');
		expect(await emu.count('vendorOrders.submitAcknowledgement')).toBe(before);
		expect(emu.po(good.purchaseOrderNumber).purchaseOrderState).toBe('New');
	});

	it('falls back to the PO status when the transaction stays Processing', async () => {
		const po = await freshPo({ stuckTransactions: true });
		const { items } = await emu.run({
			resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber, waitForResult: true, maxWaitSeconds: 2,
		});
		expect(items[0].json).toMatchObject({ transactionStatus: 'Processing', settled: false, acknowledgementApplied: true });
	});
});

describe('Transaction → Get Status', () => {
	it('refuses to acknowledge a Closed PO before sending', async () => {
		const po = await freshPo();
		await emu.inject([{ purchaseOrderNumber: po.purchaseOrderNumber, purchaseOrderState: 'Closed' }]);
		const before = await emu.count('vendorOrders.submitAcknowledgement');
		const submitted = await emu.run({ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber });
		expect(submitted.error?.message).toMatch(/^Purchase Order Number: .*Closed.*\[item 0\]/);
		expect(await emu.count('vendorOrders.submitAcknowledgement')).toBe(before);
	});

	it('waits a bounded time and falls back to the PO status when Amazon keeps Processing', async () => {
		const po = await freshPo({ stuckTransactions: true });
		const ack = await emu.run({ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber });
		const transactionId = String(ack.items[0].json.transactionId);
		const once = await emu.run({ resource: 'transaction', operation: 'getStatus', transactionId });
		expect(once.items[0].json).toMatchObject({ transactionId, transactionStatus: 'Processing', settled: false });
		const waited = await emu.run({
			resource: 'transaction', operation: 'getStatus', transactionId, waitForResult: true, maxWaitSeconds: 2, purchaseOrderNumbers: po.purchaseOrderNumber,
		});
		expect(waited.items[0].json).toMatchObject({ transactionStatus: 'Processing', acknowledgementApplied: true });
		expect((waited.items[0].json.purchaseOrders as IDataObject[])[0]).toMatchObject({ purchaseOrderNumber: po.purchaseOrderNumber, acknowledgementApplied: true });
	});

	it('reads Success after the wait', async () => {
		const po = await freshPo();
		const ack = await emu.run({ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber });
		const { items } = await emu.run({
			resource: 'transaction', operation: 'getStatus', transactionId: String(ack.items[0].json.transactionId), waitForResult: true, maxWaitSeconds: 5,
		});
		expect(items[0].json).toMatchObject({ transactionStatus: 'Success', settled: true });
	});
});

describe('Credential of the wrong account type', () => {
	it('a seller authorization gets a clear 403 from the vendor APIs', async () => {
		const seller = await startVendorEmulator({}, { refreshToken: 'Atzr|emulator-seller-refresh-token' });
		try {
			const { error } = await seller.run({ resource: 'purchaseOrder', operation: 'getStatus', purchaseOrderNumber: 'ABCDEFGH' });
			expect(error?.message).toMatch(/403|denied|Unauthorized/i);
		} finally {
			await seller.stop();
		}
	});
});

describe('Secrets', () => {
	it('never appear in outputs or errors (success, input error, Amazon error)', async () => {
		const po = await freshPo();
		const runs = [
			await emu.run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderNumber: po.purchaseOrderNumber, simplify: false }),
			await emu.run({ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber, decision: 'perItem', items: { item: [{ item: '1', accepted: 99 }] } }),
			await emu.run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderNumber: 'NOTTHERE' }),
		];
		expect(runs[2].error?.message).toMatch(/Amazon SP-API/);
		const shown = JSON.stringify(runs.map(({ items, error }) => ({ items, error: error && { message: error.message, description: error.description, context: error.context } })));
		for (const secret of [String(emu.credentials.amazonVendorCentralApi.clientSecret), String(emu.credentials.amazonVendorCentralApi.refreshToken), 'Atza|']) {
			expect(shown).not.toContain(secret);
		}
	});
});
