// Workflows of the queue-mode E2E: webhook-started reads and acknowledgements (the main enqueues, workers run them)
// and a published order trigger (polled by the main).
import { DEMO_CREDENTIALS } from '../../../scripts/lib/demo-data.mjs';

export const READ_EXECUTIONS = 20;
export const TRIGGER = 'New Order';
const SELLER_NODE = 'n8n-nodes-amazon-spapi.amazonSellerCentral';
const credentials = { amazonSellerCentralApi: { id: DEMO_CREDENTIALS.seller.id, name: DEMO_CREDENTIALS.seller.name } };

/** Webhook (body `{ orders: [{ orderId }] }`) → one item per order → `amazon` node parameters. */
function webhookWorkflow({ id, name, path, webhookId, amazon }) {
	const nodeId = (n) => `${webhookId.slice(0, -1)}${n}`; // n8n stores node ids as 36-character UUIDs
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: nodeId(7), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ id: nodeId(8), name: 'One Item per Order', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.orders', options: {} } },
			{ id: nodeId(9), name: 'Amazon', type: SELLER_NODE, typeVersion: 1, position: [440, 0], parameters: amazon, credentials },
		],
		connections: {
			Webhook: { main: [[{ node: 'One Item per Order', type: 'main', index: 0 }]] },
			'One Item per Order': { main: [[{ node: 'Amazon', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * n8n 2.x activates published workflows in the background after start-up: waits until the main answers for the
 * webhook's path (a GET to a POST webhook is then refused with "Did you mean to make a POST request?").
 */
export async function webhookRegistered(baseUrl, path) {
	const response = await fetch(`${baseUrl}/webhook/${path}`);
	return /POST request/.test(await response.text());
}

export const readWorkflow = () =>
	webhookWorkflow({
		id: 'e2eQueueRead',
		name: 'E2E queue: order items',
		path: 'e2e-queue-read',
		webhookId: 'c0000000-0000-4000-8000-000000000001',
		amazon: { resource: 'order', operation: 'getItems', orderId: '={{ $json.orderId }}', apiVersion: 'v0' },
	});

export const acknowledgeWorkflow = () =>
	webhookWorkflow({
		id: 'e2eQueueAck',
		name: 'E2E queue: acknowledge',
		path: 'e2e-queue-ack',
		webhookId: 'c0000000-0000-4000-8000-000000000002',
		amazon: { resource: 'order', operation: 'acknowledge', orderId: '={{ $json.orderId }}', waitForResult: false, options: {} },
	});

export function triggerWorkflow(importDate) {
	return {
		id: 'e2eQueueTrigger',
		name: 'E2E queue: new orders trigger',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'c0000000-0000-4000-8000-000000000011',
				name: TRIGGER,
				type: 'n8n-nodes-amazon-spapi.amazonSellerCentralTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newOrder', options: { importFrom: 'date', importDate } },
				credentials,
			},
			{ id: 'c0000000-0000-4000-8000-000000000012', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}
