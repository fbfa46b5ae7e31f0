// The listings example runs headless in a real n8n 2.41.1 (`n8n execute --id`) against the emulator: spreadsheet
// rows → Preview Rules (dry run) → Ready to Send → Send by Listings Feed. The test checks the preview n8n shows,
// the JSON_LISTINGS_FEED Amazon (the emulator) received, the processing report mapped back per SKU, and the
// listings as Amazon now serves them.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { demoCredentials, EMULATOR_LWA, exampleWorkflows } from '../../scripts/lib/demo-data.mjs';
import { executeWorkflow, importCredentials, importWorkflows, nodeOutput } from '../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './lib/context.mjs';
import { feedsOfType, sellerAccessToken } from './lib/feeds.mjs';
import { context, testEmulator, testInstance } from './lib/harness.mjs';
import { emptyEmulator } from './lib/orders.mjs';

const EXAMPLE = 'listings-stock-and-prices-feed.json';
const REQUIREMENTS = {
	credentials: ['AmazonSellerCentralApi.credentials.js'],
	nodes: ['AmazonSellerCentral/AmazonSellerCentral.node.js'],
	examples: [EXAMPLE],
};

async function listing(emulator, sku) {
	const token = await sellerAccessToken(emulator);
	const url = `${emulator.url}/listings/2021-08-01/items/${EMULATOR_LWA.sellerId}/${sku}?marketplaceIds=ATVPDKIKX0DER&includedData=offers,fulfillmentAvailability`;
	return (await fetch(url, { headers: { 'x-amz-access-token': token } })).json();
}

describe('listings example runs headless in n8n 2.41.1', skipUnless(context, REQUIREMENTS), () => {
	let emulator;
	let instance;
	let workflow;

	before(async () => {
		emulator = await testEmulator({ orders: 0 });
		instance = await testInstance('current');
		await importCredentials(instance, demoCredentials(emulator.url));
		workflow = exampleWorkflows().find(({ file }) => file === EXAMPLE).workflow;
		await importWorkflows(instance, [workflow]);
	});

	test(EXAMPLE, { timeout: 240000 }, async () => {
		await emptyEmulator(emulator);
		const result = await executeWorkflow(instance, workflow.id);
		assert.equal(result.code, 0, `n8n execute failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
		writeFileSync(join(context.artifactsDir, `current-${EXAMPLE.replace('.json', '.run.json')}`), JSON.stringify(result.run, null, 2));

		// Preview: one item per Amazon SKU, the rules that fired, FBA reported as skipped.
		const preview = Object.fromEntries(nodeOutput(result.run, 'Preview Rules').map(({ json }) => [json.sku, json]));
		assert.deepEqual(Object.keys(preview).sort(), ['BT-HEADPHONES-ANC', 'DISCONTINUED-OLD-1', 'ECHO-DOT-4-BLK', 'KIDS-PUZZLE-1000', 'LED-DESK-LAMP-W', 'USB-C-CABLE-2M', 'YOGA-MAT-6MM-PRP']);
		assert.deepEqual(preview['USB-C-CABLE-2M'].after, { quantity: 0, handlingTimeDays: 2, price: 10.99 });
		assert.deepEqual(preview['USB-C-CABLE-2M'].rulesApplied, ['thresholdAtOrBelow', 'priceIncrease', 'priceRounding']);
		assert.deepEqual(preview['ECHO-DOT-4-BLK'].after, { quantity: 42, handlingTimeDays: 2, price: 48.99 });
		assert.equal(preview['YOGA-MAT-6MM-PRP'].status, 'skipped');
		assert.equal(preview['KIDS-PUZZLE-1000'].after.price, preview['BT-HEADPHONES-ANC'].after.price);

		// One JSON_LISTINGS_FEED with the previewed values; the FBA row was never sent.
		const feeds = await feedsOfType(emulator, 'JSON_LISTINGS_FEED');
		assert.equal(feeds.length, 1);
		const messages = JSON.parse(feeds[0].content).messages;
		assert.deepEqual(messages.map((m) => m.sku), ['ECHO-DOT-4-BLK', 'USB-C-CABLE-2M', 'LED-DESK-LAMP-W', 'KIDS-PUZZLE-1000', 'BT-HEADPHONES-ANC', 'DISCONTINUED-OLD-1']);
		assert.deepEqual(messages[1].patches[0].value, [{ fulfillment_channel_code: 'DEFAULT', quantity: 0, lead_time_to_ship_max_days: 2 }]);

		// The processing report, per SKU: accepted ones and the unknown SKU with Amazon's issue.
		const sent = Object.fromEntries(nodeOutput(result.run, 'Send by Listings Feed').map(({ json }) => [json.sku, json]));
		for (const sku of ['ECHO-DOT-4-BLK', 'USB-C-CABLE-2M', 'LED-DESK-LAMP-W', 'KIDS-PUZZLE-1000', 'BT-HEADPHONES-ANC']) {
			assert.equal(sent[sku].status, 'ACCEPTED', `${sku}: ${JSON.stringify(sent[sku])}`);
		}
		assert.equal(new Set(Object.values(sent).map((json) => json.feedId)).size, 1, 'one feed for all SKUs');
		assert.equal(sent['ECHO-DOT-4-BLK'].processingStatus, 'DONE');
		assert.equal(sent['DISCONTINUED-OLD-1'].status, 'INVALID');
		assert.equal(sent['DISCONTINUED-OLD-1'].errors[0].code, '4000009');

		// Amazon now serves the new values.
		const echo = await listing(emulator, 'ECHO-DOT-4-BLK');
		assert.equal(echo.fulfillmentAvailability[0].quantity, 42);
		assert.equal(echo.offers[0].price.amount, '48.99');
		assert.equal((await listing(emulator, 'USB-C-CABLE-2M')).fulfillmentAvailability[0].quantity, 0);
	});
});
