import { readAccount, readSpApiCredentials } from '../../../nodes/AmazonSpApi/n8n/credentials';
import { LWA_TOKEN_URL, resolveEndpoints } from '../../../nodes/AmazonSpApi/core/http/endpoints';
import { SpApiInputError } from '../../../nodes/AmazonSpApi/core/http/errors';
import {
	assertMarketplaceInRegion,
	findMarketplace,
	getMarketplace,
	MARKETPLACES,
} from '../../../nodes/AmazonSpApi/core/marketplaces';
import { DEFAULT_USER_AGENT, PACKAGE_VERSION } from '../../../nodes/AmazonSpApi/core/http/version';
import pkg from '../../../package.json';

function inputError(action: () => unknown): SpApiInputError {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(SpApiInputError);
		return error as SpApiInputError;
	}
	throw new Error('expected an SpApiInputError');
}

describe('resolveEndpoints', () => {
	it.each([
		['na', 'production', 'https://sellingpartnerapi-na.amazon.com'],
		['eu', 'production', 'https://sellingpartnerapi-eu.amazon.com'],
		['fe', 'production', 'https://sellingpartnerapi-fe.amazon.com'],
		['na', 'sandbox', 'https://sandbox.sellingpartnerapi-na.amazon.com'],
		['eu', 'sandbox', 'https://sandbox.sellingpartnerapi-eu.amazon.com'],
		['fe', 'sandbox', 'https://sandbox.sellingpartnerapi-fe.amazon.com'],
	] as const)('%s %s → %s with the global LWA endpoint', (region, environment, baseUrl) => {
		expect(resolveEndpoints({ region, environment })).toEqual({ baseUrl, tokenUrl: LWA_TOKEN_URL });
	});

	it('uses the custom URLs (without trailing slash) for the Custom environment', () => {
		expect(
			resolveEndpoints({
				region: 'eu',
				environment: 'custom',
				customBaseUrl: 'http://127.0.0.1:4010/',
				customTokenUrl: 'http://127.0.0.1:4010/auth/o2/token',
			}),
		).toEqual({ baseUrl: 'http://127.0.0.1:4010', tokenUrl: 'http://127.0.0.1:4010/auth/o2/token' });
	});

	it.each([
		['customBaseUrl', { customBaseUrl: 'ftp://example.com' }],
		['customBaseUrl', { customBaseUrl: 'not a url' }],
		['customBaseUrl', { customBaseUrl: '' }],
		['customTokenUrl', { customBaseUrl: 'http://localhost:1', customTokenUrl: 'localhost/token' }],
	])('rejects a bad %s naming the field', (field, urls) => {
		const error = inputError(() => resolveEndpoints({ region: 'na', environment: 'custom', ...urls }));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(/not a valid http\(s\) URL/);
		expect(error.hint).toMatch(/absolute URL/);
	});

	it('rejects an unknown region and environment naming the field', () => {
		const region = inputError(() => resolveEndpoints({ region: 'us' as never, environment: 'production' }));
		expect(region.field).toBe('region');
		expect(region.hint).toMatch(/North America \(na\), Europe \(eu\) or Far East \(fe\)/);
		const environment = inputError(() => resolveEndpoints({ region: 'na', environment: 'live' as never }));
		expect(environment.field).toBe('environment');
	});
});

describe('marketplaces', () => {
	it('lists every marketplace of the reference table with its region and currency', () => {
		expect(MARKETPLACES).toHaveLength(23);
		expect(new Set(MARKETPLACES.map((entry) => entry.id)).size).toBe(23);
		expect(MARKETPLACES.filter((entry) => entry.region === 'na').map((entry) => entry.countryCode)).toEqual([
			'CA',
			'US',
			'MX',
			'BR',
		]);
		expect(MARKETPLACES.filter((entry) => entry.region === 'fe').map((entry) => entry.countryCode)).toEqual([
			'SG',
			'AU',
			'JP',
		]);
	});

	it('finds by id, by country code (any case) and by the UK alias', () => {
		expect(getMarketplace('A1PA6795UKMFR9')).toMatchObject({
			countryCode: 'DE',
			country: 'Germany',
			region: 'eu',
			currency: 'EUR',
			sellerCentral: 'sellercentral.amazon.de',
			vendorCentral: 'vendorcentral.amazon.de',
		});
		expect(getMarketplace('jp').id).toBe('A1VC38T7YXB528');
		expect(getMarketplace('UK').id).toBe('A1F83G8C2ARO7P');
		expect(getMarketplace('IT').id).toBe('APJ6JRA9NG5V4');
		expect(findMarketplace('XX')).toBeUndefined();
	});

	it('names the field and lists valid values for an unknown marketplace', () => {
		const error = inputError(() => getMarketplace('APJ6JRAAMBUM9'));
		expect(error.field).toBe('marketplaceId');
		expect(error.message).toContain('APJ6JRAAMBUM9');
		expect(error.hint).toContain('ATVPDKIKX0DER');
		expect(inputError(() => getMarketplace('ZZ', 'defaultMarketplaceId')).field).toBe('defaultMarketplaceId');
	});

	it('rejects a marketplace of another region', () => {
		const error = inputError(() => assertMarketplaceInRegion(getMarketplace('DE'), 'na'));
		expect(error.field).toBe('marketplaceId');
		expect(error.message).toMatch(/belongs to region EU.*region NA/);
		expect(error.hint).toMatch(/CA, US, MX, BR/);
	});
});

describe('credential fields', () => {
	const fields = {
		clientId: ' amzn1.application-oa2-client.x ',
		clientSecret: 'secret-value',
		refreshToken: 'Atzr|refresh',
		region: 'eu',
		environment: 'production',
		sellerId: 'A1SELLER',
		defaultMarketplaceId: 'DE',
		vendorCodes: 'ABCDE, FGHIJ;KLMNO',
		customBaseUrl: 'ignored unless custom',
	};

	it('reads credentials and non-secret account facts', () => {
		const credentials = readSpApiCredentials(fields);
		expect(credentials).toEqual({
			clientId: 'amzn1.application-oa2-client.x',
			clientSecret: 'secret-value',
			refreshToken: 'Atzr|refresh',
			region: 'eu',
			environment: 'production',
		});
		expect(readAccount('seller', fields, credentials, resolveEndpoints(credentials))).toEqual({
			kind: 'seller',
			region: 'eu',
			environment: 'production',
			baseUrl: 'https://sellingpartnerapi-eu.amazon.com',
			sellerId: 'A1SELLER',
			defaultMarketplaceId: 'A1PA6795UKMFR9',
			vendorCodes: [],
		});
		expect(readAccount('vendor', fields, credentials, resolveEndpoints(credentials)).vendorCodes).toEqual(['ABCDE', 'FGHIJ', 'KLMNO']);
	});

	it('names the empty field and a default marketplace outside the region', () => {
		expect(inputError(() => readSpApiCredentials({ ...fields, refreshToken: '' })).field).toBe('refreshToken');
		const credentials = readSpApiCredentials(fields);
		const error = inputError(() => readAccount('seller', { ...fields, defaultMarketplaceId: 'ATVPDKIKX0DER' }, credentials, resolveEndpoints(credentials)));
		expect(error.field).toBe('defaultMarketplaceId');
	});
});

describe('user agent', () => {
	it('carries the package version from package.json', () => {
		expect(PACKAGE_VERSION).toBe(pkg.version);
		expect(DEFAULT_USER_AGENT).toBe(`n8n-nodes-amazon-spapi/${pkg.version} (Language=TypeScript)`);
		expect(DEFAULT_USER_AGENT.length).toBeLessThanOrEqual(500);
	});
});
