import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { createPollRunner, runActionNode } from '../../harness';

const credentials = { fakeApi: { apiKey: 'k' } };

class FakeAction implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fake Action',
		name: 'fakeAction',
		group: ['transform'],
		version: 1,
		description: 'Test double',
		usableAsTool: true,
		defaults: { name: 'Fake Action' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fakeApi', required: true }],
		properties: [{ displayName: 'Fail', name: 'fail', type: 'boolean', default: false }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { apiKey } = await this.getCredentials('fakeApi');
		return [
			this.getInputData().map((item, index) => {
				if (this.getNodeParameter('fail', index)) {
					const error = new NodeOperationError(this.getNode(), 'Nope', { itemIndex: index });
					if (!this.continueOnFail()) throw error;
					return { json: { error: error.message }, pairedItem: { item: index } };
				}
				return { json: { ...item.json, apiKey }, pairedItem: { item: index } };
			}),
		];
	}
}

class FakeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fake Trigger',
		name: 'fakeTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test double',
		defaults: { name: 'Fake Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fakeApi', required: true }],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const data = this.getWorkflowStaticData('node');
		const count = ((data.count as number) ?? 0) + 1;
		data.count = count;
		if (this.getMode() === 'manual') return [[{ json: { manual: true, budget: this.getPollBudgetMs() } }]];
		return count % 2 === 0 ? [[{ json: { count } }]] : null;
	}
}

describe('test harness', () => {
	it('runs an action node through WorkflowExecute with input items and credentials', async () => {
		const result = await runActionNode({
			nodeType: new FakeAction(),
			parameters: {},
			credentials,
			inputItems: [{ a: 1 }, { a: 2 }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ a: 1, apiKey: 'k' },
			{ a: 2, apiKey: 'k' },
		]);
	});

	it('reports node errors and honours continueOnFail', async () => {
		const failed = await runActionNode({ nodeType: new FakeAction(), parameters: { fail: true }, credentials });
		expect(failed.error?.message).toBe('Nope');
		const continued = await runActionNode({
			nodeType: new FakeAction(),
			parameters: { fail: true },
			credentials,
			continueOnFail: true,
		});
		expect(continued.error).toBeUndefined();
		expect(continued.items[0].json).toEqual({ error: 'Nope' });
	});

	it('keeps static data across polls and persists it like n8n', async () => {
		const runner = createPollRunner({ nodeType: new FakeTrigger(), parameters: {}, credentials });
		expect(await runner.poll()).toBeNull();
		expect(runner.nodeStaticData).toEqual({ count: 1 });
		expect(await runner.poll()).toEqual([[{ json: { count: 2 } }]]);
		expect(await runner.poll()).toBeNull();
		expect(runner.liveNodeStaticData).toEqual({ count: 3 });
		expect(runner.nodeStaticData).toEqual({ count: 2 });

		const restarted = runner.restart();
		expect(restarted.liveNodeStaticData).toEqual({ count: 2 });
		expect(await restarted.poll()).toBeNull();
	});

	it('manual polls see persisted static data but never persist changes', async () => {
		const runner = createPollRunner({
			nodeType: new FakeTrigger(),
			parameters: {},
			credentials,
			staticData: { 'node:Fake Trigger': { count: 10 } },
			budgetMs: 1234,
		});
		expect(await runner.poll('manual')).toEqual([[{ json: { manual: true, budget: 1234 } }]]);
		expect(runner.lastManualNodeStaticData).toEqual({ count: 11 });
		expect(runner.nodeStaticData).toEqual({ count: 10 });
		expect(runner.liveNodeStaticData).toEqual({ count: 10 });
	});
});
