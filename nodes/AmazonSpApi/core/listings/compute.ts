/**
 * Applies compiled listing rules to one row. Order of the price rules: currency conversion → adjustment (the
 * marketplace's own, else the general one) → rounding → currency units → min/max guard. Inventory: override, else
 * threshold. Every offer of a row shares the row's computation; alternate SKUs only change the `sku`.
 */

import { adjustPrice, roundForCurrency, roundPrice, type PriceAdjustment } from './pricing';
import { isEmptyCell, readDate, readFulfillment, readPrice, readQuantity, readSkus } from './rowValues';
import type { FulfillmentKind } from './rowValues';
import {
	KNOWN_CURRENCIES,
	type CompiledMarketplace,
	marketplaceOf,
	type CompiledListingRules,
	type ComputedOffer,
	type ListingRow,
	type OfferStatus,
	type RowProblem,
	type SaleOffer,
} from './rules';

interface PricingRules {
	rate?: number;
	adjustment?: PriceAdjustment;
	minPrice?: number;
	maxPrice?: number;
}

interface PriceOutcome {
	price?: number;
	refused?: string;
	problem?: string;
}

interface RowContext {
	compiled: CompiledListingRules;
	row: number;
	/** Created on first use: most rows fire few rules and have no problem (1M rows must not make 2M arrays). */
	rules?: string[];
	problems?: RowProblem[];
}

const NONE: readonly never[] = Object.freeze([]);

function addProblem(context: RowContext, field: RowProblem['field'], message: string): void {
	(context.problems ??= []).push({ row: context.row, field, message });
}

function fired(context: RowContext, rule: string): void {
	(context.rules ??= []).push(rule);
}

const hasProblems = (context: RowContext): boolean => context.problems !== undefined;

/** Rule names per price kind, built once (no string building per row). */
const RULE_NAMES = {
	price: ruleNames('price'),
	salePrice: ruleNames('salePrice'),
};
type PriceLabel = keyof typeof RULE_NAMES;

function ruleNames(label: string) {
	const names = ['CurrencyConversion', 'Increase', 'Decrease', 'Rounding', 'MinClamp', 'MaxClamp'] as const;
	return Object.fromEntries(names.map((name) => [name, `${label}${name}`])) as Record<(typeof names)[number], string>;
}

function computeQuantity(context: RowContext, quantity: number): number {
	const { rules } = context.compiled;
	if (rules.overrideInventory) {
		fired(context, 'overrideInventory');
		return quantity;
	}
	const threshold = rules.threshold;
	if (!threshold?.enabled) return quantity;
	if (quantity <= threshold.breakpoint) {
		fired(context, 'thresholdAtOrBelow');
		return threshold.quantityAtOrBelow;
	}
	if (threshold.quantityAbove === undefined) return quantity;
	fired(context, 'thresholdAbove');
	return threshold.quantityAbove;
}

function applyPriceRules(context: RowContext, value: number, pricing: PricingRules, currency: string, label: PriceLabel): PriceOutcome {
	const { rules, rounding } = context.compiled;
	const names = RULE_NAMES[label];
	let price = value;
	if (pricing.rate !== undefined && pricing.rate !== 1) {
		price *= pricing.rate;
		fired(context, names.CurrencyConversion);
	}
	const adjustment = pricing.adjustment ?? rules.priceAdjustment;
	if (adjustment && adjustment.amount !== 0) {
		price = adjustPrice(price, adjustment);
		fired(context, adjustment.direction === 'increase' ? names.Increase : names.Decrease);
		if (!(price > 0)) return { problem: `is ${roundPrice(price, 'twoDecimals')} after the decrease; it must stay above 0` };
	}
	if (rounding !== 'none') {
		const rounded = roundPrice(price, rounding);
		if (rounded !== price) fired(context, names.Rounding);
		price = rounded;
	}
	price = roundForCurrency(price, currency);
	const min = pricing.minPrice ?? rules.minPrice;
	const max = pricing.maxPrice ?? rules.maxPrice;
	const below = min !== undefined && price < min;
	if (!below && (max === undefined || price <= max)) return { price };
	const limit = (below ? min : max) as number;
	if (rules.priceGuard === 'refuse') {
		return { refused: `${label} ${price} is ${below ? 'below the minimum' : 'above the maximum'} ${limit}` };
	}
	fired(context, below ? names.MinClamp : names.MaxClamp);
	return { price: limit };
}

