import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from './session';
import { isOutputItems, type BatchResult, type ItemResult, type OperationModule, type PreparedItem } from './operations';

/** A node's resources: resource value -> operation value -> `<op>.operation.ts` module. */
export type ResourceMap = Record<string, Record<string, OperationModule>>;

function toOutput(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	if (isOutputItems(result)) return result.outputItems.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	const list = Array.isArray(result) ? result : [result];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** The `execute` of an action node: picks the operation module and runs it over the input items. */
export function createRouter(resources: ResourceMap) {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const op = resources[resource]?.[operation];
		if (!op) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" is not supported for resource "${resource}"`,
			);
		}
		return [await runOperation.call(this, op)];
	};
}

/**
 * Owns the item loop, continueOnFail and pairedItem. Every item is prepared (validated) before any operation runs,
 * so bad input stops the run before anything is written; batch operations then receive all prepared items at once,
 * per-item operations one at a time. Errors stay on their item.
 */
export async function runOperation(
	this: IExecuteFunctions,
	op: OperationModule,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const outputs: INodeExecutionData[][] = items.map(() => []);
	const fail = (itemIndex: number, error: Error) => {
		const nodeError = toNodeError(this.getNode(), error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		outputs[itemIndex] = [{ json: { error: nodeError.message }, pairedItem: { item: itemIndex } }];
	};

	const prepared: PreparedItem[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const value = op.prepare ? await op.prepare.call(this, itemIndex) : undefined;
			prepared.push({ itemIndex, prepared: value });
		} catch (error) {
			fail(itemIndex, error as Error);
		}
	}

	if (op.isBatch?.call(this) && op.executeBatch) {
		if (prepared.length > 0) {
			let results: BatchResult[];
			try {
				results = await op.executeBatch.call(this, prepared);
			} catch (error) {
				results = prepared.map(({ itemIndex }) => ({ itemIndex, error: error as Error }));
			}
			for (const result of results) {
				if (result.error) fail(result.itemIndex, result.error);
				else outputs[result.itemIndex] = toOutput(result.jsonItems ?? result.json ?? {}, result.itemIndex);
			}
		}
	} else if (op.execute) {
		for (const { itemIndex, prepared: value } of prepared) {
			try {
				outputs[itemIndex] = toOutput(await op.execute.call(this, itemIndex, value), itemIndex);
			} catch (error) {
				fail(itemIndex, error as Error);
			}
		}
	}

	return outputs.flat();
}
