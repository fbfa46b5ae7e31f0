/**
 * Applies compiled listing rules to one row. Order of the price rules: currency conversion → adjustment (the
 * marketplace's own, else the general one) → rounding → currency units → min/max guard. Inventory: override, else
 * threshold. Every offer of a row shares the row's computation; alternate SKUs only change the `sku`.
 * Written for a million rows a second: no per-row closures, arrays only for problems.
 */

import { adjustPrice, roundForCurrency, roundPrice, type PriceAdjustment } from './pricing';
import { PRICE_RULE_BITS, RULE_BIT, ruleList } from './ruleNames';
import { CellProblem, isEmptyCell, readDate, readFulfillment, readPrice, readQuantity, readSkus, trimmed } from './rowValues';
import {
	KNOWN_CURRENCIES,
	marketplaceOf,
	type CompiledListingRules,
	type CompiledMarketplace,
	type ComputedOffer,
	type ListingRow,
	type RowProblem,
	type SaleOffer,
} from './rules';

/** A marketplace's own price rules (CompiledMarketplace); the rate comes separately (a row may need none). */
interface PricingRules {
	adjustment?: PriceAdjustment;
	minPrice?: number;
	maxPrice?: number;
}

interface RowContext {
	compiled: CompiledListingRules;
	row: number;
	/** RULE_BIT of every rule that fired. */
	rules: number;
	problems?: RowProblem[];
}

const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);
const NO_RULES: readonly never[] = Object.freeze([]);
/** A price outcome: the price, or a refusal text (refused), or undefined with a problem recorded. */
class Refusal {
	constructor(readonly reason: string) {}
}

function addProblem(context: RowContext, field: RowProblem['field'], message: string): void {
	(context.problems ??= []).push({ row: context.row, field, message });
}

/** The cell's value; a CellProblem is recorded under `field` and read as undefined. */
function valueOf<T>(context: RowContext, field: RowProblem['field'], cell: T | undefined | CellProblem): T | undefined {
	if (cell instanceof CellProblem) {
		addProblem(context, field, cell.message);
		return undefined;
	}
	return cell;
}

function computeQuantity(context: RowContext, quantity: number): number {
	const { rules } = context.compiled;
	if (rules.overrideInventory) {
		context.rules |= RULE_BIT.overrideInventory;
		return quantity;
	}
	const threshold = rules.threshold;
	if (!threshold?.enabled) return quantity;
	if (quantity <= threshold.breakpoint) {
		context.rules |= RULE_BIT.thresholdAtOrBelow;
		return threshold.quantityAtOrBelow;
	}
	if (threshold.quantityAbove === undefined) return quantity;
	context.rules |= RULE_BIT.thresholdAbove;
	return threshold.quantityAbove;
}

function applyPriceRules(context: RowContext, value: number, pricing: PricingRules, rate: number | undefined, currency: string, label: 'price' | 'salePrice'): number | Refusal | undefined {
	const { rules, rounding } = context.compiled;
	const bits = PRICE_RULE_BITS[label];
	let price = value;
	if (rate !== undefined && rate !== 1) {
		price *= rate;
		context.rules |= bits.conversion;
	}
	const adjustment = pricing.adjustment ?? rules.priceAdjustment;
	if (adjustment && adjustment.amount !== 0) {
		price = adjustPrice(price, adjustment);
		context.rules |= adjustment.direction === 'increase' ? bits.increase : bits.decrease;
		if (!(price > 0)) {
			addProblem(context, label, `is ${roundPrice(price, 'twoDecimals')} after the decrease; it must stay above 0`);
			return undefined;
		}
	}
	if (rounding !== 'none') {
		const rounded = roundPrice(price, rounding);
		if (rounded !== price) context.rules |= bits.rounding;
		price = rounded;
	}
	price = roundForCurrency(price, currency);
	const min = pricing.minPrice ?? rules.minPrice;
	const max = pricing.maxPrice ?? rules.maxPrice;
	const below = min !== undefined && price < min;
	if (!below && (max === undefined || price <= max)) return price;
	const limit = (below ? min : max) as number;
	if (rules.priceGuard === 'refuse') return new Refusal(`${label} ${price} is ${below ? 'below the minimum' : 'above the maximum'} ${limit}`);
	context.rules |= below ? bits.minClamp : bits.maxClamp;
	return limit;
}

