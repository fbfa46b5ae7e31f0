import type { IDataObject } from 'n8n-workflow';

import { normalizeV0Order, normalizeV2026Order } from '../../../nodes/AmazonSpApi/core/orders';
import { applyPackingStationLayout } from '../../../nodes/AmazonSellerCentral/output/address';
import { simplifyOrder } from '../../../nodes/AmazonSellerCentral/output/simplify';
import searchV2026 from './fixtures/v2026-searchOrders.json';
import getOrderV0 from './fixtures/v0-getOrder.json';
import itemsV0 from './fixtures/v0-getOrderItems.json';

describe('simplifyOrder', () => {
	it('flattens a v2026 order (sandbox example)', () => {
		const order = normalizeV2026Order(searchV2026.orders[0] as unknown as IDataObject);
		const simple = simplifyOrder(order);
		expect(simple).toMatchObject({
			orderId: '123-4567890-1234567',
			status: 'Shipped',
			fulfillmentChannel: 'MFN',
			isPrime: true,
			isBusiness: true,
			orderTotal: 154.99,
			currency: 'USD',
			shipServiceLevel: 'STANDARD',
			buyer: { name: 'John Smith', company: 'Smith Industries LLC' },
			markAsShipped: false,
		});
		expect(simple.items?.[0]).toEqual({
			orderItemId: '12345678901234',
			sku: 'ECHO-DOT-4-CHARCOAL',
			asin: 'B08N5WRWNW',
			title: 'Echo Dot (4th Gen) | Smart speaker with Alexa | Charcoal',
			quantity: 2,
			quantityShipped: 2,
			price: 99.98,
			tax: 0.02,
			isGift: true,
		});
	});

	it('flattens a v0 order with items (sandbox example) into the same keys', () => {
		const order = normalizeV0Order(
			getOrderV0.payload as unknown as IDataObject,
			itemsV0.payload.OrderItems as unknown as IDataObject[],
		);
		const simple = simplifyOrder(order, { packingStationLayout: 'addressLine', markFbaAsShipped: true });
		expect(Object.keys(simple).sort()).toEqual(
			Object.keys(simplifyOrder(normalizeV2026Order(searchV2026.orders[0] as unknown as IDataObject))).sort(),
		);
		expect(simple).toMatchObject({ orderId: '902-1845936-5435065', status: 'Unshipped', orderTotal: 11.01, currency: 'USD' });
		expect(simple.items?.[0]).toMatchObject({ sku: 'NABetaASINB00551Q3CS', price: 10, tax: 1.01, isGift: false });
	});

	it('marks FBA orders as shipped only when asked', () => {
		const afn = normalizeV0Order({ ...getOrderV0.payload, FulfillmentChannel: 'AFN' } as unknown as IDataObject);
		expect(simplifyOrder(afn).markAsShipped).toBe(false);
		expect(simplifyOrder(afn, { packingStationLayout: 'addressLine', markFbaAsShipped: true }).markAsShipped).toBe(true);
	});

	it('lays out German Packstation addresses', () => {
		const address = {
			name: 'Max Mustermann',
			company: null,
			addressLine1: '12345678',
			addressLine2: 'Packstation 105',
			addressLine3: null,
			city: 'Berlin',
			stateOrRegion: null,
			postalCode: '10115',
			countryCode: 'DE',
			phone: null,
		};
		expect(applyPackingStationLayout(address, 'addressLine')).toMatchObject({
			addressLine1: 'Packstation 105',
			addressLine2: '12345678',
			company: null,
		});
		expect(applyPackingStationLayout(address, 'company')).toMatchObject({
			company: '12345678',
			addressLine1: 'Packstation 105',
			addressLine2: null,
		});
		expect(applyPackingStationLayout({ ...address, countryCode: 'US' }, 'company')).toEqual({ ...address, countryCode: 'US' });
	});
});
