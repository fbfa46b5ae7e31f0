import { SpApiInputError } from './http/errors';
import type { RegionCode } from './types';

export interface Marketplace {
	id: string;
	/** ISO 3166 code; the United Kingdom is `GB` (`UK` is accepted as an alias). */
	countryCode: string;
	country: string;
	region: RegionCode;
	currency: string;
	sellerCentral: string;
	/** Undefined where Amazon publishes no Vendor Central domain. */
	vendorCentral?: string;
}

type Row = [string, string, string, RegionCode, string, string, string?];

// REFERENCE §4.2: id, country code, country, region, currency, Seller Central host, Vendor Central host.
const ROWS: Row[] = [
	['A2EUQ1WTGCTBG2', 'CA', 'Canada', 'na', 'CAD', 'sellercentral.amazon.ca', 'vendorcentral.amazon.ca'],
	['ATVPDKIKX0DER', 'US', 'United States', 'na', 'USD', 'sellercentral.amazon.com', 'vendorcentral.amazon.com'],
	['A1AM78C64UM0Y8', 'MX', 'Mexico', 'na', 'MXN', 'sellercentral.amazon.com.mx', 'vendorcentral.amazon.com.mx'],
	['A2Q3Y263D00KWC', 'BR', 'Brazil', 'na', 'BRL', 'sellercentral.amazon.com.br', 'vendorcentral.amazon.com.br'],
	['A1RKKUPIHCS9HS', 'ES', 'Spain', 'eu', 'EUR', 'sellercentral.amazon.es', 'vendorcentral.amazon.es'],
	['A1F83G8C2ARO7P', 'GB', 'United Kingdom', 'eu', 'GBP', 'sellercentral.amazon.co.uk', 'vendorcentral.amazon.co.uk'],
	['A13V1IB3VIYZZH', 'FR', 'France', 'eu', 'EUR', 'sellercentral.amazon.fr', 'vendorcentral.amazon.fr'],
	['AMEN7PMS3EDWL', 'BE', 'Belgium', 'eu', 'EUR', 'sellercentral.amazon.com.be', 'vendorcentral.amazon.com.be'],
	['A1805IZSGTT6HS', 'NL', 'Netherlands', 'eu', 'EUR', 'sellercentral.amazon.nl', 'vendorcentral.amazon.nl'],
	['A1PA6795UKMFR9', 'DE', 'Germany', 'eu', 'EUR', 'sellercentral.amazon.de', 'vendorcentral.amazon.de'],
	['APJ6JRA9NG5V4', 'IT', 'Italy', 'eu', 'EUR', 'sellercentral.amazon.it', 'vendorcentral.amazon.it'],
	['A2NODRKZP88ZB9', 'SE', 'Sweden', 'eu', 'SEK', 'sellercentral.amazon.se', 'vendorcentral.amazon.se'],
	['AE08WJ6YKNBMC', 'ZA', 'South Africa', 'eu', 'ZAR', 'sellercentral.amazon.co.za', 'vendorcentral.amazon.co.za'],
	['A1C3SOZRARQ6R3', 'PL', 'Poland', 'eu', 'PLN', 'sellercentral.amazon.pl', 'vendorcentral.amazon.pl'],
	['ARBP9OOSHTCHU', 'EG', 'Egypt', 'eu', 'EGP', 'sellercentral.amazon.eg', 'vendorcentral.amazon.me'],
	['A33AVAJ2PDY3EV', 'TR', 'Turkey', 'eu', 'TRY', 'sellercentral.amazon.com.tr', 'vendorcentral.amazon.com.tr'],
	['A17E79C6D8DWNP', 'SA', 'Saudi Arabia', 'eu', 'SAR', 'sellercentral.amazon.sa', 'vendorcentral.amazon.me'],
	['A2VIGQ35RCS4UG', 'AE', 'United Arab Emirates', 'eu', 'AED', 'sellercentral.amazon.ae', 'vendorcentral.amazon.me'],
	['A21TJRUUN4KGV', 'IN', 'India', 'eu', 'INR', 'sellercentral.amazon.in', 'vendorcentral.amazon.in'],
	['A28R8C7NBKEWEA', 'IE', 'Ireland', 'eu', 'EUR', 'sellercentral.amazon.ie'],
	['A19VAU5U5O7RUS', 'SG', 'Singapore', 'fe', 'SGD', 'sellercentral.amazon.sg', 'vendorcentral.amazon.com.sg'],
	['A39IBJ37TRP1C6', 'AU', 'Australia', 'fe', 'AUD', 'sellercentral.amazon.com.au', 'vendorcentral.amazon.com.au'],
	['A1VC38T7YXB528', 'JP', 'Japan', 'fe', 'JPY', 'sellercentral.amazon.co.jp', 'vendorcentral.amazon.co.jp'],
];

export const MARKETPLACES: readonly Marketplace[] = ROWS.map(
	([id, countryCode, country, region, currency, sellerCentral, vendorCentral]) => ({
		id,
		countryCode,
		country,
		region,
		currency,
		sellerCentral,
		vendorCentral,
	}),
);

const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB' };

/** Marketplace by id (`A1PA6795UKMFR9`) or country code (`DE`, case-insensitive), or undefined. */
export function findMarketplace(idOrCountryCode: string): Marketplace | undefined {
	const wanted = idOrCountryCode.trim().toUpperCase();
	const countryCode = COUNTRY_ALIASES[wanted] ?? wanted;
	return MARKETPLACES.find(
		(marketplace) => marketplace.id === wanted || marketplace.countryCode === countryCode,
	);
}

/** Like findMarketplace, but an unknown value is an input error naming `field`. */
export function getMarketplace(idOrCountryCode: string, field = 'marketplaceId'): Marketplace {
	const marketplace = findMarketplace(String(idOrCountryCode ?? ''));
	if (!marketplace) {
		throw new SpApiInputError(
			field,
			`Unknown Amazon marketplace "${idOrCountryCode}"`,
			`Use a marketplace ID such as ATVPDKIKX0DER (US) or A1PA6795UKMFR9 (DE), or a country code such as US, DE or JP. Known: ${MARKETPLACES.map((entry) => entry.countryCode).join(', ')}.`,
		);
	}
	return marketplace;
}

export function marketplacesInRegion(region: RegionCode): Marketplace[] {
	return MARKETPLACES.filter((marketplace) => marketplace.region === region);
}

/** Throws an input error naming `field` when the marketplace is not served by the credential's region. */
export function assertMarketplaceInRegion(
	marketplace: Marketplace,
	region: RegionCode,
	field = 'marketplaceId',
): void {
	if (marketplace.region === region) return;
	throw new SpApiInputError(
		field,
		`Marketplace ${marketplace.country} (${marketplace.id}) belongs to region ${marketplace.region.toUpperCase()}, but the credential uses region ${region.toUpperCase()}`,
		`Pick a marketplace of region ${region.toUpperCase()} (${marketplacesInRegion(region)
			.map((entry) => entry.countryCode)
			.join(', ')}) or use a credential for region ${marketplace.region.toUpperCase()}.`,
	);
}
