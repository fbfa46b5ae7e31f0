import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../../../AmazonSpApi/transport';

/** Bad input: names the field, the item and the fix. Thrown before anything is sent to Amazon. */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(node, `${field}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: fix,
	});
}

export function asNodeError(
	node: INode,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return toNodeError(node, error, itemIndex);
}
