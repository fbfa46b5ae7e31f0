// The Seller Central Trigger in a published workflow of a real `n8n start`: orders injected between polls each
// produce exactly one item, and a restart re-emits nothing.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DEMO_CREDENTIALS, demoCredentials } from '../../scripts/lib/demo-data.mjs';
import { activateWorkflow, importCredentials, importWorkflows } from '../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './lib/context.mjs';
import { context, startServerWithOwner, testEmulator, testInstance } from './lib/harness.mjs';
import { injectOrder } from './lib/orders.mjs';
import { waitFor } from './lib/waiting.mjs';

const TRIGGER = 'New Order';
const WORKFLOW = {
	id: 'e2ePollingOrders',
	name: 'E2E: new orders trigger',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'b0000000-0000-4000-8000-000000000001',
			name: TRIGGER,
			type: 'n8n-nodes-amazon-spapi.amazonSellerCentralTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newOrder', options: {} },
			credentials: { amazonSellerCentralApi: { id: DEMO_CREDENTIALS.seller.id, name: DEMO_CREDENTIALS.seller.name } },
		},
		{ id: 'b0000000-0000-4000-8000-000000000002', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
};
// Orders per poll round. Each is injected right after a poll, dated 90 s ago but never before n8n was ready (the
// trigger starts at its activation, "only orders after activation"); it reads orders older than 2 minutes, so one of
// the next polls (every 60 s) sees it.
const ROUNDS = [1, 2, 1];
const LAG_MS = 90 * 1000;

const searchCount = async (emulator) => {
	const { counts } = await emulator.inspect('calls');
	return (counts['orders.searchOrders'] ?? 0) + (counts['ordersV0.getOrders'] ?? 0);
};

async function emittedOrderIds(rest) {
	const ids = [];
	for (const summary of await rest.listExecutions(WORKFLOW.id)) {
		const execution = await rest.getExecution(summary.id);
		const runs = execution.data.resultData.runData[TRIGGER] ?? [];
		for (const run of runs) for (const item of run.data?.main?.[0] ?? []) ids.push(item.json.orderId);
	}
	return ids;
}

const requirements = {
	credentials: ['AmazonSellerCentralApi.credentials.js'],
	nodes: ['AmazonSellerCentral/AmazonSellerCentralTrigger.node.js'],
};

describe('Seller Central Trigger polling in n8n 2.41.1', skipUnless(context, requirements), () => {
	let emulator;
	let instance;

	before(async () => {
		emulator = await testEmulator({ orders: 0, timeScale: 60 });
		instance = await testInstance();
		await importCredentials(instance, demoCredentials(emulator.url));
		await importWorkflows(instance, WORKFLOW);
		await activateWorkflow(instance, WORKFLOW.id);
	});

	test('each new order is emitted exactly once over several polls, and not again after a restart', { timeout: 600000 }, async () => {
		const old = await injectOrder(emulator, {}); // updated an hour ago: before activation, never emitted
		const { server, rest } = await startServerWithOwner(instance);
		const readyAt = Date.now(); // after n8n activated the workflow
		const injected = [];
		for (const count of ROUNDS) {
			const polls = await searchCount(emulator);
			const dated = new Date(Math.max(Date.now() - LAG_MS, readyAt + 1000)).toISOString();
			for (let index = 0; index < count; index++) {
				injected.push((await injectOrder(emulator, { purchaseDate: dated, lastUpdateDate: dated, visibleAfter: dated })).orderId);
			}
			await waitFor('the next poll', async () => (await searchCount(emulator)) > polls, { timeoutMs: 100000 });
		}
		const emitted = await waitFor('executions with every injected order', async () => {
			const ids = await emittedOrderIds(rest);
			return injected.every((id) => ids.includes(id)) && ids;
		}, { timeoutMs: 180000, everyMs: 2000 });
		assert.deepEqual([...emitted].sort(), [...injected].sort(), 'each injected order exactly once, nothing else');
		assert.ok(!emitted.includes(old.orderId));

		await server.stop();
		const pollsBeforeRestart = await searchCount(emulator);
		const restarted = await startServerWithOwner(instance);
		await waitFor('a poll after the restart', async () => (await searchCount(emulator)) > pollsBeforeRestart, { timeoutMs: 100000 });
		await new Promise((resolve) => setTimeout(resolve, 5000)); // an emitting poll saves its execution right after
		assert.deepEqual((await emittedOrderIds(restarted.rest)).sort(), [...injected].sort(), 'nothing re-emitted after restart');
		await restarted.server.stop();
	});
});
