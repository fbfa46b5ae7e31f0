import {
	assertMarketplaceInRegion,
	getMarketplace,
	SpApiInputError,
	type RegionCode,
} from '../index';
import type { OrderFilters } from './types';

/** Amazon's rule: window ends must be at least 2 minutes in the past (REFERENCE §6.4). */
export const SAFE_LAG_MS = 2 * 60 * 1000;

const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;
const TIMESTAMP_FIELDS = ['createdAfter', 'createdBefore', 'lastUpdatedAfter', 'lastUpdatedBefore'] as const;

export function assertOrderId(orderId: string, field = 'orderId'): string {
	const trimmed = String(orderId ?? '').trim();
	if (!ORDER_ID.test(trimmed)) {
		throw new SpApiInputError(
			field,
			`"${trimmed}" is not an Amazon order ID`,
			'Amazon order IDs look like 123-1234567-1234567 (3-7-7 digits).',
		);
	}
	return trimmed;
}

/** Marketplace IDs or country codes → IDs of the credential's region; empty → the fallback (credential's marketplace). */
export function resolveMarketplaceIds(
	values: string[],
	region: RegionCode,
	fallback: string | undefined,
	field = 'marketplaceIds',
): string[] {
	const wanted = values.map((value) => value.trim()).filter(Boolean);
	if (!wanted.length && fallback) wanted.push(fallback);
	if (!wanted.length) {
		throw new SpApiInputError(field, 'No marketplace selected', 'Pick at least one marketplace, or set one in the credential.');
	}
	if (wanted.length > 50) {
		throw new SpApiInputError(field, `Amazon accepts at most 50 marketplaces per search, got ${wanted.length}`);
	}
	const ids = wanted.map((value) => {
		const marketplace = getMarketplace(value, field);
		assertMarketplaceInRegion(marketplace, region, field);
		return marketplace.id;
	});
	return [...new Set(ids)];
}

function parseTimestamp(value: string, field: string): number {
	const time = Date.parse(value);
	if (Number.isNaN(time)) {
		throw new SpApiInputError(field, `"${value}" is not a date`, 'Use an ISO 8601 date such as 2026-01-31T12:00:00Z.');
	}
	return time;
}

/** No timestamp later than now − 2 minutes (every *After and *Before; Amazon rejects later ones or misses data). */
export function clampToSafeNow(value: string, now: number, field: string): string {
	const time = parseTimestamp(value, field);
	return new Date(Math.min(time, now - SAFE_LAG_MS)).toISOString();
}

/** Validates and clamps the date filters; exactly one of createdAfter / lastUpdatedAfter is required by Amazon. */
export function normalizeDateFilters(filters: OrderFilters, now: number): OrderFilters {
	const result: OrderFilters = { ...filters };
	for (const field of TIMESTAMP_FIELDS) {
		const value = filters[field];
		result[field] = value ? clampToSafeNow(value, now, field) : undefined;
	}
	if (result.createdAfter && (result.lastUpdatedAfter || result.lastUpdatedBefore)) {
		throw new SpApiInputError(
			'lastUpdatedAfter',
			'Amazon does not accept created and last-updated date filters together',
			'Filter either by creation date or by last update.',
		);
	}
	if (!result.createdAfter && !result.lastUpdatedAfter) {
		throw new SpApiInputError(
			result.createdBefore ? 'createdAfter' : 'lastUpdatedAfter',
			'Amazon needs a start date: Created After or Last Updated After',
			'Set one of the two dates.',
		);
	}
	return result;
}
