// The example workflows as the demo shows them: one emulator started as `npm start` starts it (the demo's seeded
// orders, nothing injected), each example run headless (`n8n execute`) in the order of the order life cycle, and
// what Amazon (the emulator) received checked afterwards. Shared by the current-host and the n8n 1.x runs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DEMO_EMULATOR, demoCredentials, exampleWorkflows } from '../../../scripts/lib/demo-data.mjs';
import { startEmulator } from '../../../scripts/lib/emulator.mjs';
import { executeWorkflow, importCredentials, importWorkflows, nodeOutput } from '../../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './context.mjs';
import { context, testInstance } from './harness.mjs';
import { emulatorOrder } from './orders.mjs';
import { feedsOfType } from './feeds.mjs';

const NODE = 'AmazonSellerCentral/AmazonSellerCentral.node.js';
const CREDENTIAL = 'AmazonSellerCentralApi.credentials.js';
const US = 'ATVPDKIKX0DER';
const SOLD_OUT = /^DEMO-SOLD-OUT-/;

/**
 * Orders a search of the demo credential (US) returns now: unshipped, seller-fulfilled, indexed, and last updated
 * before the 2 minutes Amazon's search leaves out.
 */
async function openUsOrders(emulator) {
	const now = Date.parse((await emulator.inspect('state')).now);
	const { orders } = await emulator.inspect('orders');
	return orders.filter(
		(order) =>
			order.marketplaceId === US &&
			order.fulfillmentChannel === 'MFN' &&
			order.status === 'Unshipped' &&
			Date.parse(order.visibleAfter) <= now &&
			Date.parse(order.lastUpdateDate) <= now - 2 * 60_000,
	);
}

/** The order IDs of a write operation's output items; each must report success. */
function succeededOrderIds(items) {
	assert.ok(items.length > 0, 'the last node has output items');
	for (const { json } of items) assert.equal(json.success, true, `not successful: ${JSON.stringify(json)}`);
	return items.map(({ json }) => json.orderId);
}

const includesAll = (actual, expected, what) =>
	assert.deepEqual(expected.filter((id) => !actual.includes(id)), [], `${what} missing from the output`);

