/**
 * The rules that fired for a row, kept as bits while computing and turned into one shared, frozen list per
 * combination: a million rows share a handful of lists instead of allocating a million arrays. Bits are in
 * pipeline order, so a list reads in the order the rules ran.
 */

export const RULE_ORDER = [
	'overrideInventory',
	'thresholdAtOrBelow',
	'thresholdAbove',
	'priceCurrencyConversion',
	'priceIncrease',
	'priceDecrease',
	'priceRounding',
	'priceMinClamp',
	'priceMaxClamp',
	'saleEnded',
	'salePriceCurrencyConversion',
	'salePriceIncrease',
	'salePriceDecrease',
	'salePriceRounding',
	'salePriceMinClamp',
	'salePriceMaxClamp',
	'salePrice',
] as const;

export type RuleName = (typeof RULE_ORDER)[number];

export const RULE_BIT = Object.fromEntries(RULE_ORDER.map((name, index) => [name, 1 << index])) as Record<RuleName, number>;

/** Price-rule bits of the regular price and of the sale price. */
export const PRICE_RULE_BITS = {
	price: {
		conversion: RULE_BIT.priceCurrencyConversion,
		increase: RULE_BIT.priceIncrease,
		decrease: RULE_BIT.priceDecrease,
		rounding: RULE_BIT.priceRounding,
		minClamp: RULE_BIT.priceMinClamp,
		maxClamp: RULE_BIT.priceMaxClamp,
	},
	salePrice: {
		conversion: RULE_BIT.salePriceCurrencyConversion,
		increase: RULE_BIT.salePriceIncrease,
		decrease: RULE_BIT.salePriceDecrease,
		rounding: RULE_BIT.salePriceRounding,
		minClamp: RULE_BIT.salePriceMinClamp,
		maxClamp: RULE_BIT.salePriceMaxClamp,
	},
};

const lists = new Map<number, readonly RuleName[]>();

export function ruleList(bits: number): readonly RuleName[] {
	let list = lists.get(bits);
	if (!list) {
		list = Object.freeze(RULE_ORDER.filter((_, index) => bits & (1 << index)));
		lists.set(bits, list);
	}
	return list;
}
