/**
 * Threshold inventory and price rules over plain rows (one row per product and marketplace). Pure: no I/O, no
 * n8n. `compileListingRules` checks the rules once (a bad rule is an SpApiInputError naming the rule);
 * `computeListingRow` then turns each row into one offer per Amazon SKU, with the values before and after, the
 * rules that fired and the row's problems. Rows with problems build no message.
 */

import { SpApiInputError } from '../http/errors';
import { findMarketplace, MARKETPLACES, type Marketplace } from '../marketplaces';
import { PRICE_ROUNDINGS, type PriceAdjustment, type PriceRounding } from './pricing';
import { isEmptyCell, type FulfillmentKind } from './rowValues';

export interface ListingRow {
	/** One SKU, or alternate SKUs `||AMZ-1||AMZ-2||`. */
	sku: unknown;
	quantity?: unknown;
	price?: unknown;
	/** Empty = merchant-fulfilled. */
	fulfillmentChannel?: unknown;
	salePrice?: unknown;
	saleStartDate?: unknown;
	saleEndDate?: unknown;
	productType?: unknown;
	/** Marketplace ID or country code; empty = the rules' default marketplace. */
	marketplaceId?: unknown;
	/** Currency of the row's prices; empty = already in the marketplace's currency (or converted by its rate). */
	currency?: unknown;
}

export interface ThresholdRule {
	enabled: boolean;
	/** Stock AT OR BELOW the breakpoint sends `quantityAtOrBelow` ("value for less than", meant as ≤). */
	breakpoint: number;
	quantityAtOrBelow: number;
	/** Stock above the breakpoint; undefined = send the stock itself. */
	quantityAbove?: number;
}

export interface MarketplacePricing {
	/** Marketplace ID or country code. */
	marketplace: string;
	/** Multiplies row prices into the marketplace's currency (e.g. EUR → GBP 0.86). */
	currencyRate?: number;
	/** Replaces the general price adjustment in this marketplace. */
	adjustment?: PriceAdjustment;
	minPrice?: number;
	maxPrice?: number;
}

export type UpdateScope = 'inventoryAndPrice' | 'inventory' | 'price';

export interface ListingRules {
	update?: UpdateScope;
	threshold?: ThresholdRule;
	/** Send the row's quantity whatever the inventory rules say. */
	overrideInventory?: boolean;
	/** Handling time sent with the quantity (lead_time_to_ship_max_days), 1–30. */
	handlingTimeDays?: number;
	/** Off (default): rows fulfilled by Amazon are skipped and reported as skipped. */
	updateFbaStock?: boolean;
	priceAdjustment?: PriceAdjustment;
	rounding?: PriceRounding;
	minPrice?: number;
	maxPrice?: number;
	/** Outside min/max: `clamp` to the limit (default) or `refuse` the row with a reason. */
	priceGuard?: 'clamp' | 'refuse';
	/** Send the row's sale price with its start and end dates. */
	allowSalePrice?: boolean;
	marketplaces?: MarketplacePricing[];
	/** Marketplace ID or country code for rows without one. */
	defaultMarketplace?: string;
}

export type OfferStatus = 'ready' | 'skipped' | 'refused' | 'invalid';

export interface RowProblem {
	/** Position of the row in the input (0-based, the n8n item index). */
	row: number;
	field: keyof ListingRow | 'rules';
	message: string;
}

export interface SaleOffer {
	price: number;
	startAt: string;
	endAt: string;
}

export interface ComputedOffer {
	row: number;
	sku: string;
	status: OfferStatus;
	/** Why a row was skipped or refused. */
	reason?: string;
	marketplaceId: string;
	currency: string;
	productType?: string;
	fulfillment: FulfillmentKind;
	/** The row's own values, before the rules. */
	quantityBefore?: number;
	priceBefore?: number;
	salePriceBefore?: number;
	/** Values to send; undefined = not updated. */
	quantity?: number;
	handlingTimeDays?: number;
	price?: number;
	sale?: SaleOffer;
	/** Names of the rules that changed something, in order. */
	rules: readonly string[];
	problems: readonly RowProblem[];
}

export interface CompiledMarketplace {
	marketplace: Marketplace;
	rate?: number;
	adjustment?: PriceAdjustment;
	minPrice?: number;
	maxPrice?: number;
}

export interface CompiledListingRules {
	rules: ListingRules;
	sendsQuantity: boolean;
	sendsPrice: boolean;
	rounding: PriceRounding;
	defaultMarketplace?: Marketplace;
	marketplaceCache: Map<string, CompiledMarketplace | undefined>;
	/** Same, keyed by the raw cell text (rows repeat a handful of values; spares the normalising). */
	rawMarketplaceCache: Map<unknown, CompiledMarketplace | undefined>;
	now: number;
}

/** Currency codes a row may name: the marketplaces' own plus common shop currencies. */
export const KNOWN_CURRENCIES = new Set([
	...MARKETPLACES.map((marketplace) => marketplace.currency),
	...['CHF', 'CNY', 'CZK', 'DKK', 'HKD', 'HUF', 'KRW', 'NOK', 'NZD'],
]);

function check(condition: boolean, field: string, message: string, hint?: string): void {
	if (!condition) throw new SpApiInputError(field, message, hint);
}

function checkAmount(value: number | undefined, field: string, { integer = false, min = 0 } = {}): void {
	if (value === undefined) return;
	check(Number.isFinite(value) && value >= min && (!integer || Number.isInteger(value)), field, `${value} is not ${integer ? 'a whole number' : 'a number'} of at least ${min}`);
}

