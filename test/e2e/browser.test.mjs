// The editor in headless Chromium: log in, find both Amazon Seller Central nodes in the node panel, add the action
// node with its operations listed, run "Get many orders" against the emulator from the editor, open the credential
// dialog, then open each example workflow as the demo imports it, execute it and check that its last node has output.
// Screenshots go to test/e2e/artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/lib/chromium.mjs';
import { DEMO_EMULATOR, demoCredentials, exampleWorkflows } from '../../scripts/lib/demo-data.mjs';
import { startEmulator } from '../../scripts/lib/emulator.mjs';
import { importCredentials, importWorkflows } from '../../scripts/lib/n8n-cli.mjs';
import { DEMO_OWNER } from '../../scripts/lib/n8n-rest.mjs';
import { skipUnless } from './lib/context.mjs';
import { scenarios } from './lib/example-runs.mjs';
import { context, startServerWithOwner, testInstance } from './lib/harness.mjs';

const DEMO_CREDENTIAL = 'Amazon Seller Central (emulator)';

const requirements = {
	credentials: ['AmazonSellerCentralApi.credentials.js'],
	nodes: ['AmazonSellerCentral/AmazonSellerCentral.node.js', 'AmazonSellerCentral/AmazonSellerCentralTrigger.node.js'],
};
const OPERATIONS = [
	'Acknowledge an order',
	'Cancel an order',
	'Confirm the shipment of an order',
	'Get an order',
	'Get many orders',
	'Map a shipping provider',
	'Get the result of a feed',
];
const CREDENTIAL_FIELDS = ['clientId', 'clientSecret', 'refreshToken', 'region', 'environment', 'sellerId'];
const byTestId = (id) => `[data-test-id="${id}"]`;