/** The sale to send, a refusal reason, or undefined (no sale, a sale that has ended, or a problem recorded). */
function computeSale(context: RowContext, row: ListingRow, pricing: PricingRules, currency: string, price: number): SaleOffer | string | undefined {
	const salePrice = readPrice(row.salePrice);
	const start = readDate(row.saleStartDate);
	const end = readDate(row.saleEndDate);
	if (salePrice.problem) addProblem(context, 'salePrice', salePrice.problem);
	if (start.problem) addProblem(context, 'saleStartDate', start.problem);
	if (end.problem) addProblem(context, 'saleEndDate', end.problem);
	if (salePrice.value === undefined || hasProblems(context)) return undefined;
	if (end.value === undefined) {
		addProblem(context, 'saleEndDate', 'is empty; a sale price needs an end date');
		return undefined;
	}
	const startAt = start.value ?? context.compiled.now;
	if (end.value <= startAt) {
		addProblem(context, 'saleEndDate', `${new Date(end.value).toISOString()} is not after the sale start ${new Date(startAt).toISOString()}`);
		return undefined;
	}
	if (end.value <= context.compiled.now) {
		fired(context, 'saleEnded');
		return undefined;
	}
	const outcome = applyPriceRules(context, salePrice.value, pricing, currency, 'salePrice');
	if (outcome.refused) return outcome.refused;
	if (outcome.problem) addProblem(context, 'salePrice', outcome.problem);
	else if ((outcome.price as number) >= price) addProblem(context, 'salePrice', `${outcome.price} is not below the price ${price}`);
	if (hasProblems(context)) return undefined;
	fired(context, 'salePrice');
	return { price: outcome.price as number, startAt: new Date(startAt).toISOString(), endAt: new Date(end.value).toISOString() };
}

/** The currency conversion rate the row needs (undefined = none); records a problem when it cannot convert. */
function conversionRate(context: RowContext, row: ListingRow, rate: number | undefined, currency: string, country: string): number | undefined {
	if (isEmptyCell(row.currency)) return rate;
	const rowCurrency = String(row.currency).trim().toUpperCase();
	if (rowCurrency === currency) return undefined;
	if (!KNOWN_CURRENCIES.has(rowCurrency)) addProblem(context, 'currency', `"${rowCurrency}" is not a known currency code`);
	else if (rate === undefined) addProblem(context, 'currency', `prices in ${rowCurrency} need a conversion rate to ${currency} for marketplace ${country}`);
	return rate;
}

function checkEmptyValues(context: RowContext, quantity: number | undefined, price: number | undefined): void {
	const { sendsQuantity, sendsPrice } = context.compiled;
	if (context.problems?.some((p) => p.field === 'quantity' || p.field === 'price')) return;
	if (sendsQuantity && sendsPrice && quantity === undefined && price === undefined) addProblem(context, 'quantity', 'is empty and so is the price; give at least one');
	else if (sendsQuantity && !sendsPrice && quantity === undefined) addProblem(context, 'quantity', 'is empty');
	else if (sendsPrice && !sendsQuantity && price === undefined) addProblem(context, 'price', 'is empty');
}

type OfferValues = Pick<ComputedOffer, 'quantity' | 'handlingTimeDays' | 'price' | 'sale'>;

interface OfferFacts {
	status: OfferStatus;
	reason?: string;
	values?: OfferValues;
	marketplace?: CompiledMarketplace;
	fulfillment?: FulfillmentKind;
	quantity?: number;
	price?: number;
}

