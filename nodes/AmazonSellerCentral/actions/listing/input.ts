import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	compileListingRules,
	computeListingRow,
	type CompiledListingRules,
	type ComputedOffer,
	type ListingRow,
	type ListingRules,
	type MarketplacePricing,
	type PriceAdjustment,
	type PriceRounding,
	type RowProblem,
} from '../../../AmazonSpApi/core/listings';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';

/** Node labels of the core's row fields, for problems and errors. */
export const ROW_FIELD_LABELS: Record<RowProblem['field'], string> = {
	sku: 'SKU',
	quantity: 'Quantity',
	price: 'Price',
	fulfillmentChannel: 'More Row Fields → Fulfillment Channel',
	salePrice: 'More Row Fields → Sale Price',
	saleStartDate: 'More Row Fields → Sale Start Date',
	saleEndDate: 'More Row Fields → Sale End Date',
	productType: 'More Row Fields → Product Type',
	marketplaceId: 'More Row Fields → Marketplace',
	currency: 'More Row Fields → Currency',
	rules: 'Rules',
};

const RULE_LABELS: Record<string, string> = {
	handlingTimeDays: 'Rules → Handling Time (Days)',
	'threshold.breakpoint': 'Rules → Threshold Breakpoint',
	'threshold.quantityAtOrBelow': 'Rules → Quantity at or Below Breakpoint',
	'threshold.quantityAbove': 'Rules → Quantity Above Breakpoint',
	priceAdjustment: 'Rules → Price Change',
	'priceAdjustment.amount': 'Rules → Price Change Amount',
	minPrice: 'Rules → Minimum Price',
	maxPrice: 'Rules → Maximum Price',
	defaultMarketplace: 'Marketplace (credential default)',
};

function ruleLabel(field: string): string {
	const marketplace = /^marketplaces\[(\d+)\]\.?(.*)$/.exec(field);
	if (marketplace) return `Rules → Marketplace Prices (entry ${Number(marketplace[1]) + 1})${marketplace[2] ? ` → ${marketplace[2]}` : ''}`;
	return RULE_LABELS[field] ?? `Rules → ${field}`;
}

function adjustment(change: unknown, amount: unknown): PriceAdjustment | undefined {
	if (typeof change !== 'string' || !change.includes(':')) return undefined;
	const [direction, kind] = change.split(':') as [PriceAdjustment['direction'], PriceAdjustment['kind']];
	return { direction, kind, amount: Number(amount ?? 0) };
}

const positive = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : undefined);

function marketplacePricing(entry: IDataObject): MarketplacePricing {
	return {
		marketplace: String(entry.marketplace ?? '').trim(),
		currencyRate: positive(entry.currencyRate),
		adjustment: entry.priceChange === 'none' ? { direction: 'increase', kind: 'fixed', amount: 0 } : adjustment(entry.priceChange, entry.priceChangeAmount),
		minPrice: positive(entry.minPrice),
		maxPrice: positive(entry.maxPrice),
	};
}

/** The Rules collection as core rules (threshold on when a breakpoint was added). */
export function readListingRules(this: IExecuteFunctions, itemIndex: number, defaultMarketplace: string | undefined): ListingRules {
	const rules = this.getNodeParameter('rules', itemIndex, {}) as IDataObject;
	const breakpoint = rules.thresholdBreakpoint;
	const marketplaces = ((rules.marketplacePrices as IDataObject | undefined)?.marketplace ?? []) as IDataObject[];
	return {
		update: this.getNodeParameter('update', itemIndex, 'inventoryAndPrice') as ListingRules['update'],
		threshold:
			breakpoint === undefined
				? undefined
				: { enabled: true, breakpoint: Number(breakpoint), quantityAtOrBelow: Number(rules.quantityAtOrBelow ?? 0), quantityAbove: rules.quantityAbove === undefined ? undefined : Number(rules.quantityAbove) },
		overrideInventory: rules.overrideInventory === true,
		handlingTimeDays: rules.handlingTimeDays === undefined ? undefined : Number(rules.handlingTimeDays),
		updateFbaStock: rules.updateFbaStock === true,
		priceAdjustment: adjustment(rules.priceChange ?? (rules.priceChangeAmount === undefined ? undefined : 'increase:percentage'), rules.priceChangeAmount),
		rounding: (rules.rounding as PriceRounding | undefined) ?? 'none',
		minPrice: positive(rules.minPrice),
		maxPrice: positive(rules.maxPrice),
		priceGuard: rules.priceGuard === 'refuse' ? 'refuse' : 'clamp',
		allowSalePrice: rules.allowSalePrice === true,
		marketplaces: marketplaces.map(marketplacePricing),
		defaultMarketplace,
	};
}

export function readListingRow(this: IExecuteFunctions, itemIndex: number): ListingRow {
	const fields = this.getNodeParameter('rowFields', itemIndex, {}) as IDataObject;
	return {
		sku: this.getNodeParameter('sku', itemIndex, ''),
		quantity: this.getNodeParameter('quantity', itemIndex, ''),
		price: this.getNodeParameter('price', itemIndex, ''),
		fulfillmentChannel: fields.fulfillmentChannel,
		salePrice: fields.salePrice,
		saleStartDate: fields.saleStartDate,
		saleEndDate: fields.saleEndDate,
		productType: fields.productType,
		marketplaceId: fields.marketplace,
		currency: fields.currency,
	};
}

/**
 * Rules are compiled once per distinct rules value (usually once per execution: the same parameters for every
 * item); a bad rule is an error on the item that has it.
 */
const compiledRules = new WeakMap<object, Map<string, CompiledListingRules>>();

export function computeItemOffers(this: IExecuteFunctions, itemIndex: number, defaultMarketplace: string | undefined): ComputedOffer[] {
	const rules = readListingRules.call(this, itemIndex, defaultMarketplace);
	const key = JSON.stringify(rules);
	let cache = compiledRules.get(this);
	if (!cache) compiledRules.set(this, (cache = new Map()));
	let compiled = cache.get(key);
	if (!compiled) {
		compiled = guardInput(this.getNode(), itemIndex, ruleLabel, () => compileListingRules(rules, Date.now()));
		cache.set(key, compiled);
	}
	return computeListingRow(compiled, readListingRow.call(this, itemIndex), itemIndex);
}