describe('the n8n 2.41.1 editor shows and runs the Amazon nodes', skipUnless(context, requirements), () => {
	let browser;
	let page;
	let server;
	let emulator;
	const shot = (name) => page.screenshot({ path: join(context.artifactsDir, `browser-${name}.png`) });
	const searchBar = () => page.locator(`input${byTestId('node-creator-search-bar')}, ${byTestId('node-creator-search-bar')} input`).first();
	const searchNodePanel = (text) => searchBar().fill(text);
	// The editor hydrates after the button shows; a click before that does nothing, so click until the panel opens.
	const openNodePanel = async (buttonTestId) => {
		for (let attempt = 0; attempt < 10 && !(await searchBar().isVisible()); attempt++) {
			await page.locator(byTestId(buttonTestId)).first().click();
			await searchBar().waitFor({ timeout: 3000 }).catch(() => {});
		}
		await searchBar().waitFor();
	};
	// Screenshot of whatever the page showed when a step failed.
	const withFailureShot = (name, body) => async () => {
		try {
			await body();
		} catch (error) {
			await shot(`failed-${name}`).catch(() => {});
			throw error;
		}
	};

	before(async () => {
		const executablePath = await ensureChromium();
		// The demo's emulator and examples, as `npm start` sets them up (a faster clock only shortens feed processing).
		emulator = await startEmulator({ ...DEMO_EMULATOR, timeScale: 60 });
		const instance = await testInstance();
		await importCredentials(instance, demoCredentials(emulator.url));
		await importWorkflows(instance, exampleWorkflows().map(({ workflow }) => workflow));
		({ server } = await startServerWithOwner(instance));
		browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
		page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(30000);
		page.on('dialog', (dialog) => dialog.accept()); // "leave without saving?" when moving to the examples
	});

	after(async () => {
		await browser?.close();
		await server?.stop();
	});

	test('log in as the owner', { timeout: 90000 }, withFailureShot('login', async () => {
		await page.goto(`${server.url}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(DEMO_OWNER.email);
		await page.locator('input[type="password"]').first().fill(DEMO_OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		await shot('1-after-login');
	}));

	test('the trigger panel lists the Amazon Seller Central trigger', { timeout: 90000 }, withFailureShot('trigger-panel', async () => {
		await page.goto(`${server.url}/workflow/new`);
		await openNodePanel('canvas-plus-button');
		await searchNodePanel('Amazon');
		await page.getByText('Starts the workflow when Amazon seller orders are new or change status').first().waitFor();
		await shot('2-trigger-search');
	}));

	test('the node panel lists Amazon Seller Central with its resources and operations', { timeout: 90000 }, withFailureShot('node-panel', async () => {
		await searchNodePanel('Manual');
		await page.getByText('Manual Trigger', { exact: true }).first().click();
		await page.locator(byTestId('canvas-trigger-node')).first().waitFor();
		await openNodePanel('node-creator-plus-button');
		await searchNodePanel('Amazon');
		await page.getByText('Amazon Seller Central', { exact: true }).first().click();
		for (const operation of OPERATIONS) await page.getByText(operation, { exact: true }).first().waitFor();
		const panel = await page.locator(byTestId('node-creator')).innerText();
		assert.match(panel, /ORDER ACTIONS/i, 'the Order resource is listed');
		assert.match(panel, /FEED ACTIONS/i, 'the Feed resource is listed');
		await shot('3-node-actions');
	}));

	test('"Get many orders" runs from the editor against the emulator', { timeout: 90000 }, withFailureShot('get-many', async () => {
		await page.getByText('Get many orders', { exact: true }).first().click();
		const select = page.locator(byTestId('node-credentials-select')).first();
		await select.waitFor();
		// Earlier E2E files may have added Seller Central credentials to this n8n; pick the demo's as a user would.
		if ((await select.locator('input').inputValue()) !== DEMO_CREDENTIAL) {
			await select.click();
			await page.getByText(DEMO_CREDENTIAL, { exact: true }).last().click();
		}
		assert.equal(await select.locator('input').inputValue(), DEMO_CREDENTIAL, 'the demo credential is selected');
		await page.locator(byTestId('node-execute-button')).first().click();
		await page.locator(byTestId('node-run-status-success')).first().waitFor();
		const outputPanel = page.locator(byTestId('output-panel'));
		await outputPanel.getByText(/\d{3}-\d{7}-\d{7}/).first().waitFor(); // the table renders after the status
		const output = await outputPanel.innerText();
		assert.match(output, /\d{3}-\d{7}-\d{7}/, 'the output table shows Amazon order IDs');
		assert.match(output, /orderId/, 'simplified output columns are shown');
		assert.ok(!output.includes('emulator-client-secret'), 'no secret in the output');
		await shot('4-get-many-output');
	}));

	test('the credential dialog lists the Seller Central fields', { timeout: 90000 }, withFailureShot('credential-dialog', async () => {
		await page.locator(byTestId('node-credentials-select')).first().click();
		await page.locator(byTestId('node-credentials-select-item-new')).first().click();
		const modal = page.locator(byTestId('editCredential-modal'));
		for (const field of CREDENTIAL_FIELDS) await modal.locator(byTestId(`parameter-input-${field}`)).first().waitFor();
		const text = await modal.innerText();
		for (const label of ['Client ID', 'Client Secret', 'Refresh Token', 'Region', 'Environment']) {
			assert.ok(text.includes(label), `credential field "${label}" is labelled`);
		}
		await shot('5-credential-dialog');
	}));

	// In the order of the order life cycle, as the examples' notes suggest (acknowledge, cancel, ship).
	for (const { example, lastNode } of scenarios) {
		const name = example.replace('.json', '');
		test(`example ${example}: opens, executes and shows output on "${lastNode}"`, { timeout: 180000 }, withFailureShot(name, async () => {
			const { workflow } = exampleWorkflows().find(({ file }) => file === example);
			await page.goto(`${server.url}/workflow/${workflow.id}`);
			const node = page.locator(`${byTestId('canvas-node')}[data-node-name="${lastNode}"]`);
			await node.waitFor();
			await shot(`example-${name}-1-opened`);
			await page.locator(byTestId('execute-workflow-button')).first().click();
			await node.locator(byTestId('canvas-node-status-success')).waitFor({ timeout: 150000 });
			await shot(`example-${name}-2-executed`);
			await node.dblclick();
			const outputPanel = page.locator(byTestId('output-panel'));
			await outputPanel.getByText(/\d{3}-\d{7}-\d{7}/).first().waitFor();
			const output = await outputPanel.innerText();
			assert.match(output, /orderId/, `"${lastNode}" shows its output items`);
			assert.match(output, /success/, `"${lastNode}" shows the outcome per order`);
			await shot(`example-${name}-3-output`);
			await page.keyboard.press('Escape');
		}));
	}
});