function checkAdjustment(adjustment: PriceAdjustment | undefined, field: string): void {
	if (!adjustment) return;
	check(['increase', 'decrease'].includes(adjustment.direction), field, `direction "${adjustment.direction}" is not increase or decrease`);
	check(['fixed', 'percentage'].includes(adjustment.kind), field, `kind "${adjustment.kind}" is not fixed or percentage`);
	checkAmount(adjustment.amount, `${field}.amount`);
	check(!(adjustment.kind === 'percentage' && adjustment.direction === 'decrease' && adjustment.amount >= 100), `${field}.amount`, 'a decrease of 100 % or more leaves no price');
}

function compileMarketplace(entry: MarketplacePricing, index: number): CompiledMarketplace {
	const field = `marketplaces[${index}]`;
	const marketplace = findMarketplace(String(entry.marketplace ?? ''));
	check(Boolean(marketplace), `${field}.marketplace`, `unknown marketplace "${entry.marketplace}"`, 'Use a marketplace ID such as A1F83G8C2ARO7P or a country code such as GB');
	check(entry.currencyRate === undefined || (Number.isFinite(entry.currencyRate) && entry.currencyRate > 0), `${field}.currencyRate`, `${entry.currencyRate} is not a rate above 0`);
	checkAdjustment(entry.adjustment, `${field}.adjustment`);
	checkAmount(entry.minPrice, `${field}.minPrice`);
	checkAmount(entry.maxPrice, `${field}.maxPrice`);
	return { marketplace: marketplace as Marketplace, rate: entry.currencyRate, adjustment: entry.adjustment, minPrice: entry.minPrice, maxPrice: entry.maxPrice };
}

/** Checks the rules once; `now` decides whether a sale has already ended. */
export function compileListingRules(rules: ListingRules, now: number): CompiledListingRules {
	const update = rules.update ?? 'inventoryAndPrice';
	check(['inventoryAndPrice', 'inventory', 'price'].includes(update), 'update', `"${update}" is not inventoryAndPrice, inventory or price`);
	if (rules.threshold?.enabled) {
		checkAmount(rules.threshold.breakpoint, 'threshold.breakpoint', { integer: true });
		checkAmount(rules.threshold.quantityAtOrBelow, 'threshold.quantityAtOrBelow', { integer: true });
		checkAmount(rules.threshold.quantityAbove, 'threshold.quantityAbove', { integer: true });
	}
	checkAmount(rules.handlingTimeDays, 'handlingTimeDays', { integer: true, min: 1 });
	check(rules.handlingTimeDays === undefined || rules.handlingTimeDays <= 30, 'handlingTimeDays', `${rules.handlingTimeDays} days is more than Amazon's 30`);
	checkAdjustment(rules.priceAdjustment, 'priceAdjustment');
	const rounding = rules.rounding ?? 'none';
	check(PRICE_ROUNDINGS.includes(rounding), 'rounding', `"${rounding}" is not one of ${PRICE_ROUNDINGS.join(', ')}`);
	checkAmount(rules.minPrice, 'minPrice');
	checkAmount(rules.maxPrice, 'maxPrice');
	check(!(rules.minPrice !== undefined && rules.maxPrice !== undefined && rules.minPrice > rules.maxPrice), 'minPrice', `the minimum ${rules.minPrice} is above the maximum ${rules.maxPrice}`);
	check(['clamp', 'refuse', undefined].includes(rules.priceGuard), 'priceGuard', `"${rules.priceGuard}" is not clamp or refuse`);
	const defaultMarketplace = rules.defaultMarketplace ? findMarketplace(rules.defaultMarketplace) : undefined;
	check(!rules.defaultMarketplace || Boolean(defaultMarketplace), 'defaultMarketplace', `unknown marketplace "${rules.defaultMarketplace}"`);
	const marketplaceCache = new Map<string, CompiledMarketplace | undefined>();
	(rules.marketplaces ?? []).forEach((entry, index) => {
		const compiled = compileMarketplace(entry, index);
		marketplaceCache.set(compiled.marketplace.id, compiled);
	});
	return {
		rules,
		sendsQuantity: update !== 'price',
		sendsPrice: update !== 'inventory',
		rounding,
		defaultMarketplace,
		marketplaceCache,
		rawMarketplaceCache: new Map(),
		now,
	};
}

/** The row's marketplace with its pricing, cached per distinct cell value (rows repeat a handful of values). */
export function marketplaceOf(compiled: CompiledListingRules, cell: unknown): CompiledMarketplace | undefined {
	const raw = compiled.rawMarketplaceCache;
	if (raw.has(cell)) return raw.get(cell);
	const entry = normalisedMarketplaceOf(compiled, cell);
	if (raw.size < 1000) raw.set(cell, entry);
	return entry;
}

function normalisedMarketplaceOf(compiled: CompiledListingRules, cell: unknown): CompiledMarketplace | undefined {
	const key = isEmptyCell(cell) ? '' : String(cell).trim().toUpperCase();
	if (compiled.marketplaceCache.has(key)) return compiled.marketplaceCache.get(key);
	const marketplace = key ? findMarketplace(key) : compiled.defaultMarketplace;
	const entry = marketplace ? (compiled.marketplaceCache.get(marketplace.id) ?? { marketplace }) : undefined;
	compiled.marketplaceCache.set(key, entry);
	return entry;
}