/** The sale to send, a refusal, or undefined (no sale, a sale that has ended, or a problem recorded). */
function computeSale(context: RowContext, row: ListingRow, pricing: PricingRules, rate: number | undefined, currency: string, price: number): SaleOffer | Refusal | undefined {
	const salePrice = valueOf(context, 'salePrice', readPrice(row.salePrice));
	const start = valueOf(context, 'saleStartDate', readDate(row.saleStartDate));
	const end = valueOf(context, 'saleEndDate', readDate(row.saleEndDate));
	if (salePrice === undefined || context.problems) return undefined;
	if (end === undefined) {
		addProblem(context, 'saleEndDate', 'is empty; a sale price needs an end date');
		return undefined;
	}
	const startAt = start ?? context.compiled.now;
	if (end <= startAt) {
		addProblem(context, 'saleEndDate', `${new Date(end).toISOString()} is not after the sale start ${new Date(startAt).toISOString()}`);
		return undefined;
	}
	if (end <= context.compiled.now) {
		context.rules |= RULE_BIT.saleEnded;
		return undefined;
	}
	const outcome = applyPriceRules(context, salePrice, pricing, rate, currency, 'salePrice');
	if (outcome === undefined || outcome instanceof Refusal) return outcome;
	if (outcome >= price) {
		addProblem(context, 'salePrice', `${outcome} is not below the price ${price}`);
		return undefined;
	}
	context.rules |= RULE_BIT.salePrice;
	return { price: outcome, startAt: new Date(startAt).toISOString(), endAt: new Date(end).toISOString() };
}

/** The conversion rate the row needs (undefined = none); records a problem when it cannot convert. */
function conversionRate(context: RowContext, row: ListingRow, marketplace: CompiledMarketplace): number | undefined {
	if (isEmptyCell(row.currency)) return marketplace.rate;
	const rowCurrency = String(row.currency).trim().toUpperCase();
	const { currency, countryCode } = marketplace.marketplace;
	if (rowCurrency === currency) return undefined;
	if (!KNOWN_CURRENCIES.has(rowCurrency)) addProblem(context, 'currency', `"${rowCurrency}" is not a known currency code`);
	else if (marketplace.rate === undefined) addProblem(context, 'currency', `prices in ${rowCurrency} need a conversion rate to ${currency} for marketplace ${countryCode}`);
	return marketplace.rate;
}

function checkEmptyValues(context: RowContext, quantity: number | undefined, price: number | undefined): void {
	const { sendsQuantity, sendsPrice } = context.compiled;
	if (context.problems?.some((p) => p.field === 'quantity' || p.field === 'price')) return;
	if (sendsQuantity && sendsPrice && quantity === undefined && price === undefined) addProblem(context, 'quantity', 'is empty and so is the price; give at least one');
	else if (sendsQuantity && !sendsPrice && quantity === undefined) addProblem(context, 'quantity', 'is empty');
	else if (sendsPrice && !sendsQuantity && price === undefined) addProblem(context, 'price', 'is empty');
}

/** Fills the offer's status and the values to send (undefined = not sent). */
function decide(context: RowContext, row: ListingRow, offer: ComputedOffer, marketplace: CompiledMarketplace | undefined, rate: number | undefined): void {
	const { compiled } = context;
	if (context.problems) return;
	if (offer.fulfillment === 'FBA' && !compiled.rules.updateFbaStock) {
		offer.status = 'skipped';
		offer.reason = 'fulfilled by Amazon; turn on "Update Stock for FBA Offers" to send it';
		return;
	}
	if (compiled.sendsQuantity && offer.quantityBefore !== undefined) {
		offer.quantity = computeQuantity(context, offer.quantityBefore);
		offer.handlingTimeDays = compiled.rules.handlingTimeDays;
	}
	if (!compiled.sendsPrice || offer.priceBefore === undefined || !marketplace) return;
	const price = applyPriceRules(context, offer.priceBefore, marketplace, rate, offer.currency, 'price');
	const sale = typeof price === 'number' && compiled.rules.allowSalePrice ? computeSale(context, row, marketplace, rate, offer.currency, price) : undefined;
	const refusal = price instanceof Refusal ? price : sale instanceof Refusal ? sale : undefined;
	if (refusal) {
		offer.status = 'refused';
		offer.reason = refusal.reason;
		offer.quantity = offer.handlingTimeDays = undefined;
		return;
	}
	offer.price = price as number | undefined;
	offer.sale = sale as SaleOffer | undefined;
}

