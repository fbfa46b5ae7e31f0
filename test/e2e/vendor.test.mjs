// The Vendor Central nodes in a real n8n 2.41.1 against the emulator's vendor world: the three vendor example
// workflows run headless (`n8n execute`), and a published Vendor Central Trigger emits each new purchase order once
// across polls and a restart.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DEMO_CREDENTIALS, demoCredentials, EMULATOR_LWA, exampleWorkflows } from '../../scripts/lib/demo-data.mjs';
import { activateWorkflow, executeWorkflow, importCredentials, importWorkflows, nodeOutput } from '../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './lib/context.mjs';
import { context, startServerWithOwner, testEmulator, testInstance } from './lib/harness.mjs';
import { waitFor } from './lib/waiting.mjs';

const requirements = {
	credentials: ['AmazonVendorCentralApi.credentials.js'],
	nodes: ['AmazonVendorCentral/AmazonVendorCentral.node.js', 'AmazonVendorCentral/AmazonVendorCentralTrigger.node.js'],
};

async function vendorControl(emulator, path, body) {
	const response = await fetch(`${emulator.url}/_emulator-vendor/${path}`, body === undefined ? {} : {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	assert.equal(response.ok, true, `emulator ${path}: HTTP ${response.status}`);
	return await response.json();
}

const injectPurchaseOrders = async (emulator, partials) =>
	(await vendorControl(emulator, 'purchaseOrders', partials)).purchaseOrders.map((po) => po.canonical);
const purchaseOrder = async (emulator, number) => await vendorControl(emulator, `purchaseOrders/${number}`);

const item = (sequence, asin, amount) => ({
	itemSequenceNumber: String(sequence), amazonProductIdentifier: asin, vendorProductIdentifier: `40000000000${sequence}`,
	orderedQuantity: { amount, unitOfMeasure: 'Eaches', unitSize: 1 }, isBackOrderAllowed: false, netCost: { currencyCode: 'EUR', amount: '9.90' },
});

const scenarios = [
	{
		example: 'vendor-new-po-acknowledge.json',
		lastNode: 'Acknowledge',
		async arrange(emulator) {
			const [po] = await injectPurchaseOrders(emulator, [{ vendorCode: 'EMUVC', createdAgoMs: 3600000, items: [item(1, 'B0DEMOSTK1', 10), item(2, 'B0DEMOSTK2', 6)] }]);
			return po;
		},
		async verify(items, po, emulator) {
			const own = items.find(({ json }) => json.purchaseOrderNumber === po.purchaseOrderNumber)?.json;
			assert.ok(own, `the injected PO was acknowledged: ${JSON.stringify(items.map(({ json }) => json))}`);
			assert.equal(own.transactionStatus, 'Success');
			assert.deepEqual(own.items.map(({ accepted, rejected }) => [accepted, rejected]), [[10, 0], [3, 3]]);
			const stored = await purchaseOrder(emulator, po.purchaseOrderNumber);
			assert.equal(stored.purchaseOrderState, 'Acknowledged');
			assert.deepEqual(stored.acknowledgement.items, { 1: { accepted: 10, rejected: 0 }, 2: { accepted: 3, rejected: 3 } });
		},
	},
	{
		example: 'vendor-acknowledged-po-asn.json',
		lastNode: 'Confirm Shipment',
		async arrange(emulator) {
			const [po] = await injectPurchaseOrders(emulator, [{
				vendorCode: 'EMUVC', createdAgoMs: 2 * 86400000, purchaseOrderState: 'Acknowledged', acknowledgedMs: Date.now() - 86400000,
				items: [item(1, 'B0DEMOASN1', 12), item(2, 'B0DEMOASN2', 4)],
				acknowledgement: { items: { 1: { accepted: 12, rejected: 0 }, 2: { accepted: 2, rejected: 2 } } },
			}]);
			return po;
		},
		async verify(items, po, emulator) {
			const own = items.find(({ json }) => json.purchaseOrderNumber === po.purchaseOrderNumber)?.json;
			assert.ok(own, 'the acknowledged PO got an ASN');
			assert.equal(own.transactionStatus, 'Success');
			assert.deepEqual(own.items.map(({ shipped }) => shipped), [12, 2]);
			const { vendor } = await emulator.inspect('state');
			assert.ok(vendor.shipmentConfirmations >= 1);
		},
	},
	{
		example: 'vendor-dropship-acknowledge-ship.json',
		lastNode: 'Confirm Shipment',
		async arrange(emulator) {
			const { orders } = await vendorControl(emulator, 'directFulfillmentOrders');
			return orders.filter((order) => order.status === 'NEW' && order.createdMs >= Date.now() - 7 * 86400000 + 60000);
		},
		async verify(items, fresh, emulator) {
			assert.ok(fresh.length > 0, 'the seed has new dropship orders');
			assert.deepEqual(items.map(({ json }) => json.purchaseOrderNumber).sort(), fresh.map((order) => order.purchaseOrderNumber).sort());
			for (const { json } of items) assert.equal(json.transactionStatus, 'Success');
			const { orders } = await vendorControl(emulator, 'directFulfillmentOrders');
			for (const order of fresh) assert.equal(orders.find((o) => o.purchaseOrderNumber === order.purchaseOrderNumber).status, 'SHIPPED');
		},
	},
];

describe('Vendor Central example workflows run headless in n8n 2.41.1', skipUnless(context, requirements), () => {
	let emulator;
	let instance;

	before(async () => {
		emulator = await testEmulator({ orders: 0, extraArgs: ['--purchase-orders', '0'] });
		instance = await testInstance();
		await importCredentials(instance, demoCredentials(emulator.url));
		const examples = exampleWorkflows().filter(({ file }) => scenarios.some((scenario) => scenario.example === file));
		await importWorkflows(instance, examples.map(({ workflow }) => workflow));
	});

	for (const scenario of scenarios) {
		test(scenario.example, { ...skipUnless(context, { examples: [scenario.example] }), timeout: 180000 }, async () => {
			const { workflow } = exampleWorkflows().find(({ file }) => file === scenario.example);
			const arranged = await scenario.arrange(emulator);
			const result = await executeWorkflow(instance, workflow.id);
			assert.equal(result.code, 0, `n8n execute failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
			writeFileSync(join(context.artifactsDir, `current-${scenario.example.replace('.json', '.run.json')}`), JSON.stringify(result.run, null, 2));
			await scenario.verify(nodeOutput(result.run, scenario.lastNode), arranged, emulator);
		});
	}
});

const TRIGGER = 'New Purchase Order';
const WORKFLOW = {
	id: 'e2eVendorPoTrigger',
	name: 'E2E: new vendor purchase orders',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'f0000000-0000-4000-8000-000000000001',
			name: TRIGGER,
			type: 'n8n-nodes-amazon-spapi.amazonVendorCentralTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newPurchaseOrder', filters: {}, output: {} },
			credentials: { amazonVendorCentralApi: { id: DEMO_CREDENTIALS.vendor.id, name: DEMO_CREDENTIALS.vendor.name } },
		},
		{ id: 'f0000000-0000-4000-8000-000000000002', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
};
// POs per poll round, each placed 90 s ago but never before n8n was ready ("after activation"): the trigger reads up
// to 2 minutes before now, so one of the next polls (every 60 s) sees it.
const ROUNDS = [1, 2];
const LAG_MS = 90 * 1000;

const listCount = async (emulator) => (await emulator.inspect('calls')).counts['vendorOrders.getPurchaseOrders'] ?? 0;

async function emittedNumbers(rest) {
	const numbers = [];
	for (const summary of await rest.listExecutions(WORKFLOW.id)) {
		const execution = await rest.getExecution(summary.id);
		for (const run of execution.data.resultData.runData[TRIGGER] ?? []) {
			for (const { json } of run.data?.main?.[0] ?? []) numbers.push(json.purchaseOrderNumber);
		}
	}
	return numbers;
}

describe('Vendor Central Trigger polling in n8n 2.41.1', skipUnless(context, requirements), () => {
	let emulator;
	let instance;

	before(async () => {
		emulator = await testEmulator({ orders: 0, timeScale: 60, extraArgs: ['--purchase-orders', '20'] });
		instance = await testInstance();
		await importCredentials(instance, demoCredentials(emulator.url));
		await importWorkflows(instance, WORKFLOW);
		await activateWorkflow(instance, WORKFLOW.id);
	});

	test('each new PO is emitted exactly once over several polls, and not again after a restart', { timeout: 600000 }, async () => {
		const [old] = await injectPurchaseOrders(emulator, [{ vendorCode: 'EMUVC', createdAgoMs: 3600000 }]); // before activation
		const { server, rest } = await startServerWithOwner(instance);
		const readyAt = Date.now();

		// The credential test while n8n runs: a seller refresh token in the vendor credential is named as such.
		const [vendorCredential] = demoCredentials(emulator.url).filter((credential) => credential.type === DEMO_CREDENTIALS.vendor.type);
		assert.equal((await rest.testCredential(vendorCredential)).status, 'OK');
		const wrongKind = await rest.testCredential({ ...vendorCredential, data: { ...vendorCredential.data, refreshToken: EMULATOR_LWA.sellerRefreshToken } });
		assert.equal(wrongKind.status, 'Error');
		assert.match(wrongKind.message, /Seller Central account's token is refused/);
		assert.ok(!JSON.stringify(wrongKind).includes(EMULATOR_LWA.sellerRefreshToken), 'no secret in the message');

		const injected = [];
		for (const count of ROUNDS) {
			const polls = await listCount(emulator);
			const createdMs = Math.max(Date.now() - LAG_MS, readyAt + 1000);
			const placed = await injectPurchaseOrders(emulator, Array.from({ length: count }, () => ({ vendorCode: 'EMUVC', createdMs })));
			injected.push(...placed.map((po) => po.purchaseOrderNumber));
			await waitFor('the next poll', async () => (await listCount(emulator)) > polls, { timeoutMs: 100000 });
		}
		const emitted = await waitFor('executions with every injected PO', async () => {
			const numbers = await emittedNumbers(rest);
			return injected.every((number) => numbers.includes(number)) && numbers;
		}, { timeoutMs: 240000, everyMs: 2000 });
		assert.deepEqual([...emitted].sort(), [...injected].sort(), 'each injected PO exactly once, nothing else');
		assert.ok(!emitted.includes(old.purchaseOrderNumber));

		await server.stop();
		const pollsBeforeRestart = await listCount(emulator);
		const restarted = await startServerWithOwner(instance);
		await waitFor('a poll after the restart', async () => (await listCount(emulator)) > pollsBeforeRestart, { timeoutMs: 100000 });
		await new Promise((resolve) => setTimeout(resolve, 5000));
		assert.deepEqual((await emittedNumbers(restarted.rest)).sort(), [...injected].sort(), 'nothing re-emitted after restart');
		await restarted.server.stop();
	});
});
