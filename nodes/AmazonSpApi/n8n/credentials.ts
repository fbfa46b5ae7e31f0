import { assertEnvironment, assertRegion, type SpApiEndpoints } from '../core/http/endpoints';
import { SpApiInputError } from '../core/http/errors';
import { assertMarketplaceInRegion, getMarketplace } from '../core/marketplaces';
import { rateShareFromPercent } from '../core/http/usagePlans';
import type { Environment, RegionCode, SpApiCredentials } from '../core/types';

/** Field names shared by both credential types (credentials/*.credentials.ts). */
export const CREDENTIAL_FIELDS = {
	clientId: 'clientId',
	clientSecret: 'clientSecret',
	refreshToken: 'refreshToken',
	region: 'region',
	environment: 'environment',
	customBaseUrl: 'customBaseUrl',
	customTokenUrl: 'customTokenUrl',
	sellerId: 'sellerId',
	defaultMarketplaceId: 'defaultMarketplaceId',
	vendorCodes: 'vendorCodes',
	accessToken: 'accessToken',
	rateSharePercent: 'rateSharePercent',
} as const;

export type AccountKind = 'seller' | 'vendor';

/** Non-secret facts about the credential, safe to show and log. */
export interface SpApiAccount {
	kind: AccountKind;
	region: RegionCode;
	environment: Environment;
	baseUrl: string;
	/** Seller (merchant token); needed for Listings and feeds. */
	sellerId?: string;
	defaultMarketplaceId?: string;
	/** Vendor selling party IDs (vendor codes). Empty for sellers. */
	vendorCodes: string[];
}

function text(fields: Record<string, unknown>, name: string): string {
	const value = fields[name];
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
}

function required(fields: Record<string, unknown>, name: string, label: string): string {
	const value = text(fields, name);
	if (!value) {
		throw new SpApiInputError(name, `The credential field "${label}" is empty`, `Open the credential and fill in "${label}".`);
	}
	return value;
}

/** Raw credential data (as n8n decrypts it) to the core's credentials. Validates region and environment. */
export function readSpApiCredentials(fields: Record<string, unknown>): SpApiCredentials {
	const credentials: SpApiCredentials = {
		clientId: required(fields, CREDENTIAL_FIELDS.clientId, 'LWA Client ID'),
		clientSecret: required(fields, CREDENTIAL_FIELDS.clientSecret, 'LWA Client Secret'),
		refreshToken: required(fields, CREDENTIAL_FIELDS.refreshToken, 'Refresh Token'),
		region: assertRegion(fields[CREDENTIAL_FIELDS.region] ?? 'na'),
		environment: assertEnvironment(fields[CREDENTIAL_FIELDS.environment] ?? 'production'),
	};
	if (credentials.environment === 'custom') {
		credentials.customBaseUrl = text(fields, CREDENTIAL_FIELDS.customBaseUrl);
		credentials.customTokenUrl = text(fields, CREDENTIAL_FIELDS.customTokenUrl) || undefined;
	}
	return credentials;
}

/** The credential's "Share of Rate Limits (%)" as a fraction of every usage plan (1 when unset). */
export function readRateShare(fields: Record<string, unknown>): number {
	return rateShareFromPercent(fields[CREDENTIAL_FIELDS.rateSharePercent]);
}

export function parseVendorCodes(value: string): string[] {
	return value
		.split(/[\s,;]+/)
		.map((code) => code.trim())
		.filter(Boolean);
}

/** `endpoints`: as the client resolved them (the one place that validates the URLs). */
export function readAccount(
	kind: AccountKind,
	fields: Record<string, unknown>,
	credentials: SpApiCredentials,
	endpoints: SpApiEndpoints,
): SpApiAccount {
	const account: SpApiAccount = {
		kind,
		region: credentials.region,
		environment: credentials.environment,
		baseUrl: endpoints.baseUrl,
		vendorCodes: kind === 'vendor' ? parseVendorCodes(text(fields, CREDENTIAL_FIELDS.vendorCodes)) : [],
	};
	const sellerId = text(fields, CREDENTIAL_FIELDS.sellerId);
	if (sellerId) account.sellerId = sellerId;
	const marketplaceId = text(fields, CREDENTIAL_FIELDS.defaultMarketplaceId);
	if (marketplaceId) {
		const marketplace = getMarketplace(marketplaceId, CREDENTIAL_FIELDS.defaultMarketplaceId);
		assertMarketplaceInRegion(marketplace, credentials.region, CREDENTIAL_FIELDS.defaultMarketplaceId);
		account.defaultMarketplaceId = marketplace.id;
	}
	return account;
}
