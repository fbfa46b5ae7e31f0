// Both credential types, tested through a real n8n: the editor's "Test" button endpoint and secret redaction.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DEMO_CREDENTIALS, demoCredentials } from '../../scripts/lib/demo-data.mjs';
import { importCredentials } from '../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './lib/context.mjs';
import { context, startServerWithOwner, testEmulator, testInstance } from './lib/harness.mjs';

// The request each credential's `test` sends after the LWA token exchange.
const TEST_OPERATION = { seller: 'sellers.getMarketplaceParticipations', vendor: 'vendorOrders.getPurchaseOrders' };

const requirements = {
	credentials: ['AmazonSellerCentralApi.credentials.js', 'AmazonVendorCentralApi.credentials.js'],
};

describe('credentials in n8n 2.41.1', skipUnless(context, requirements), () => {
	let emulator;
	let rest;
	let imported;

	before(async () => {
		emulator = await testEmulator();
		const instance = await testInstance();
		imported = demoCredentials(emulator.url);
		await importCredentials(instance, imported);
		({ rest } = await startServerWithOwner(instance));
	});

	for (const kind of ['seller', 'vendor']) {
		const secrets = () => [imported.find((c) => c.type === DEMO_CREDENTIALS[kind].type).data.clientSecret];

		test(`${kind}: the credential test succeeds against the emulator`, { timeout: 60000 }, async () => {
			const credential = imported.find((c) => c.type === DEMO_CREDENTIALS[kind].type);
			await emulator.inspect('calls', { method: 'DELETE' });
			const result = await rest.testCredential(credential);
			assert.equal(result.status, 'OK', `n8n said: ${result.message}`);
			const calls = await emulator.inspect('calls');
			assert.equal(calls.statuses['lwa.token']?.[200], 1, 'one LWA token exchange');
			assert.equal(calls.statuses[TEST_OPERATION[kind]]?.[200], 1, `one ${TEST_OPERATION[kind]} call with the token`);
		});

		test(`${kind}: a wrong client secret fails the test and echoes no secret`, { timeout: 60000 }, async () => {
			const credential = imported.find((c) => c.type === DEMO_CREDENTIALS[kind].type);
			const wrongSecret = `wrong-secret-${Date.now()}`;
			const result = await rest.testCredential({ ...credential, data: { ...credential.data, clientSecret: wrongSecret } });
			assert.equal(result.status, 'Error');
			assert.ok(result.message, 'n8n shows a failure message');
			const shown = JSON.stringify(result);
			for (const secret of [wrongSecret, credential.data.refreshToken, ...secrets()]) {
				assert.ok(!shown.includes(secret), `the failure message must not contain a secret: ${shown}`);
			}
		});

		test(`${kind}: the other account type's refresh token fails with a message naming the account type`, { timeout: 60000 }, async () => {
			const credential = imported.find((c) => c.type === DEMO_CREDENTIALS[kind].type);
			const other = imported.find((c) => c.type !== DEMO_CREDENTIALS[kind].type);
			const result = await rest.testCredential({ ...credential, data: { ...credential.data, refreshToken: other.data.refreshToken } });
			assert.equal(result.status, 'Error');
			assert.match(result.message, kind === 'seller' ? /Seller Central account.*Vendor Central/ : /Vendor Central account.*Seller Central/);
			assert.ok(!JSON.stringify(result).includes(other.data.refreshToken), 'no secret in the message');
		});

		test(`${kind}: n8n returns the stored credential with its secrets redacted`, { timeout: 30000 }, async () => {
			const credential = imported.find((c) => c.type === DEMO_CREDENTIALS[kind].type);
			const stored = await rest.getCredential(credential.id);
			assert.equal(stored.type, credential.type);
			assert.equal(stored.data.customBaseUrl, emulator.url, 'non-secret fields are returned');
			const shown = JSON.stringify(stored);
			for (const secret of [credential.data.refreshToken, credential.data.clientSecret]) {
				assert.ok(!shown.includes(secret), `secret returned in clear: ${secret}`);
			}
		});
	}
});
