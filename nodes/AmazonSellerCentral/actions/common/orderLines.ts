import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getOrder } from '../../../AmazonSpApi/core/orders/read';
import type { NormalizedOrder, OrderStatus } from '../../../AmazonSpApi/core/orders/types';
import { sellerClient } from './client';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { assertPositiveInteger } from '../../../AmazonSpApi/n8n/parameters';
import { withOperationHints } from './amazonHints';

/** An order line with the quantities needed to check a shipment or cancellation. */
export interface OrderLine {
	orderItemId: string;
	quantityOrdered: number;
	quantityShipped: number;
	/** Still to ship: ordered - shipped. */
	remaining: number;
}

export interface OrderForWrite {
	order: NormalizedOrder;
	lines: OrderLine[];
}

function count(value: unknown): number {
	const number = Number(value ?? 0);
	return Number.isFinite(number) ? number : 0;
}

/** Lines of a v0 OrderItem list (the shipment and cancellation APIs are v0 operations). */
export function toOrderLines(items: IDataObject[]): OrderLine[] {
	return items.map((item) => {
		const quantityOrdered = count(item.QuantityOrdered);
		const quantityShipped = count(item.QuantityShipped);
		return {
			orderItemId: String(item.OrderItemId ?? ''),
			quantityOrdered,
			quantityShipped,
			remaining: Math.max(quantityOrdered - quantityShipped, 0),
		};
	});
}

/** The seller's order actions that are checked against the order before anything is sent. */
export type OrderWrite = 'acknowledge' | 'cancel' | 'confirmShipment';

const ACTION_WORDS: Record<OrderWrite, string> = {
	acknowledge: 'acknowledged',
	cancel: 'cancelled',
	confirmShipment: 'confirmed as shipped',
};

const SHIPPED = 'has already shipped';
const CANCELED = 'is canceled';
const PENDING = 'is Pending: Amazon has not confirmed the payment yet';

/**
 * Order statuses in which Amazon would refuse (or silently ignore) the action, with the reason. Amazon refuses to
 * acknowledge Pending orders; acknowledging a shipped or canceled one is refused too, because the acknowledgement is
 * meant for orders still to be fulfilled.
 */
const REFUSED_STATUSES: Record<OrderWrite, Partial<Record<OrderStatus, string>>> = {
	acknowledge: { Pending: PENDING, PendingAvailability: PENDING, Shipped: SHIPPED, InvoiceUnconfirmed: SHIPPED, Canceled: CANCELED },
	cancel: { Shipped: SHIPPED, InvoiceUnconfirmed: SHIPPED, Canceled: 'is already canceled' },
	confirmShipment: {
		Pending: `${PENDING}, and Pending orders must not ship`,
		PendingAvailability: 'is a pre-order that is not available to ship yet',
		Shipped: SHIPPED,
		InvoiceUnconfirmed: SHIPPED,
		Canceled: CANCELED,
		Unfulfillable: 'is unfulfillable',
	},
};

/**
 * Reads the order (and its items when asked; reads only) so a write can be checked before it is sent:
 * seller-fulfilled, in a status that allows the action, known items, quantities not above what is left.
 */
export async function fetchOrderForWrite(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: string,
	action: OrderWrite,
	includeItems = true,
): Promise<OrderForWrite> {
	const { client } = await sellerClient.call(this);
	const order = await withOperationHints(
		async () => await getOrder(client, 'v0', orderId, { includeItems, includePii: false }),
	);
	const refuse = (problem: string, fix: string) =>
		invalidInput(this.getNode(), itemIndex, 'Order ID', `order ${orderId} ${problem}, so it cannot be ${ACTION_WORDS[action]}`, fix);
	if (order.fulfillmentChannel === 'AFN') {
		throw refuse(
			'is fulfilled by Amazon (FBA)',
			'Only seller-fulfilled (MFN) orders can be changed; filter FBA orders out before this node (Fulfillment Channel = MFN)',
		);
	}
	const refused = REFUSED_STATUSES[action][order.status];
	if (refused) {
		throw refuse(refused, `Only send orders in a status that allows it; nothing is sent for this order (status ${order.status})`);
	}
	return { order, lines: toOrderLines((order.raw.OrderItems as IDataObject[] | undefined) ?? []) };
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
