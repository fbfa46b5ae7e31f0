/**
 * Price arithmetic of the listing rules. Prices are computed in whole minor units (cents) so that decimal edges
 * such as 1.995 round the way a person expects (half up → 2.00), not the way binary floating point stores them.
 */

export type PriceRounding = 'none' | 'twoDecimals' | 'end99' | 'end95' | 'end49' | 'nearest005';

export const PRICE_ROUNDINGS: readonly PriceRounding[] = ['none', 'twoDecimals', 'end99', 'end95', 'end49', 'nearest005'];

export interface PriceAdjustment {
	direction: 'increase' | 'decrease';
	/** `fixed`: amount in the marketplace's currency; `percentage`: amount in percent of the price. */
	kind: 'fixed' | 'percentage';
	amount: number;
}

const ENDINGS: Partial<Record<PriceRounding, number>> = { end99: 99, end95: 95, end49: 49 };

/** Currencies without minor units on Amazon's marketplaces. */
const ZERO_DECIMAL_CURRENCIES = new Set(['JPY']);

/**
 * value × scale rounded half up. Binary floating point stores 1.995 × 100 as 199.49999999999997; a nudge of one
 * part in 10^12 (far below a cent, far above the float noise) lets it round to 200 as written.
 */
function scaledHalfUp(value: number, scale: number): number {
	const scaled = value * scale;
	return Math.round(scaled + Math.abs(scaled) * 1e-12);
}

export function roundToCents(value: number): number {
	return scaledHalfUp(value, 100) / 100;
}

/** The price with the given ending (.99, .95, .49) nearest to `cents`; a tie goes up. */
function nearestEnding(cents: number, ending: number): number {
	const below = Math.floor((cents - ending) / 100) * 100 + ending;
	const above = below + 100;
	return cents - below < above - cents ? below : above;
}

/**
 * Applies a rounding mode. Every mode except `none` first rounds to whole cents (half up, so 12.995 → 13.00);
 * endings then pick the nearest price with that ending (12.20 → 11.99, 12.60 → 12.99; a tie goes up) and
 * `nearest005` the nearest multiple of 0.05 (12.975 → 12.98 → 13.00).
 */
export function roundPrice(value: number, mode: PriceRounding): number {
	if (mode === 'none') return value;
	const cents = scaledHalfUp(value, 100);
	const ending = ENDINGS[mode];
	if (ending !== undefined) return nearestEnding(cents, ending) / 100;
	if (mode === 'nearest005') return (Math.round(cents / 5) * 5) / 100;
	return cents / 100;
}

/** Final rounding to what the currency can express (whole yen); other currencies keep their value. */
export function roundForCurrency(value: number, currency: string): number {
	return ZERO_DECIMAL_CURRENCIES.has(currency) ? Math.round(value) : value;
}

export function adjustPrice(price: number, adjustment: PriceAdjustment | undefined): number {
	if (!adjustment || adjustment.amount === 0) return price;
	const delta = adjustment.kind === 'percentage' ? (price * adjustment.amount) / 100 : adjustment.amount;
	return adjustment.direction === 'increase' ? price + delta : price - delta;
}