const numberOrUndefined = (cell: unknown): number | undefined => (typeof cell === 'number' ? cell : undefined);

/** computeListingRow is synchronous, so one scratch context serves every row (a million rows, no allocation). */
const scratch: RowContext = { compiled: undefined as unknown as CompiledListingRules, row: 0, rules: 0 };

/**
 * One offer per SKU of the row (alternate SKUs included), appended to `offers` (returned). `index` is the row's
 * position, named in problems.
 */
export function computeListingRow(compiled: CompiledListingRules, row: ListingRow, index: number, offers: ComputedOffer[] = []): ComputedOffer[] {
	const context = scratch;
	context.compiled = compiled;
	context.row = index;
	context.rules = 0;
	context.problems = undefined;
	const skus = valueOf(context, 'sku', readSkus(row.sku));
	const quantity = valueOf(context, 'quantity', readQuantity(row.quantity));
	const price = valueOf(context, 'price', readPrice(row.price));
	const fulfillment = valueOf(context, 'fulfillmentChannel', readFulfillment(row.fulfillmentChannel));
	const marketplace = marketplaceOf(compiled, row.marketplaceId);
	if (!marketplace) {
		addProblem(context, 'marketplaceId', isEmptyCell(row.marketplaceId) ? 'is empty and the rules name no default marketplace' : `"${String(row.marketplaceId)}" is not an Amazon marketplace`);
	}
	const rate = marketplace ? conversionRate(context, row, marketplace) : undefined;
	checkEmptyValues(context, quantity, price);
	const offer: ComputedOffer = {
		row: index,
		sku: typeof skus === 'string' ? skus : skus ? skus[0] : isEmptyCell(row.sku) ? '' : String(row.sku),
		status: 'ready',
		reason: undefined,
		marketplaceId: marketplace ? marketplace.marketplace.id : '',
		currency: marketplace ? marketplace.marketplace.currency : '',
		productType: typeof row.productType === 'string' && row.productType ? trimmed(row.productType) || undefined : isEmptyCell(row.productType) ? undefined : String(row.productType).trim(),
		fulfillment: fulfillment ?? 'MFN',
		quantityBefore: quantity,
		priceBefore: price,
		salePriceBefore: compiled.rules.allowSalePrice ? numberOrUndefined(readPrice(row.salePrice)) : undefined,
		quantity: undefined,
		handlingTimeDays: undefined,
		price: undefined,
		sale: undefined,
		rules: NO_RULES,
		problems: NO_PROBLEMS,
	};
	decide(context, row, offer, marketplace, rate);
	if (context.problems) {
		offer.status = 'invalid';
		offer.reason = offer.quantity = offer.handlingTimeDays = offer.price = offer.sale = undefined;
		offer.problems = context.problems;
	}
	offer.rules = ruleList(context.rules);
	offers.push(offer);
	if (Array.isArray(skus)) for (let i = 1; i < skus.length; i++) offers.push({ ...offer, sku: skus[i] });
	return offers;
}

/** All rows at once (the benchmark's path): the offers of every row, in input order. */
export function computeListingRows(compiled: CompiledListingRules, rows: readonly ListingRow[]): ComputedOffer[] {
	const offers: ComputedOffer[] = [];
	for (let index = 0; index < rows.length; index++) computeListingRow(compiled, rows[index], index, offers);
	return offers;
}
