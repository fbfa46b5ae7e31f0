// The example workflows as scenarios: what to put into the emulator before a headless `n8n execute`, and what n8n
// and the emulator must show afterwards. Shared by the current-host and the n8n 1.x runs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { demoCredentials, exampleWorkflows } from '../../../scripts/lib/demo-data.mjs';
import { executeWorkflow, importCredentials, importWorkflows, nodeOutput } from '../../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './context.mjs';
import { context, testEmulator, testInstance } from './harness.mjs';
import { emptyEmulator, emulatorOrder, injectOrder, SHIPPING_OPTIONS } from './orders.mjs';
import { feedsOfType } from './feeds.mjs';

const NODE = 'AmazonSellerCentral/AmazonSellerCentral.node.js';
const CREDENTIAL = 'AmazonSellerCentralApi.credentials.js';

/** The Amazon order ids of a write operation's output items; each must report success. */
function orderIds(items) {
	for (const { json } of items) assert.equal(json.success, true, `not successful: ${JSON.stringify(json)}`);
	return items.map(({ json }) => json.amazonOrderId);
}

export const scenarios = [
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

/** One `describe` running every example scenario headless on the given n8n host ('current' or 'legacy'). */
export function describeExampleRuns(title, hostName) {
	const requirements = { credentials: [CREDENTIAL], nodes: [NODE], legacy: hostName === 'legacy' };
	describe(title, skipUnless(context, requirements), () => {
		let emulator;
		let instance;

		before(async () => {
			emulator = await testEmulator({ orders: 0 });
			instance = await testInstance(hostName);
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
				const artifact = `${hostName}-${scenario.example.replace('.json', '.run.json')}`;
				writeFileSync(join(context.artifactsDir, artifact), JSON.stringify(result.run, null, 2));
				await scenario.verify(nodeOutput(result.run, scenario.lastNode), orders, emulator);
			});
		}
	});
}
