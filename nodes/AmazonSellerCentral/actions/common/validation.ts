import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from './errors';

export const ORDER_ID_PATTERN = /^\d{3}-\d{7}-\d{7}$/;

export function assertOrderId(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field = 'Order ID',
): string {
	const orderId = typeof value === 'string' ? value.trim() : String(value ?? '').trim();
	if (!ORDER_ID_PATTERN.test(orderId)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			field,
			orderId ? `"${orderId}" is not an Amazon order ID` : 'is empty',
			'Use the 3-7-7 digit Amazon order ID, e.g. 123-1234567-1234567 (map it from the AmazonOrderId field of the order)',
		);
	}
	return orderId;
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
