// Demo credentials (pointing at the emulator) and the example workflows shipped in examples/.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

// Fixed emulator credentials (emulator/CONTRACT.md "Fixed test credentials").
export const EMULATOR_LWA = {
	clientId: 'amzn1.application-oa2-client.emulator',
	clientSecret: 'emulator-client-secret',
	sellerRefreshToken: 'Atzr|emulator-seller-refresh-token',
	vendorRefreshToken: 'Atzr|emulator-vendor-refresh-token',
	sellerId: 'A1EMULATORSELLER',
	vendorCode: 'EMUVC',
};

/**
 * The demo's emulator (`npm start`, and the E2E runs of the examples): a small seeded order book plus the demo orders
 * every example acts on (emulator `--demo`), and a new order every 3 minutes (`--live-orders 3`).
 */
export const DEMO_EMULATOR = { seed: 42, orders: 50, extraArgs: ['--demo', '--live-orders', '3'] };

// Ids/names the example workflows reference.
export const DEMO_CREDENTIALS = {
	seller: { id: 'amzSellerDemo001', name: 'Amazon Seller Central (emulator)', type: 'amazonSellerCentralApi' },
	// EU marketplaces (Cp1252 reports, FBA import, VAT invoices): the report and invoice examples use it.
	sellerEu: { id: 'amzSellerDemoEU01', name: 'Amazon Seller Central EU (emulator)', type: 'amazonSellerCentralApi' },
	vendor: { id: 'amzVendorDemo001', name: 'Amazon Vendor Central (emulator)', type: 'amazonVendorCentralApi' },
};

function endpointFields(emulatorUrl) {
	return {
		region: 'na',
		environment: 'custom',
		customBaseUrl: emulatorUrl,
		customTokenUrl: `${emulatorUrl}/auth/o2/token`,
		clientId: EMULATOR_LWA.clientId,
		clientSecret: EMULATOR_LWA.clientSecret,
	};
}

/** Credentials for `n8n import:credentials` (plain data; n8n encrypts on import). `overrides` patch the data. */
export function demoCredentials(emulatorUrl, overrides = {}) {
	return [
		{
			...DEMO_CREDENTIALS.seller,
			data: {
				...endpointFields(emulatorUrl),
				refreshToken: EMULATOR_LWA.sellerRefreshToken,
				sellerId: EMULATOR_LWA.sellerId,
				defaultMarketplaceId: 'ATVPDKIKX0DER',
				...overrides.seller,
			},
		},
		{
			...DEMO_CREDENTIALS.vendor,
			data: {
				...endpointFields(emulatorUrl),
				refreshToken: EMULATOR_LWA.vendorRefreshToken,
				vendorCodes: EMULATOR_LWA.vendorCode,
				...overrides.vendor,
			},
		},
	];
}

/** Example workflows as `{ file, workflow }`, in file-name order. */
export function exampleWorkflows() {
	if (!existsSync(EXAMPLES_DIR)) return [];
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) }));
}

export function examplesFingerprint() {
	const hash = createHash('sha256');
	for (const { file, workflow } of exampleWorkflows()) hash.update(file).update(JSON.stringify(workflow));
	return hash.digest('hex').slice(0, 16);
}

/** The EU seller credential the report and invoice examples use (import it next to demoCredentials). */
export function demoEuCredential(emulatorUrl, overrides = {}) {
	return {
		...DEMO_CREDENTIALS.sellerEu,
		data: {
			...endpointFields(emulatorUrl),
			region: 'eu',
			refreshToken: EMULATOR_LWA.sellerRefreshToken,
			sellerId: EMULATOR_LWA.sellerId,
			defaultMarketplaceId: 'A1PA6795UKMFR9',
			...overrides,
		},
	};
}
