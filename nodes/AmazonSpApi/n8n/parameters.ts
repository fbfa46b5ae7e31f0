import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertOrderId as checkOrderId } from '../core/orders/validate';
import { guardInput, invalidInput } from './inputErrors';

export function assertOrderId(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field = 'Order ID',
): string {
	return guardInput(this.getNode(), itemIndex, field, () => checkOrderId(String(value ?? '')));
}

export function readOrderId(this: IExecuteFunctions, itemIndex: number, parameter = 'orderId'): string {
	return assertOrderId.call(this, itemIndex, this.getNodeParameter(parameter, itemIndex, ''));
}

export function readRequiredString(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	field: string,
	fix: string,
): string {
	const value = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (!value) throw invalidInput(this.getNode(), itemIndex, field, 'is empty', fix);
	return value;
}

export function assertPositiveInteger(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
): number {
	const quantity = Number(value);
	if (!Number.isInteger(quantity) || quantity < 1) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			field,
			`${JSON.stringify(value)} is not a positive whole number`,
			'Enter a quantity of 1 or more',
		);
	}
	return quantity;
}

export interface OptionsCollection {
	values: IDataObject;
	/** A text option, trimmed; empty or missing reads as undefined. */
	text(name: string): string | undefined;
}

/** The item's "Options" collection (a `collection` parameter). */
export function readOptionsCollection(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'options',
): OptionsCollection {
	const values = (this.getNodeParameter(parameter, itemIndex, {}) ?? {}) as IDataObject;
	return {
		values,
		text: (name) => String(values[name] ?? '').trim() || undefined,
	};
}

/** Return All + Limit of every Get Many operation. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** The Limit, or undefined when Return All is on. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
}
