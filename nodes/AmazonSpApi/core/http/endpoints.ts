import { SpApiInputError } from './errors';
import type { Environment, RegionCode, SpApiCredentials } from '../types';

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export const REGIONS: Record<RegionCode, { name: string; production: string; sandbox: string }> = {
	na: {
		name: 'North America',
		production: 'https://sellingpartnerapi-na.amazon.com',
		sandbox: 'https://sandbox.sellingpartnerapi-na.amazon.com',
	},
	eu: {
		name: 'Europe',
		production: 'https://sellingpartnerapi-eu.amazon.com',
		sandbox: 'https://sandbox.sellingpartnerapi-eu.amazon.com',
	},
	fe: {
		name: 'Far East',
		production: 'https://sellingpartnerapi-fe.amazon.com',
		sandbox: 'https://sandbox.sellingpartnerapi-fe.amazon.com',
	},
};

const ENVIRONMENTS: Environment[] = ['production', 'sandbox', 'custom'];

export interface SpApiEndpoints {
	/** Without trailing slash. */
	baseUrl: string;
	tokenUrl: string;
}

export function assertRegion(value: unknown, field = 'region'): RegionCode {
	const region = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (region in REGIONS) return region as RegionCode;
	throw new SpApiInputError(
		field,
		`Unknown SP-API region "${String(value ?? '')}"`,
		'Choose North America (na), Europe (eu) or Far East (fe): the region where the selling partner authorised the app.',
	);
}

export function assertEnvironment(value: unknown, field = 'environment'): Environment {
	const environment = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if ((ENVIRONMENTS as string[]).includes(environment)) return environment as Environment;
	throw new SpApiInputError(
		field,
		`Unknown SP-API environment "${String(value ?? '')}"`,
		'Choose Production, Sandbox or Custom.',
	);
}

/** Validates an absolute http(s) URL and returns it without trailing slash. */
export function assertHttpUrl(value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let parsed: URL | undefined;
	try {
		parsed = new URL(text);
	} catch {
		parsed = undefined;
	}
	if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.host) {
		throw new SpApiInputError(
			field,
			`"${text}" is not a valid http(s) URL`,
			'Enter an absolute URL such as https://sellingpartnerapi-na.amazon.com or http://127.0.0.1:4010.',
		);
	}
	return text.replace(/\/+$/, '');
}

export function resolveEndpoints(
	credentials: Pick<
		SpApiCredentials,
		'region' | 'environment' | 'customBaseUrl' | 'customTokenUrl'
	>,
): SpApiEndpoints {
	const region = assertRegion(credentials.region);
	const environment = assertEnvironment(credentials.environment);
	if (environment === 'custom') {
		return {
			baseUrl: assertHttpUrl(credentials.customBaseUrl, 'customBaseUrl'),
			tokenUrl: credentials.customTokenUrl
				? assertHttpUrl(credentials.customTokenUrl, 'customTokenUrl')
				: LWA_TOKEN_URL,
		};
	}
	return { baseUrl: REGIONS[region][environment], tokenUrl: LWA_TOKEN_URL };
}
