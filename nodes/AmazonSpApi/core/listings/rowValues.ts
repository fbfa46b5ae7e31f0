/**
 * Reading the values of one input row (a CSV or spreadsheet line, so numbers often arrive as text). Each reader
 * returns the value, `undefined` when the cell is empty, or a problem text for a value that cannot be used.
 */

export type Read<T> = { value?: T; problem?: string };

const EMPTY: Read<never> = {};

export function isEmptyCell(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function readNumber(value: unknown): Read<number> {
	if (isEmptyCell(value)) return EMPTY;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(number)) return { problem: `${JSON.stringify(value)} is not a number` };
	return { value: number };
}

export function readQuantity(value: unknown): Read<number> {
	const read = readNumber(value);
	if (read.value === undefined) return read;
	if (!Number.isInteger(read.value)) return { problem: `${read.value} is not a whole number` };
	if (read.value < 0) return { problem: `${read.value} is negative` };
	return read;
}

/** A price must be a number above 0. */
export function readPrice(value: unknown): Read<number> {
	const read = readNumber(value);
	if (read.value !== undefined && read.value <= 0) return { problem: `${read.value} is not above 0` };
	return read;
}

export function readDate(value: unknown): Read<number> {
	if (isEmptyCell(value)) return EMPTY;
	const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value).trim());
	if (!Number.isFinite(time)) return { problem: `${JSON.stringify(value)} is not a date (use e.g. 2026-12-24 or 2026-12-24T00:00:00Z)` };
	return { value: time };
}

/** Amazon seller SKUs are 1 to 40 characters. */
export const MAX_SKU_LENGTH = 40;

/**
 * The Amazon SKUs of a row: one SKU, or several alternate SKUs written `||AMZ-1||AMZ-2||` (CedCommerce's
 * notation; outer bars optional), each of which gets its own offer. Duplicates are sent once.
 */
export function readSkus(value: unknown): Read<string[]> {
	const text = isEmptyCell(value) ? '' : String(value).trim();
	const skus = text.includes('||') ? [...new Set(text.split('||').map((sku) => sku.trim()).filter(Boolean))] : text ? [text] : [];
	if (!skus.length) return { problem: 'is empty' };
	const tooLong = skus.find((sku) => sku.length > MAX_SKU_LENGTH);
	if (tooLong) return { problem: `"${tooLong}" is longer than ${MAX_SKU_LENGTH} characters` };
	return { value: skus };
}

export type FulfillmentKind = 'MFN' | 'FBA';

const MERCHANT_CHANNELS = new Set(['DEFAULT', 'MFN', 'FBM', 'MERCHANT']);
const AMAZON_CHANNELS = new Set(['AFN', 'FBA', 'AMAZON']);

/** Merchant (`DEFAULT`, MFN, FBM; the default when empty) or Amazon (`AFN`, FBA, `AMAZON_NA`, `AMAZON_EU`…). */
export function readFulfillment(value: unknown): Read<FulfillmentKind> {
	if (isEmptyCell(value)) return { value: 'MFN' };
	const code = String(value).trim().toUpperCase();
	if (MERCHANT_CHANNELS.has(code)) return { value: 'MFN' };
	if (AMAZON_CHANNELS.has(code) || code.startsWith('AMAZON_')) return { value: 'FBA' };
	return { problem: `"${String(value)}" is not a fulfilment channel (use MFN/DEFAULT or FBA/AFN/AMAZON_NA)` };
}
