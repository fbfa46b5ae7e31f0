import { assertFeedTypeAccepted, defaultFeedContentType } from '../../../nodes/AmazonSpApi/core/feeds/feedTypes';
import { FbaOrderCollector, marketplaceIdOfSalesChannel, splitRange } from '../../../nodes/AmazonSpApi/core/fba/shipmentOrders';
import { exportDecision } from '../../../nodes/AmazonSpApi/core/invoices/exportPolicy';
import { assertPdf, vatInvoiceFeedOptions } from '../../../nodes/AmazonSpApi/core/invoices/vatInvoice';
import { parseTsv } from '../../../nodes/AmazonSpApi/core/codecs/tsv';

const DAY = 86_400_000;

describe('FBA shipments report → orders', () => {
	it('splits a range into month-sized pieces, oldest first', () => {
		const ranges = splitRange(0, 90 * DAY + 1);
		expect(ranges).toHaveLength(4);
		expect(ranges[0]).toEqual({ start: new Date(0), end: new Date(30 * DAY) });
		expect(ranges[3].end).toEqual(new Date(90 * DAY + 1));
	});

	it('groups rows by order ID, by header name whatever the column order', () => {
		const report = parseTsv(
			[
				'sku\tamazon-order-id\tquantity-shipped\titem-price\tsales-channel\tshipment-id\tamazon-order-item-id\tcurrency\tpurchase-date',
				'A\t302-1\t2\t19.98\tAmazon.de\tD1\t11\tEUR\t2026-01-02T00:00:00Z',
				'B\t302-1\t1\t5.00\tAmazon.de\tD2\t12\tEUR\t2026-01-02T00:00:00Z',
				'C\t302-0\t1\t7,50\tAmazon.fr\tD3\t13\tEUR\t2026-01-01T00:00:00Z',
			].join('\n'),
		);
		const collector = new FbaOrderCollector({ vcsEnabled: false, markAsShipped: true });
		collector.add(report.rows);
		const [first, second] = collector.result();
		expect(first).toMatchObject({ orderId: '302-0', marketplaceId: 'A13V1IB3VIYZZH', orderTotal: 7.5, pricesAreNet: false });
		expect(second).toMatchObject({ orderId: '302-1', marketplaceId: 'A1PA6795UKMFR9', orderTotal: 24.98, markAsShipped: true });
		expect(second.items.map((line) => [line.sku, line.quantityShipped])).toEqual([['A', 2], ['B', 1]]);
		expect(second.shipments.map((shipment) => shipment.shipmentId)).toEqual(['D1', 'D2']);
	});

	it('maps sales channels to marketplaces', () => {
		expect(marketplaceIdOfSalesChannel('Amazon.co.uk')).toBe('A1F83G8C2ARO7P');
		expect(marketplaceIdOfSalesChannel('Non-Amazon')).toBeNull();
	});
});

describe('VAT invoices and the export policy', () => {
	it('builds lowercase metadata keys, amounts to 2 decimals', () => {
		expect(vatInvoiceFeedOptions({ orderId: '028-1234567-1234567', invoiceNumber: 'R1', documentType: 'Invoice', totalAmount: 119, totalVatAmount: 19 })).toEqual({
			'metadata:orderid': '028-1234567-1234567',
			'metadata:invoicenumber': 'R1',
			'metadata:documenttype': 'Invoice',
			'metadata:totalamount': '119.00',
			'metadata:totalvatamount': '19.00',
		});
		expect(vatInvoiceFeedOptions({ shippingId: 'S1', invoiceNumber: 'G1', documentType: 'CreditNote', transactionId: 'T1' })).toMatchObject({
			'metadata:shippingid': 'S1',
			'metadata:transactionid': 'T1',
		});
		expect(() => vatInvoiceFeedOptions({ orderId: 'x', invoiceNumber: 'R', documentType: 'Invoice', totalAmount: 1.005 })).toThrow('at most 2 decimals');
		expect(() => assertPdf(new TextEncoder().encode('hello'))).toThrow('not a PDF');
	});

	it('exports business and consumer orders only for the listed marketplaces', () => {
		const policy = { businessMarketplaceIds: ['DE'], consumerMarketplaceIds: [] };
		expect(exportDecision(policy, { marketplaceId: 'DE', isBusiness: true })).toEqual({ export: true });
		expect(exportDecision(policy, { marketplaceId: 'DE', isBusiness: false })).toMatchObject({ export: false, reason: expect.stringContaining('none selected') });
		expect(exportDecision({}, { marketplaceId: 'IT', isBusiness: false })).toEqual({ export: true });
	});
});

describe('feed types', () => {
	it('refuses the retired listings feeds and picks content types', () => {
		expect(() => assertFeedTypeAccepted('POST_PRODUCT_PRICING_DATA')).toThrow(expect.objectContaining({ hint: expect.stringContaining('JSON_LISTINGS_FEED') }));
		expect(() => assertFeedTypeAccepted('JSON_LISTINGS_FEED')).not.toThrow();
		expect(defaultFeedContentType('UPLOAD_VAT_INVOICE')).toBe('application/pdf');
		expect(defaultFeedContentType('POST_FLAT_FILE_SOMETHING_NEW')).toBe('text/tab-separated-values; charset=UTF-8');
		expect(defaultFeedContentType('POST_SOMETHING_XML')).toBe('text/xml; charset=UTF-8');
	});
});
