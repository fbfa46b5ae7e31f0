import type { INode, NodeOperationError } from 'n8n-workflow';

import { SpApiInputError } from '../core/http/errors';
import { toNodeError } from './session';

/** Bad input: names the field, the item and the fix. Thrown before anything is sent to Amazon. */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	// One message format for every input error: toNodeError's (`<field>: <problem> [item N]`).
	return toNodeError(node, new SpApiInputError(field, problem, fix), itemIndex) as NodeOperationError;
}

/**
 * Runs a core validator; its SpApiInputError becomes an item error labelled with the node's field name (or with
 * the label `field` returns for the core's field name).
 */
export function guardInput<T>(
	node: INode,
	itemIndex: number,
	field: string | ((coreField: string) => string),
	validate: () => T,
): T {
	try {
		return validate();
	} catch (error) {
		if (!(error instanceof SpApiInputError)) throw toNodeError(node, error, itemIndex);
		const label = typeof field === 'function' ? field(error.field) : field;
		throw invalidInput(node, itemIndex, label, error.message, error.hint ?? 'Correct the value and run the node again');
	}
}
