import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from './errors';
import { assertPositiveInteger } from './validation';

/** An order line with the quantities needed to check a shipment or cancellation. */
export interface OrderLine {
	orderItemId: string;
	quantityOrdered: number;
	quantityShipped: number;
	/** Still to ship: ordered - shipped. */
	remaining: number;
}

export interface RequestedLine {
	orderItemId: string;
	quantity: number;
}

/** Rows of an items fixedCollection (`orderItemId`, `quantity`); quantity 0 or empty = the line's remaining quantity. */
export function readRequestedLines(
	this: IExecuteFunctions,
	itemIndex: number,
	rows: IDataObject[],
	field: string,
): Array<{ orderItemId: string; quantity?: number }> {
	if (rows.length === 0) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			field,
			'the item list is empty',
			'Add at least one order item, or choose all items of the order',
		);
	}
	return rows.map((row, position) => {
		const orderItemId = String(row.orderItemId ?? '').trim();
		if (!orderItemId) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				`${field} (row ${position + 1}) Order Item ID`,
				'is empty',
				'Enter Amazon\'s OrderItemId (see Order → Get Items) or remove the row',
			);
		}
		const raw = row.quantity;
		const quantity =
			raw === undefined || raw === '' || raw === 0 || raw === null
				? undefined
				: assertPositiveInteger.call(this, itemIndex, raw, `${field} (row ${position + 1}) Quantity`);
		return { orderItemId, quantity };
	});
}

/** Checks requested lines against the order: known item, quantity not above what is left to ship. */
export function checkAgainstOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: string,
	lines: OrderLine[],
	requested: Array<{ orderItemId: string; quantity?: number }>,
	field: string,
): RequestedLine[] {
	return requested.map(({ orderItemId, quantity }) => {
		const line = lines.find((candidate) => candidate.orderItemId === orderItemId);
		if (!line) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				field,
				`order item ${orderItemId} is not part of order ${orderId}`,
				`Use one of the order's item IDs: ${lines.map((candidate) => candidate.orderItemId).join(', ') || 'none'}`,
			);
		}
		if (line.remaining < 1) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				field,
				`order item ${orderItemId} has nothing left to ship or cancel (${line.quantityShipped} of ${line.quantityOrdered} shipped)`,
				'Remove this item from the list',
			);
		}
		const wanted = quantity ?? line.remaining;
		if (wanted > line.remaining) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				field,
				`quantity ${wanted} for order item ${orderItemId} is larger than the ${line.remaining} left of ${line.quantityOrdered} ordered (${line.quantityShipped} already shipped)`,
				`Enter a quantity between 1 and ${line.remaining}`,
			);
		}
		return { orderItemId, quantity: wanted };
	});
}

/** Every line that still has something to ship, with its remaining quantity. */
export function remainingLines(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: string,
	lines: OrderLine[],
): RequestedLine[] {
	const open = lines
		.filter((line) => line.remaining > 0)
		.map((line) => ({ orderItemId: line.orderItemId, quantity: line.remaining }));
	if (open.length === 0) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Items',
			`order ${orderId} has no unshipped items left`,
			'Check the order status with Order → Get; nothing is sent for this order',
		);
	}
	return open;
}
