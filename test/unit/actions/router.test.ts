import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runOperation } from '../../../nodes/AmazonSpApi/n8n/router';
import type { OperationModule, PreparedItem } from '../../../nodes/AmazonSpApi/n8n/operations';
import { SpApiError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { mockContext, TEST_NODE } from './helpers';

const ITEMS = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

function rejectB(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const id = String(this.getInputData()[itemIndex].json.id);
	if (id === 'b') throw new NodeOperationError(TEST_NODE, `bad ${id} [item ${itemIndex}]`, { itemIndex });
	return Promise.resolve(id);
}

describe('router', () => {
	it('runs per-item operations once per item, with pairedItem on every output item', async () => {
		const op: OperationModule = {
			description: [],
			prepare: async (itemIndex: number) => itemIndex,
			execute: async (itemIndex: number) => (itemIndex === 1 ? [{ n: 1 }, { n: 2 }] : { n: 0 }),
		};
		const output = await runOperation.call(mockContext({ items: ITEMS }), op);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('validates every item before executing anything', async () => {
		const executed: number[] = [];
		const op: OperationModule = {
			description: [],
			prepare: rejectB,
			execute: async (itemIndex: number) => {
				executed.push(itemIndex);
				return {};
			},
		};
		await expect(runOperation.call(mockContext({ items: ITEMS }), op)).rejects.toThrow('bad b [item 1]');
		expect(executed).toEqual([]);
	});

	it('gives batch operations all prepared items at once and maps results back', async () => {
		const batches: Array<Array<PreparedItem>> = [];
		const op: OperationModule = {
			description: [],
			prepare: async (itemIndex: number) => `order-${itemIndex}`,
			isBatch: () => true,
			executeBatch: async (entries: PreparedItem[]) => {
				batches.push(entries);
				return entries.map(({ itemIndex, prepared }) => ({ itemIndex, json: { prepared } as IDataObject }));
			},
		};
		const output = await runOperation.call(mockContext({ items: ITEMS }), op);
		expect(batches).toHaveLength(1);
		expect(batches[0].map((entry) => entry.itemIndex)).toEqual([0, 1, 2]);
		expect(output).toEqual([
			{ json: { prepared: 'order-0' }, pairedItem: { item: 0 } },
			{ json: { prepared: 'order-1' }, pairedItem: { item: 1 } },
			{ json: { prepared: 'order-2' }, pairedItem: { item: 2 } },
		]);
	});

	it('with continueOnFail, keeps invalid items as errors and sends the rest', async () => {
		const op: OperationModule = {
			description: [],
			prepare: rejectB,
			isBatch: () => true,
			executeBatch: async (entries: PreparedItem[]) =>
				entries.map(({ itemIndex, prepared }) => ({ itemIndex, json: { id: prepared } as IDataObject })),
		};
		const output = await runOperation.call(mockContext({ items: ITEMS, continueOnFail: true }), op);
		expect(output).toEqual([
			{ json: { id: 'a' }, pairedItem: { item: 0 } },
			{ json: { error: 'bad b [item 1]' }, pairedItem: { item: 1 } },
			{ json: { id: 'c' }, pairedItem: { item: 2 } },
		]);
	});

	it('reports a batch-wide API failure on the item it concerns', async () => {
		const op: OperationModule = {
			description: [],
			isBatch: () => true,
			executeBatch: async () => {
				throw new SpApiError({ kind: 'api', status: 400, message: 'InvalidInput: bad feed' });
			},
		};
		const error = await runOperation.call(mockContext({ items: ITEMS }), op).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context.itemIndex).toBe(0);

		const output = await runOperation.call(mockContext({ items: ITEMS, continueOnFail: true }), op);
		expect(output).toHaveLength(3);
		expect(output.every((item) => String(item.json.error).includes('bad feed'))).toBe(true);
	});

	it('turns an item error of a batch result into an error on that item', async () => {
		const op: OperationModule = {
			description: [],
			isBatch: () => true,
			executeBatch: async (entries: PreparedItem[]) =>
				entries.map(({ itemIndex }) =>
					itemIndex === 2 ? { itemIndex, error: new Error('nope') } : { itemIndex, json: {} },
				),
		};
		const error = await runOperation.call(mockContext({ items: ITEMS }), op).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context.itemIndex).toBe(2);
	});
});
