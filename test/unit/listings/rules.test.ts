import { compileListingRules, computeListingRow, type ListingRow, type ListingRules } from '../../../nodes/AmazonSpApi/core/listings';

const NOW = Date.parse('2026-12-01T12:00:00Z');

function compute(row: Partial<ListingRow>, rules: ListingRules = {}, index = 0) {
	const compiled = compileListingRules({ defaultMarketplace: 'US', ...rules }, NOW);
	return computeListingRow(compiled, { sku: 'SKU-1', ...row }, index);
}
const one = (row: Partial<ListingRow>, rules?: ListingRules) => compute(row, rules)[0];

describe('threshold inventory', () => {
	const threshold = { enabled: true, breakpoint: 5, quantityAtOrBelow: 0, quantityAbove: 100 };

	it('treats the breakpoint itself as "at or below"', () => {
		expect(one({ quantity: 5 }, { threshold })).toMatchObject({ status: 'ready', quantity: 0, rules: ['thresholdAtOrBelow'] });
		expect(one({ quantity: 4 }, { threshold }).quantity).toBe(0);
		expect(one({ quantity: 6 }, { threshold })).toMatchObject({ quantity: 100, rules: ['thresholdAbove'] });
	});

	it('sends the stock itself above the breakpoint when no value is given', () => {
		expect(one({ quantity: 6 }, { threshold: { ...threshold, quantityAbove: undefined } })).toMatchObject({ quantity: 6, rules: [] });
	});

	it('does nothing when disabled, and override sends the raw quantity whatever the threshold says', () => {
		expect(one({ quantity: 3 }, { threshold: { ...threshold, enabled: false } })).toMatchObject({ quantity: 3, rules: [] });
		expect(one({ quantity: 3 }, { threshold, overrideInventory: true })).toMatchObject({ quantity: 3, rules: ['overrideInventory'] });
	});

	it('keeps the quantity before the rules and adds the handling time', () => {
		expect(one({ quantity: '2' }, { threshold, handlingTimeDays: 3 })).toMatchObject({ quantityBefore: 2, quantity: 0, handlingTimeDays: 3 });
	});

	it('refuses handling times outside 1–30 days and bad breakpoints as rule errors', () => {
		expect(() => compileListingRules({ handlingTimeDays: 0 }, NOW)).toThrow(expect.objectContaining({ field: 'handlingTimeDays' }));
		expect(() => compileListingRules({ handlingTimeDays: 31 }, NOW)).toThrow(/more than Amazon's 30/);
		expect(compileListingRules({ handlingTimeDays: 30 }, NOW).rules.handlingTimeDays).toBe(30);
		expect(() => compileListingRules({ threshold: { ...threshold, breakpoint: -1 } }, NOW)).toThrow(expect.objectContaining({ field: 'threshold.breakpoint' }));
	});
});

describe('fulfilment', () => {
	it('skips FBA rows unless stock for FBA offers is on, and reports them as skipped', () => {
		for (const channel of ['FBA', 'AFN', 'AMAZON_NA', 'amazon_eu']) {
			expect(one({ quantity: 3, price: 10, fulfillmentChannel: channel })).toMatchObject({ status: 'skipped', fulfillment: 'FBA', reason: expect.stringContaining('fulfilled by Amazon') });
		}
		expect(one({ quantity: 3, price: 10, fulfillmentChannel: 'FBA' }, { updateFbaStock: true })).toMatchObject({ status: 'ready', quantity: 3 });
		expect(one({ quantity: 3, fulfillmentChannel: 'DEFAULT' }).status).toBe('ready');
		expect(one({ quantity: 3, fulfillmentChannel: '' }).fulfillment).toBe('MFN');
	});

	it('names an unknown channel', () => {
		expect(one({ quantity: 3, fulfillmentChannel: 'POST' }).problems).toEqual([expect.objectContaining({ field: 'fulfillmentChannel' })]);
	});
});

describe('price rules', () => {
	it('increases and decreases by a fixed amount or a percentage', () => {
		expect(one({ price: 10 }, { priceAdjustment: { direction: 'increase', kind: 'fixed', amount: 2.5 } }).price).toBe(12.5);
		expect(one({ price: 10 }, { priceAdjustment: { direction: 'decrease', kind: 'fixed', amount: 2.5 } }).price).toBe(7.5);
		expect(one({ price: 10 }, { priceAdjustment: { direction: 'increase', kind: 'percentage', amount: 15 }, rounding: 'twoDecimals' }).price).toBe(11.5);
		expect(one({ price: 10 }, { priceAdjustment: { direction: 'decrease', kind: 'percentage', amount: 15 } })).toMatchObject({ price: 8.5, rules: ['priceDecrease'] });
	});

	it('gives a problem when a decrease leaves nothing', () => {
		const offer = one({ price: 2 }, { priceAdjustment: { direction: 'decrease', kind: 'fixed', amount: 2 } });
		expect(offer).toMatchObject({ status: 'invalid', problems: [{ row: 0, field: 'price', message: expect.stringContaining('after the decrease') }] });
		expect(() => compileListingRules({ priceAdjustment: { direction: 'decrease', kind: 'percentage', amount: 100 } }, NOW)).toThrow(/100 %/);
	});

	it('rounds .995 up, half up to cents, as written', () => {
		expect(one({ price: 1.995 }, { rounding: 'twoDecimals' }).price).toBe(2);
		expect(one({ price: 12.995 }, { rounding: 'twoDecimals' }).price).toBe(13);
		expect(one({ price: 12.994 }, { rounding: 'twoDecimals' }).price).toBe(12.99);
		expect(one({ price: 1.005 }, { rounding: 'twoDecimals' }).price).toBe(1.01);
		expect(one({ price: 12.995 }, { rounding: 'none' }).price).toBe(12.995);
	});

	it('rounds to the nearest ending .99 / .95 / .49 (a tie goes up), after rounding to cents', () => {
		expect(one({ price: 12.995 }, { rounding: 'end99' }).price).toBe(12.99);
		expect(one({ price: 12.2 }, { rounding: 'end99' }).price).toBe(11.99);
		expect(one({ price: 12.6 }, { rounding: 'end99' }).price).toBe(12.99);
		expect(one({ price: 12.49 }, { rounding: 'end99' }).price).toBe(12.99);
		expect(one({ price: 12.5 }, { rounding: 'end95' }).price).toBe(12.95);
		expect(one({ price: 12.4 }, { rounding: 'end95' }).price).toBe(11.95);
		expect(one({ price: 12.45 }, { rounding: 'end95' }).price).toBe(12.95);
		expect(one({ price: 12.6 }, { rounding: 'end49' }).price).toBe(12.49);
		expect(one({ price: 12.98 }, { rounding: 'end49' }).price).toBe(12.49);
		expect(one({ price: 12.99 }, { rounding: 'end49' }).price).toBe(13.49); // 0.50 either way: up
		expect(one({ price: 12.995 }, { rounding: 'end49' }).price).toBe(13.49);
	});

	it('rounds to the nearest 0.05', () => {
		expect(one({ price: 12.975 }, { rounding: 'nearest005' }).price).toBe(13);
		expect(one({ price: 12.97 }, { rounding: 'nearest005' }).price).toBe(12.95);
		expect(one({ price: 12.995 }, { rounding: 'nearest005' }).price).toBe(13);
		expect(one({ price: 12.925 }, { rounding: 'nearest005' }).price).toBe(12.95);
	});

	it('clamps to the guard, or refuses the row with a reason', () => {
		const guard = { minPrice: 5, maxPrice: 50 };
		expect(one({ price: 4.99, quantity: 1 }, guard)).toMatchObject({ status: 'ready', price: 5, rules: ['priceMinClamp'] });
		expect(one({ price: 60 }, guard)).toMatchObject({ status: 'ready', price: 50, rules: ['priceMaxClamp'] });
		expect(one({ price: 5 }, { ...guard, priceGuard: 'refuse' })).toMatchObject({ status: 'ready', price: 5 });
		const refused = one({ price: 4.99, quantity: 1 }, { ...guard, priceGuard: 'refuse' });
		expect(refused).toMatchObject({ status: 'refused', reason: 'price 4.99 is below the minimum 5', quantity: undefined, price: undefined });
		expect(one({ price: 50.01 }, { ...guard, priceGuard: 'refuse' }).reason).toBe('price 50.01 is above the maximum 50');
		expect(() => compileListingRules({ minPrice: 10, maxPrice: 5 }, NOW)).toThrow(expect.objectContaining({ field: 'minPrice' }));
	});

	it('applies the guard after rounding', () => {
		expect(one({ price: 5.2 }, { rounding: 'end99', minPrice: 5 })).toMatchObject({ price: 5, rules: ['priceRounding', 'priceMinClamp'] });
	});
});

describe('sale price', () => {
	const sale = { allowSalePrice: true };

	it('sends the sale with its dates when allowed', () => {
		const offer = one({ price: 20, salePrice: 15, saleStartDate: '2026-12-10', saleEndDate: '2026-12-24' }, sale);
		expect(offer).toMatchObject({
			status: 'ready',
			sale: { price: 15, startAt: '2026-12-10T00:00:00.000Z', endAt: '2026-12-24T00:00:00.000Z' },
			salePriceBefore: 15,
		});
		expect(offer.rules).toContain('salePrice');
	});

	it('ignores sale prices unless allowed', () => {
		expect(one({ price: 20, salePrice: 15, saleEndDate: '2026-12-24' }).sale).toBeUndefined();
	});

	it('starts now when no start date is given, and drops a sale that has ended', () => {
		expect(one({ price: 20, salePrice: 15, saleEndDate: '2026-12-24' }, sale).sale?.startAt).toBe(new Date(NOW).toISOString());
		expect(one({ price: 20, salePrice: 15, saleStartDate: '2026-11-01', saleEndDate: '2026-11-30' }, sale)).toMatchObject({ status: 'ready', sale: undefined, rules: ['saleEnded'] });
	});

	it('names bad sale dates and prices', () => {
		const field = (row: Partial<ListingRow>) => one({ price: 20, ...row }, sale).problems.map((p) => p.field);
		expect(field({ salePrice: 15 })).toEqual(['saleEndDate']);
		expect(field({ salePrice: 15, saleEndDate: 'next week' })).toEqual(['saleEndDate']);
		expect(field({ salePrice: 15, saleStartDate: '2026-12-24', saleEndDate: '2026-12-20' })).toEqual(['saleEndDate']);
		expect(field({ salePrice: 25, saleEndDate: '2026-12-24' })).toEqual(['salePrice']);
		expect(field({ salePrice: 'cheap', saleEndDate: '2026-12-24' })).toEqual(['salePrice']);
	});

	it('runs the sale price through the same rules', () => {
		const offer = one({ price: 20, salePrice: 14.2, saleEndDate: '2026-12-24' }, { ...sale, rounding: 'end99' });
		expect(offer).toMatchObject({ price: 19.99, sale: { price: 13.99 } });
	});
});

describe('marketplaces and currencies', () => {
	const marketplaces = [
		{ marketplace: 'GB', currencyRate: 0.86, adjustment: { direction: 'increase' as const, kind: 'fixed' as const, amount: 1 } },
		{ marketplace: 'JP', currencyRate: 160 },
	];

	it('converts with the marketplace rate and uses its own price adjustment', () => {
		const offer = one({ price: 10, marketplaceId: 'GB' }, { marketplaces, rounding: 'twoDecimals', priceAdjustment: { direction: 'increase', kind: 'percentage', amount: 50 } });
		expect(offer).toMatchObject({ marketplaceId: 'A1F83G8C2ARO7P', currency: 'GBP', price: 9.6, rules: ['priceCurrencyConversion', 'priceIncrease'] });
		expect(one({ price: 10, marketplaceId: 'US' }, { marketplaces, priceAdjustment: { direction: 'increase', kind: 'percentage', amount: 50 } }).price).toBe(15);
	});

	it('rounds yen to whole units', () => {
		expect(one({ price: 10.123, marketplaceId: 'A1VC38T7YXB528' }, { marketplaces })).toMatchObject({ currency: 'JPY', price: 1620 });
	});

	it('does not convert rows already in the marketplace currency, and asks for a rate otherwise', () => {
		expect(one({ price: 10, marketplaceId: 'GB', currency: 'GBP' }, { marketplaces }).price).toBe(11);
		expect(one({ price: 10, marketplaceId: 'DE', currency: 'USD' }, { marketplaces }).problems).toEqual([
			{ row: 0, field: 'currency', message: 'prices in USD need a conversion rate to EUR for marketplace DE' },
		]);
		expect(one({ price: 10, currency: 'XYZ' }).problems).toEqual([{ row: 0, field: 'currency', message: '"XYZ" is not a known currency code' }]);
	});

	it('names unknown marketplaces in rows and rules', () => {
		expect(one({ price: 10, marketplaceId: 'Atlantis' }).problems).toEqual([{ row: 0, field: 'marketplaceId', message: '"Atlantis" is not an Amazon marketplace' }]);
		const compiled = compileListingRules({}, NOW);
		expect(computeListingRow(compiled, { sku: 'A', price: 1 }, 4)[0].problems).toEqual([{ row: 4, field: 'marketplaceId', message: 'is empty and the rules name no default marketplace' }]);
		expect(() => compileListingRules({ marketplaces: [{ marketplace: 'XX' }] }, NOW)).toThrow(expect.objectContaining({ field: 'marketplaces[0].marketplace' }));
	});

	it('uses per-marketplace guards', () => {
		expect(one({ price: 3, marketplaceId: 'JP' }, { marketplaces: [{ marketplace: 'JP', minPrice: 1000 }], minPrice: 1 }).price).toBe(1000);
	});
});

describe('alternate SKUs', () => {
	it('gives each SKU of ||A||B|| its own offer with the row\'s values', () => {
		const offers = compute({ sku: '||AMZ-1||AMZ-2||', quantity: 3, price: 9.99 }, {}, 7);
		expect(offers.map((o) => [o.sku, o.row, o.quantity, o.price])).toEqual([
			['AMZ-1', 7, 3, 9.99],
			['AMZ-2', 7, 3, 9.99],
		]);
	});

	it('accepts the notation without outer bars and sends duplicates once', () => {
		expect(compute({ sku: 'A||B||A', quantity: 1 }).map((o) => o.sku)).toEqual(['A', 'B']);
		expect(compute({ sku: ' SKU-9 ', quantity: 1 }).map((o) => o.sku)).toEqual(['SKU-9']);
	});

	it('names empty and over-long SKUs', () => {
		expect(one({ sku: '||||', quantity: 1 }).problems).toEqual([{ row: 0, field: 'sku', message: 'is empty' }]);
		expect(one({ sku: 'X'.repeat(41), quantity: 1 }).problems[0]).toMatchObject({ field: 'sku', message: expect.stringContaining('longer than 40') });
	});
});

describe('validation', () => {
	const problems = (row: Partial<ListingRow>, rules?: ListingRules) => compute(row, rules, 3)[0].problems;

	it('names the row and the field of every problem, and builds nothing for that row', () => {
		const offer = compute({ quantity: -1, price: 'abc' }, {}, 3)[0];
		expect(offer.status).toBe('invalid');
		expect(offer.quantity).toBeUndefined();
		expect(offer.problems).toEqual([
			{ row: 3, field: 'quantity', message: '-1 is negative' },
			{ row: 3, field: 'price', message: '"abc" is not a number' },
		]);
	});

	it('refuses non-integer quantities, zero prices and empty rows', () => {
		expect(problems({ quantity: 2.5 })).toEqual([{ row: 3, field: 'quantity', message: '2.5 is not a whole number' }]);
		expect(problems({ price: 0 })).toEqual([{ row: 3, field: 'price', message: '0 is not above 0' }]);
		expect(problems({ price: -4 })).toEqual([{ row: 3, field: 'price', message: '-4 is not above 0' }]);
		expect(problems({})).toEqual([{ row: 3, field: 'quantity', message: 'is empty and so is the price; give at least one' }]);
		expect(problems({ price: 5 }, { update: 'inventory' })).toEqual([{ row: 3, field: 'quantity', message: 'is empty' }]);
		expect(problems({ quantity: 5 }, { update: 'price' })).toEqual([{ row: 3, field: 'price', message: 'is empty' }]);
	});

	it('reads numbers written as text (CSV cells)', () => {
		expect(one({ quantity: ' 12 ', price: '19.90' })).toMatchObject({ status: 'ready', quantity: 12, price: 19.9 });
	});

	it('sends only what the update scope names', () => {
		expect(one({ quantity: 3, price: 9 }, { update: 'inventory' })).toMatchObject({ quantity: 3, price: undefined });
		expect(one({ quantity: 3, price: 9 }, { update: 'price' })).toMatchObject({ quantity: undefined, price: 9 });
		expect(one({ quantity: 3 })).toMatchObject({ status: 'ready', quantity: 3, price: undefined });
	});

	it('keeps the product type of the row', () => {
		expect(one({ quantity: 1, productType: ' LUGGAGE ' }).productType).toBe('LUGGAGE');
	});
});
