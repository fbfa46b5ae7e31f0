import { buildAcknowledgement } from '../../../nodes/AmazonSpApi/core/vendor/acknowledgements';
import type { PurchaseOrder } from '../../../nodes/AmazonSpApi/core/vendor/types';

const po = (state: PurchaseOrder['purchaseOrderState'] = 'New'): PurchaseOrder => ({
	purchaseOrderNumber: 'PO123456',
	purchaseOrderState: state,
	orderDetails: {
		purchaseOrderDate: '2026-12-01T00:00:00Z',
		sellingParty: { partyId: 'ABCDE' },
		items: [
			{ itemSequenceNumber: '1', amazonProductIdentifier: 'B0AAAAAAA1', vendorProductIdentifier: 'V1', orderedQuantity: { amount: 4, unitOfMeasure: 'Cases', unitSize: 6 }, isBackOrderAllowed: true, netCost: { currencyCode: 'EUR', amount: '30.00' } },
			{ itemSequenceNumber: '2', amazonProductIdentifier: 'B0AAAAAAA2', vendorProductIdentifier: 'V2', orderedQuantity: { amount: 12, unitOfMeasure: 'Eaches', unitSize: 1 }, isBackOrderAllowed: false, netCost: { currencyCode: 'EUR', amount: '2.50' } },
		],
	},
});
const options = { acknowledgementDate: '2026-12-06T10:00:00Z' };

describe('buildAcknowledgement', () => {
	it('accepts all as ordered, keeping units, case sizes and net costs', () => {
		const built = buildAcknowledgement(po(), { mode: 'acceptAll' }, { ...options, scheduledShipDate: '2026-12-08T00:00:00Z' });
		expect(built.body).toMatchObject({ purchaseOrderNumber: 'PO123456', sellingParty: { partyId: 'ABCDE' }, acknowledgementDate: options.acknowledgementDate });
		expect(built.body.items[0]).toMatchObject({
			orderedQuantity: { amount: 4, unitOfMeasure: 'Cases', unitSize: 6 },
			netCost: { currencyCode: 'EUR', amount: '30.00' },
			itemAcknowledgements: [{ acknowledgementCode: 'Accepted', acknowledgedQuantity: { amount: 4, unitOfMeasure: 'Cases', unitSize: 6 }, scheduledShipDate: '2026-12-08T00:00:00Z' }],
		});
	});

	it('rejects (or backorders where allowed) what is not available, by ASIN, vendor ID or sequence number', () => {
		const built = buildAcknowledgement(po(), { mode: 'byAvailability', available: { B0AAAAAAA1: 1, V2: 20 }, backorderShortfall: true }, options);
		expect(built.items.map(({ accepted, backordered, rejected }) => [accepted, backordered, rejected])).toEqual([[1, 3, 0], [12, 0, 0]]);
		const rejecting = buildAcknowledgement(po(), { mode: 'byAvailability', available: { 1: 0, 2: 5 }, backorderShortfall: false }, { ...options, rejectionReason: 'ObsoleteProduct' });
		expect(rejecting.body.items[0].itemAcknowledgements).toEqual([{ acknowledgementCode: 'Rejected', acknowledgedQuantity: { amount: 4, unitOfMeasure: 'Cases', unitSize: 6 }, rejectionReason: 'ObsoleteProduct' }]);
		expect(rejecting.items[1]).toMatchObject({ accepted: 5, rejected: 7 });
	});

	it('splits one item across codes and takes a given net cost', () => {
		const built = buildAcknowledgement(po(), { mode: 'perItem', unlisted: 'reject', decisions: [{ item: '1', accepted: 2, backordered: 1, rejected: 1, netCost: '29.00' }] }, options);
		expect(built.body.items[0].itemAcknowledgements.map((a: { acknowledgementCode: string }) => a.acknowledgementCode)).toEqual(['Accepted', 'Backordered', 'Rejected']);
		expect(built.body.items[0].netCost).toEqual({ currencyCode: 'EUR', amount: '29.00' });
		expect(built.items[1]).toMatchObject({ accepted: 0, rejected: 12 });
	});

	it.each([
		['over the ordered quantity', { mode: 'perItem', unlisted: 'accept', decisions: [{ item: '2', accepted: 13 }] }, /but 12 Eaches were ordered/],
		['under the ordered quantity', { mode: 'perItem', unlisted: 'accept', decisions: [{ item: '2', accepted: 11 }] }, /= 11, but 12/],
		['a forbidden backorder', { mode: 'perItem', unlisted: 'accept', decisions: [{ item: '2', accepted: 6, backordered: 6 }] }, /does not allow a backorder/],
		['an unknown item', { mode: 'perItem', unlisted: 'accept', decisions: [{ item: '3', accepted: 1 }] }, /item "3" is not on PO PO123456/],
		['an item listed twice', { mode: 'perItem', unlisted: 'accept', decisions: [{ item: '1', accepted: 4 }, { item: 'B0AAAAAAA1', accepted: 4 }] }, /listed twice/],
		['a missing availability', { mode: 'byAvailability', available: { 1: 4 }, backorderShortfall: false }, /no available quantity for item 2/],
	] as const)('refuses %s', (_case, plan, message) => {
		expect(() => buildAcknowledgement(po(), plan as never, options)).toThrow(message);
	});

	it('refuses Closed POs', () => {
		expect(() => buildAcknowledgement(po('Closed'), { mode: 'acceptAll' }, options)).toThrow(/Closed/);
	});
});
