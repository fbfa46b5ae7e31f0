import type { IExecuteFunctions } from 'n8n-workflow';

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
