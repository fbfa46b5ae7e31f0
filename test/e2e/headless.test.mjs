// Each example workflow runs headless in a real n8n (`n8n execute --id`) against the emulator with known orders;
// the test checks the items n8n produced and what Amazon (the emulator) received.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { demoCredentials, exampleWorkflows } from '../../scripts/lib/demo-data.mjs';
import { executeWorkflow, importCredentials, importWorkflows, nodeOutput } from '../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './lib/context.mjs';
import { context, testEmulator, testInstance } from './lib/harness.mjs';
import { emptyEmulator, emulatorOrder, injectOrder, SHIPPING_OPTIONS } from './lib/orders.mjs';
import { feedsOfType } from './lib/feeds.mjs';

const NODE = 'AmazonSellerCentral/AmazonSellerCentral.node.js';
const CREDENTIAL = 'AmazonSellerCentralApi.credentials.js';

/** The Amazon order ids of a write operation's output items; each must report success. */
function orderIds(items) {
	for (const { json } of items) assert.equal(json.success, true, `not successful: ${JSON.stringify(json)}`);
	return items.map(({ json }) => json.amazonOrderId);
}

const scenarios = [
	{
		example: 'mfn-order-confirm-shipment.json',
		lastNode: 'Confirm Shipment',
		async arrange(emulator) {
			return {
				standard: await injectOrder(emulator, SHIPPING_OPTIONS.standard),
				express: await injectOrder(emulator, SHIPPING_OPTIONS.expedited),
				fba: await injectOrder(emulator, { fulfillmentChannel: 'AFN' }),
				shipped: await injectOrder(emulator, { status: 'Shipped' }),
			};
		},
		async verify(items, orders, emulator) {
			assert.deepEqual(orderIds(items).sort(), [orders.standard.orderId, orders.express.orderId].sort());
			const expected = { standard: 'DHL', express: 'UPS' };
			for (const [key, carrierCode] of Object.entries(expected)) {
				const stored = await emulatorOrder(emulator, orders[key].orderId);
				assert.equal(stored.status, 'Shipped', `${key} order is shipped`);
				assert.equal(stored.shipments.length, 1);
				assert.equal(stored.shipments[0].carrierCode, carrierCode);
				assert.equal(stored.shipments[0].trackingNumber, `JD${orders[key].orderId.replace(/-/g, '')}`);
			}
			assert.equal((await emulatorOrder(emulator, orders.fba.orderId)).shipments.length, orders.fba.shipments.length, 'FBA order untouched');
		},
	},
	{
		example: 'prime-order-acknowledge.json',
		lastNode: 'Acknowledge',
		async arrange(emulator) {
			return {
				prime: await injectOrder(emulator, { isPrime: true, ...SHIPPING_OPTIONS.nextDay }),
				standard: await injectOrder(emulator, { isPrime: false }),
			};
		},
		async verify(items, orders, emulator) {
			assert.deepEqual(orderIds(items), [orders.prime.orderId]);
			assert.equal((await emulatorOrder(emulator, orders.prime.orderId)).acknowledged, true);
			assert.equal((await emulatorOrder(emulator, orders.standard.orderId)).acknowledged, false);
			const [feed] = await feedsOfType(emulator, 'POST_ORDER_ACKNOWLEDGEMENT_DATA');
			assert.ok(feed, 'one acknowledgement feed');
			assert.match(feed.content, new RegExp(`<AmazonOrderID>${orders.prime.orderId}</AmazonOrderID>`));
			assert.match(feed.content, new RegExp(`<MerchantOrderID>ERP-${orders.prime.orderId.slice(-7)}</MerchantOrderID>`));
			assert.match(feed.content, /<StatusCode>Success<\/StatusCode>/);
		},
	},
	{
		example: 'cancel-order-no-inventory.json',
		lastNode: 'Cancel Order',
		async arrange(emulator) {
			return {
				soldOut: await injectOrder(emulator, { skus: ['DEMO-SOLD-OUT-1'] }),
				inStock: await injectOrder(emulator, { skus: ['IN-STOCK-1'] }),
			};
		},
		async verify(items, orders, emulator) {
			assert.deepEqual(orderIds(items), [orders.soldOut.orderId]);
			assert.equal((await emulatorOrder(emulator, orders.soldOut.orderId)).status, 'Canceled');
			assert.equal((await emulatorOrder(emulator, orders.inStock.orderId)).status, 'Unshipped');
			const [feed] = await feedsOfType(emulator, 'POST_ORDER_ACKNOWLEDGEMENT_DATA');
			assert.ok(feed, 'one cancellation feed (an acknowledgement with StatusCode Failure)');
			assert.match(feed.content, new RegExp(`<AmazonOrderID>${orders.soldOut.orderId}</AmazonOrderID>`));
			assert.match(feed.content, /<StatusCode>Failure<\/StatusCode>/);
			assert.match(feed.content, /NoInventory/);
		},
	},
];

describe('example workflows run headless in n8n 2.41.1', skipUnless(context, { credentials: [CREDENTIAL], nodes: [NODE] }), () => {
	let emulator;
	let instance;

	before(async () => {
		emulator = await testEmulator({ orders: 0 });
		instance = await testInstance();
		await importCredentials(instance, demoCredentials(emulator.url));
		const examples = exampleWorkflows().filter(({ file }) => scenarios.some((scenario) => scenario.example === file));
		if (examples.length) await importWorkflows(instance, examples.map(({ workflow }) => workflow));
	});

	for (const scenario of scenarios) {
		test(scenario.example, { ...skipUnless(context, { examples: [scenario.example] }), timeout: 180000 }, async () => {
			const { workflow } = exampleWorkflows().find(({ file }) => file === scenario.example);
			await emptyEmulator(emulator);
			const orders = await scenario.arrange(emulator);
			const result = await executeWorkflow(instance, workflow.id);
			assert.equal(result.code, 0, `n8n execute failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
			writeFileSync(join(context.artifactsDir, scenario.example.replace('.json', '.run.json')), JSON.stringify(result.run, null, 2));
			const items = nodeOutput(result.run, scenario.lastNode);
			await scenario.verify(items, orders, emulator);
		});
	}
});
