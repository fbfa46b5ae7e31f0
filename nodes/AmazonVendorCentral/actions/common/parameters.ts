import type { IExecuteFunctions } from 'n8n-workflow';

import { assertPurchaseOrderNumber } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';

export function readPurchaseOrderNumber(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'purchaseOrderNumber',
	field = 'Purchase Order Number',
): string {
	const value = String(this.getNodeParameter(parameter, itemIndex, '') ?? '');
	return guardInput(this.getNode(), itemIndex, field, () => assertPurchaseOrderNumber(value, parameter));
}

/** An optional ISO date parameter; undefined when empty. */
export function readOptionalDate(value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
