import {
	applyGiftWrapFlag,
	findShipServiceLevel,
	isGiftWrapped,
} from '../../../nodes/AmazonSellerCentral/actions/common/orderFields';

describe('findShipServiceLevel', () => {
	it('reads v0, simplified and v2026 shapes', () => {
		expect(findShipServiceLevel({ ShipServiceLevel: 'Std DE Dom' })).toBe('Std DE Dom');
		expect(findShipServiceLevel({ shipServiceLevel: 'Exp' })).toBe('Exp');
		expect(findShipServiceLevel({ fulfillment: { fulfillmentServiceLevel: 'NextDay' } })).toBe('NextDay');
		expect(findShipServiceLevel({ ShipmentServiceLevelCategory: 'SecondDay' })).toBe('SecondDay');
		expect(findShipServiceLevel({})).toBeUndefined();
	});
});

describe('gift wrap flag', () => {
	it('detects gift lines from IsGift, gift-wrap level or a gift-wrap price', () => {
		expect(isGiftWrapped({ IsGift: 'true' })).toBe(true);
		expect(isGiftWrapped({ isGift: true })).toBe(true);
		expect(isGiftWrapped({ GiftWrapLevel: 'Classic' })).toBe(true);
		expect(isGiftWrapped({ GiftWrapPrice: { CurrencyCode: 'EUR', Amount: '2.50' } })).toBe(true);
		expect(isGiftWrapped({ giftWrapPrice: '0.00', IsGift: 'false' })).toBe(false);
	});

	it('flags each line item and the order without touching other fields', () => {
		const output = applyGiftWrapFlag({
			orderId: '1',
			items: [{ sku: 'A', isGift: true }, { sku: 'B' }],
		});
		expect(output).toEqual({
			orderId: '1',
			items: [
				{ sku: 'A', isGift: true, giftWrap: true },
				{ sku: 'B', giftWrap: false },
			],
			hasGiftWrap: true,
		});
	});

	it('sets hasGiftWrap false for orders without line items', () => {
		expect(applyGiftWrapFlag({ orderId: '1' })).toEqual({ orderId: '1', hasGiftWrap: false });
	});
});
