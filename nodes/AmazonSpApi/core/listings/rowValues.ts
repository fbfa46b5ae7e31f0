/**
 * Reading the values of one input row (a CSV or spreadsheet line, so numbers often arrive as text). Each reader
 * returns the value, `undefined` for an empty cell, or a CellProblem for a value that cannot be used. Only a
 * problem allocates: a million rows must not make millions of wrapper objects.
 */

export class CellProblem {
	constructor(readonly message: string) {}
}

export type Cell<T> = T | undefined | CellProblem;

/** `text` without surrounding white space; most cells have none, so most calls allocate nothing. */
export function trimmed(text: string): string {
	const last = text.length - 1;
	return last >= 0 && text.charCodeAt(0) > 32 && text.charCodeAt(last) > 32 ? text : text.trim();
}

export function isEmptyCell(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function readNumber(value: unknown): Cell<number> {
	if (typeof value === 'number') return Number.isFinite(value) ? value : new CellProblem(`${value} is not a number`);
	if (isEmptyCell(value)) return undefined;
	const number = typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(number) ? number : new CellProblem(`${JSON.stringify(value)} is not a number`);
}

export function readQuantity(value: unknown): Cell<number> {
	const read = readNumber(value);
	if (typeof read !== 'number') return read;
	if (!Number.isInteger(read)) return new CellProblem(`${read} is not a whole number`);
	return read < 0 ? new CellProblem(`${read} is negative`) : read;
}

/** A price must be a number above 0. */
export function readPrice(value: unknown): Cell<number> {
	const read = readNumber(value);
	return typeof read === 'number' && read <= 0 ? new CellProblem(`${read} is not above 0`) : read;
}

export function readDate(value: unknown): Cell<number> {
	if (isEmptyCell(value)) return undefined;
	const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value).trim());
	return Number.isFinite(time) ? time : new CellProblem(`${JSON.stringify(value)} is not a date (use e.g. 2026-12-24 or 2026-12-24T00:00:00Z)`);
}

/** Amazon seller SKUs are 1 to 40 characters. */
export const MAX_SKU_LENGTH = 40;

/**
 * The Amazon SKUs of a row: one SKU (a string), or several alternate SKUs written `||AMZ-1||AMZ-2||`
 * (CedCommerce's notation; outer bars optional), each of which gets its own offer. Duplicates are sent once.
 */
export function readSkus(value: unknown): Cell<string | string[]> {
	const text = typeof value === 'string' ? trimmed(value) : isEmptyCell(value) ? '' : String(value).trim();
	if (!text.includes('||')) {
		if (!text) return new CellProblem('is empty');
		return text.length > MAX_SKU_LENGTH ? new CellProblem(`"${text}" is longer than ${MAX_SKU_LENGTH} characters`) : text;
	}
	const skus = [...new Set(text.split('||').map((sku) => sku.trim()).filter(Boolean))];
	if (!skus.length) return new CellProblem('is empty');
	const tooLong = skus.find((sku) => sku.length > MAX_SKU_LENGTH);
	return tooLong ? new CellProblem(`"${tooLong}" is longer than ${MAX_SKU_LENGTH} characters`) : skus;
}

export type FulfillmentKind = 'MFN' | 'FBA';

const CHANNELS = new Map<string, FulfillmentKind>([
	['DEFAULT', 'MFN'], ['MFN', 'MFN'], ['FBM', 'MFN'], ['MERCHANT', 'MFN'],
	['AFN', 'FBA'], ['FBA', 'FBA'], ['AMAZON', 'FBA'],
]);

/** Merchant (`DEFAULT`, MFN, FBM; the default when empty) or Amazon (`AFN`, FBA, `AMAZON_NA`, `AMAZON_EU`…). */
export function readFulfillment(value: unknown): Cell<FulfillmentKind> {
	if (typeof value === 'string') {
		const known = CHANNELS.get(value);
		if (known) return known;
	}
	if (isEmptyCell(value)) return 'MFN';
	const code = String(value).trim().toUpperCase();
	const kind = CHANNELS.get(code) ?? (code.startsWith('AMAZON_') ? 'FBA' : undefined);
	return kind ?? new CellProblem(`"${String(value)}" is not a fulfilment channel (use MFN/DEFAULT or FBA/AFN/AMAZON_NA)`);
}
