import { mappingTable, purchaseOrderToJson } from '../../../nodes/AmazonVendorCentral/output/purchaseOrder';
import type { PurchaseOrder, PurchaseOrderStatus } from '../../../nodes/AmazonSpApi/core/vendor/types';

const order: PurchaseOrder = {
	purchaseOrderNumber: 'PO000001',
	purchaseOrderState: 'Acknowledged',
	orderDetails: {
		purchaseOrderDate: '2026-12-01T08:00:00Z',
		purchaseOrderChangedDate: '2026-12-02T08:00:00Z',
		purchaseOrderStateChangedDate: '2026-12-03T08:00:00Z',
		purchaseOrderType: 'RushOrder',
		sellingParty: { partyId: 'ABCDE' },
		shipToParty: { partyId: 'FRA7' },
		shipWindow: '2026-12-04T00:00:00Z--2026-12-08T00:00:00Z',
		items: [
			{ itemSequenceNumber: '1', amazonProductIdentifier: 'B0A', orderedQuantity: { amount: 6, unitOfMeasure: 'Eaches', unitSize: 1 }, netCost: { currencyCode: 'EUR', amount: '2.50' } },
			{ itemSequenceNumber: '2', amazonProductIdentifier: 'B0B', orderedQuantity: { amount: 0, unitOfMeasure: 'Eaches', unitSize: 1 }, netCost: { currencyCode: 'EUR', amount: '1.00' } },
		],
	},
};
const status: PurchaseOrderStatus = {
	purchaseOrderNumber: 'PO000001',
	purchaseOrderStatus: 'OPEN',
	purchaseOrderDate: '2026-12-01T08:00:00Z',
	itemStatus: [
		{ itemSequenceNumber: '1', acknowledgementStatus: { confirmationStatus: 'PARTIALLY_ACCEPTED', acceptedQuantity: { amount: 4, unitOfMeasure: 'Eaches' }, rejectedQuantity: { amount: 2, unitOfMeasure: 'Eaches' } } },
	],
};

describe('purchase order output', () => {
	it('builds case-insensitive mapping tables from fixedCollection rows, skipping blank ones', () => {
		expect(mappingTable([{ fc: 'fra7', reference: 'WH-1' }, { fc: '', reference: 'x' }], 'fc', 'reference')).toEqual({ FRA7: 'WH-1' });
	});

	it('simplifies with mappings, status details, credit reasons and cancelled items', () => {
		const json = purchaseOrderToJson(order, { simplify: true, fcMap: { FRA7: 'WH-1' }, statusMap: {}, creditReason: 'AMZ-REJ' }, status);
		expect(json).toMatchObject({
			purchaseOrderNumber: 'PO000001', state: 'Acknowledged', statusRef: 'Acknowledged', shipToPartyId: 'FRA7', shipToPartyRef: 'WH-1',
			type: 'RushOrder', vendorCode: 'ABCDE', lastChangedDate: '2026-12-03T08:00:00Z', purchaseOrderStatus: 'OPEN',
			shipWindowStart: '2026-12-04T00:00:00Z', shipWindowEnd: '2026-12-08T00:00:00Z',
		});
		expect(json.items).toEqual([
			expect.objectContaining({ asin: 'B0A', quantity: 6, netCost: 2.5, acceptedQuantity: 4, rejectedQuantity: 2, creditReason: 'AMZ-REJ' }),
			expect.objectContaining({ asin: 'B0B', quantity: 0, cancelledByAmazon: true, creditReason: 'AMZ-REJ' }),
		]);
	});

	it('keeps Amazon\'s shape when not simplified, adding the mapped fields; unmapped codes pass through', () => {
		const json = purchaseOrderToJson(order, { simplify: false, fcMap: {}, statusMap: { ACKNOWLEDGED: 'confirmed' } });
		expect(json).toMatchObject({ purchaseOrderNumber: 'PO000001', orderDetails: { purchaseOrderType: 'RushOrder' }, shipToPartyRef: 'FRA7', statusRef: 'confirmed' });
	});
});