/** Same shape for every offer (one hidden class); alternate SKUs share the row's rules and problems. */
function buildOffers(context: RowContext, row: ListingRow, skus: string[] | undefined, facts: OfferFacts, offers: ComputedOffer[]): ComputedOffer[] {
	const { values, marketplace } = facts;
	const productType = isEmptyCell(row.productType) ? undefined : String(row.productType).trim();
	const salePriceBefore = context.compiled.rules.allowSalePrice ? readPrice(row.salePrice).value : undefined;
	const list = skus ?? [isEmptyCell(row.sku) ? '' : String(row.sku)];
	for (const sku of list) {
		offers.push({
			row: context.row,
			sku,
			status: facts.status,
			reason: facts.reason,
			marketplaceId: marketplace ? marketplace.marketplace.id : '',
			currency: marketplace ? marketplace.marketplace.currency : '',
			productType,
			fulfillment: facts.fulfillment ?? 'MFN',
			quantityBefore: facts.quantity,
			priceBefore: facts.price,
			salePriceBefore,
			quantity: values?.quantity,
			handlingTimeDays: values?.handlingTimeDays,
			price: values?.price,
			sale: values?.sale,
			rules: context.rules ?? NONE,
			problems: context.problems ?? NONE,
		});
	}
	return offers;
}

/**
 * One offer per SKU of the row (alternate SKUs included), appended to `offers` (returned). `index` is the row's
 * position, named in problems.
 */
export function computeListingRow(compiled: CompiledListingRules, row: ListingRow, index: number, offers: ComputedOffer[] = []): ComputedOffer[] {
	const context: RowContext = { compiled, row: index };
	const skus = readSkus(row.sku);
	if (skus.problem) addProblem(context, 'sku', skus.problem);
	const quantity = readQuantity(row.quantity);
	if (quantity.problem) addProblem(context, 'quantity', quantity.problem);
	const price = readPrice(row.price);
	if (price.problem) addProblem(context, 'price', price.problem);
	const fulfillment = readFulfillment(row.fulfillmentChannel);
	if (fulfillment.problem) addProblem(context, 'fulfillmentChannel', fulfillment.problem);
	const marketplace = marketplaceOf(compiled, row.marketplaceId);
	if (!marketplace) {
		addProblem(context, 'marketplaceId', isEmptyCell(row.marketplaceId) ? 'is empty and the rules name no default marketplace' : `"${String(row.marketplaceId)}" is not an Amazon marketplace`);
	}
	const currency = marketplace ? marketplace.marketplace.currency : '';
	const rate = marketplace ? conversionRate(context, row, marketplace.rate, currency, marketplace.marketplace.countryCode) : undefined;
	checkEmptyValues(context, quantity.value, price.value);

	const finish = (status: OfferStatus, reason?: string, values?: OfferValues): ComputedOffer[] =>
		buildOffers(context, row, skus.value, { status, reason, values, marketplace, fulfillment: fulfillment.value, quantity: quantity.value, price: price.value }, offers);
	if (hasProblems(context)) return finish('invalid');
	if (fulfillment.value === 'FBA' && !compiled.rules.updateFbaStock) {
		return finish('skipped', 'fulfilled by Amazon; turn on "Update Stock for FBA Offers" to send it');
	}

	const values: OfferValues = {};
	if (compiled.sendsQuantity && quantity.value !== undefined) {
		values.quantity = computeQuantity(context, quantity.value);
		values.handlingTimeDays = compiled.rules.handlingTimeDays;
	}
	if (compiled.sendsPrice && price.value !== undefined && marketplace) {
		const pricing: PricingRules = { rate, adjustment: marketplace.adjustment, minPrice: marketplace.minPrice, maxPrice: marketplace.maxPrice };
		const outcome = applyPriceRules(context, price.value, pricing, currency, 'price');
		if (outcome.refused) return finish('refused', outcome.refused);
		if (outcome.problem) {
			addProblem(context, 'price', outcome.problem);
			return finish('invalid');
		}
		values.price = outcome.price;
		if (compiled.rules.allowSalePrice) {
			const sale = computeSale(context, row, pricing, currency, outcome.price as number);
			if (typeof sale === 'string') return finish('refused', sale);
			values.sale = sale;
		}
	}
	return hasProblems(context) ? finish('invalid') : finish('ready', undefined, values);
}

/** All rows at once (the benchmark's path): the offers of every row, in input order. */
export function computeListingRows(compiled: CompiledListingRules, rows: readonly ListingRow[]): ComputedOffer[] {
	const offers: ComputedOffer[] = [];
	for (let index = 0; index < rows.length; index++) computeListingRow(compiled, rows[index], index, offers);
	return offers;
}