// In the order of the order life cycle: acknowledge new orders, cancel what cannot ship, ship the rest.
export const scenarios = [
	{
		example: 'prime-order-acknowledge.json',
		lastNode: 'Acknowledge',
		async expect(emulator) {
			return (await openUsOrders(emulator)).filter((order) => order.isPrime).map((order) => order.orderId);
		},
		async verify(items, primeIds, emulator) {
			const acknowledged = succeededOrderIds(items);
			assert.ok(primeIds.length >= 2, 'the demo seeds two unshipped Prime orders');
			includesAll(acknowledged, primeIds, 'seeded Prime orders');
			const [feed, ...more] = await feedsOfType(emulator, 'POST_ORDER_ACKNOWLEDGEMENT_DATA');
			assert.ok(feed && more.length === 0, 'one acknowledgement feed (all orders are US orders)');
			assert.deepEqual(feed.marketplaceIds, [US]);
			for (const orderId of acknowledged) {
				const order = await emulatorOrder(emulator, orderId);
				assert.equal(order.acknowledged, true, `${orderId} is acknowledged`);
				assert.equal(order.isPrime, true, `${orderId} is a Prime order`);
				assert.match(feed.content, new RegExp(`<AmazonOrderID>${orderId}</AmazonOrderID>`));
				assert.match(feed.content, new RegExp(`<MerchantOrderID>ERP-${orderId.slice(-7)}</MerchantOrderID>`));
			}
			assert.match(feed.content, /<StatusCode>Success<\/StatusCode>/);
		},
	},
	{
		example: 'cancel-order-no-inventory.json',
		lastNode: 'Cancel Order',
		async expect(emulator) {
			const open = await openUsOrders(emulator);
			return open.filter((order) => order.items.some((item) => SOLD_OUT.test(item.sellerSku))).map((order) => order.orderId);
		},
		async verify(items, soldOutIds, emulator) {
			const canceled = succeededOrderIds(items);
			assert.ok(soldOutIds.length >= 1, 'the demo seeds an order with a sold-out SKU');
			includesAll(canceled, soldOutIds, 'orders with a sold-out SKU');
			for (const orderId of canceled) assert.equal((await emulatorOrder(emulator, orderId)).status, 'Canceled');
			const [feed] = (await feedsOfType(emulator, 'POST_ORDER_ACKNOWLEDGEMENT_DATA')).filter((candidate) =>
				/<StatusCode>Failure<\/StatusCode>/.test(candidate.content),
			);
			assert.ok(feed, 'one cancellation feed (an acknowledgement with StatusCode Failure)');
			for (const orderId of canceled) assert.match(feed.content, new RegExp(`<AmazonOrderID>${orderId}</AmazonOrderID>`));
			assert.match(feed.content, /<CancelReason>NoInventory<\/CancelReason>/);
		},
	},
	{
		example: 'mfn-order-confirm-shipment.json',
		lastNode: 'Confirm Shipment',
		async expect(emulator) {
			return (await openUsOrders(emulator)).map((order) => order.orderId);
		},
		async verify(items, openIds, emulator) {
			const shipped = succeededOrderIds(items);
			assert.ok(openIds.length >= 2, 'the demo seeds standard and expedited orders to ship');
			includesAll(shipped, openIds, 'unshipped US orders');
			const carriers = new Set();
			for (const orderId of shipped) {
				const order = await emulatorOrder(emulator, orderId);
				assert.equal(order.status, 'Shipped', `${orderId} is shipped`);
				const [shipment] = order.shipments;
				assert.equal(shipment.trackingNumber, `JD${orderId.replace(/-/g, '')}`);
				const express = /^(Exp|Prime|NextDay|SecondDay)/.test(order.shipServiceLevel);
				assert.equal(shipment.carrierCode, express ? 'UPS' : 'DHL', `${orderId} (${order.shipServiceLevel}) carrier`);
				carriers.add(shipment.carrierCode);
			}
			assert.deepEqual([...carriers].sort(), ['DHL', 'UPS'], 'both shipping providers are used');
		},
	},
];

/** One `describe` running every example on the demo's emulator, headless on the given n8n host ('current' or 'legacy'). */
export function describeExampleRuns(title, hostName) {
	const requirements = { credentials: [CREDENTIAL], nodes: [NODE], legacy: hostName === 'legacy' };
	describe(title, skipUnless(context, requirements), () => {
		let emulator;
		let instance;

		before(async () => {
			// The demo's data as `npm start` seeds it; a faster clock only shortens Amazon's feed processing.
			emulator = await startEmulator({ ...DEMO_EMULATOR, timeScale: 60 });
			instance = await testInstance(hostName);
			await importCredentials(instance, demoCredentials(emulator.url));
			const examples = exampleWorkflows().filter(({ file }) => scenarios.some((scenario) => scenario.example === file));
			if (examples.length) await importWorkflows(instance, examples.map(({ workflow }) => workflow));
		});

		for (const scenario of scenarios) {
			test(scenario.example, { ...skipUnless(context, { examples: [scenario.example] }), timeout: 180000 }, async () => {
				const { workflow } = exampleWorkflows().find(({ file }) => file === scenario.example);
				const expected = await scenario.expect(emulator);
				const result = await executeWorkflow(instance, workflow.id);
				assert.equal(result.code, 0, `n8n execute failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
				const artifact = `${hostName}-${scenario.example.replace('.json', '.run.json')}`;
				writeFileSync(join(context.artifactsDir, artifact), JSON.stringify(result.run, null, 2));
				await scenario.verify(nodeOutput(result.run, scenario.lastNode), expected, emulator);
			});
		}
	});
}
