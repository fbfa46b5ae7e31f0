import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CancelReason } from '../../../AmazonSpApi/core/orders/orderFeeds';
import { CANCEL_REASONS } from '../../../AmazonSpApi/core/orders/orderFeeds';
import {
	feedWaitProperties,
	writeOptionsProperty,
	orderIdProperty,
	orderItemsProperty,
} from '../common/descriptions';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { SELLER_CREDENTIAL } from '../common/client';
import { readMarketplaceId } from '../../../AmazonSpApi/n8n/marketplace';
import { runAcknowledgementFeed, type AcknowledgementEntry } from '../common/orderFeed';
import { checkAgainstOrder, fetchOrderForWrite, readRequestedLines } from '../common/orderLines';
import { readOrderId } from '../../../AmazonSpApi/n8n/parameters';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';

const reasonOptions = [...CANCEL_REASONS]
	.sort((a, b) => a.localeCompare(b))
	.map((reason) => ({ name: reason.replace(/([a-z])([A-Z])/g, '$1 $2'), value: reason }));

const properties: INodeProperties[] = [
	{ ...orderIdProperty, description: 'The Amazon order to cancel (one order per input item)' },
	{
		displayName: 'Cancel',
		name: 'cancelScope',
		type: 'options',
		default: 'order',
		options: [
			{ name: 'Selected Items', value: 'items', description: 'Cancel only the listed order items' },
			{ name: 'Whole Order', value: 'order', description: 'Cancel every item of the order' },
		],
	},
	{
		displayName: 'Cancel Reason',
		name: 'cancelReason',
		type: 'options',
		options: reasonOptions,
		default: 'NoInventory',
		description: 'Amazon\'s cancel reason, sent with every cancelled item',
	},
	{
		...orderItemsProperty('Units to cancel; 0 cancels everything not yet shipped'),
		displayOptions: { show: { cancelScope: ['items'] } },
	},
	writeOptionsProperty([
		{
			displayName: 'Merchant Order ID',
			name: 'merchantOrderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. SO-10045',
			description: 'Your own order number, sent with the cancellation',
		},
	]),
	...feedWaitProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['cancel'] } },
	properties,
);

interface Prepared extends AcknowledgementEntry {
	reason: CancelReason;
	items: Array<{ orderItemId: string; quantity?: number }>;
}

export function isBatch(): boolean {
	return true;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const amazonOrderId = readOrderId.call(this, itemIndex);
	const reason = String(this.getNodeParameter('cancelReason', itemIndex, '')).trim();
	if (!CANCEL_REASONS.includes(reason as CancelReason)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Cancel Reason',
			`"${reason}" is not one of Amazon's cancel reasons`,
			`Use one of: ${CANCEL_REASONS.join(', ')}`,
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const scope = this.getNodeParameter('cancelScope', itemIndex, 'order') as string;
	const rows =
		scope === 'items' ? (this.getNodeParameter('items.item', itemIndex, []) as IDataObject[]) : [];
	const requested = scope === 'items' ? readRequestedLines.call(this, itemIndex, rows, 'Items') : [];

	const { order, lines } = await fetchOrderForWrite.call(this, itemIndex, amazonOrderId, 'cancelled');
	const marketplaceId = await readMarketplaceId.call(
		this,
		SELLER_CREDENTIAL,
		itemIndex,
		String(options.marketplaceId ?? '') || order.marketplaceId,
	);
	let items: Prepared['items'];
	if (scope === 'items') {
		checkAgainstOrder.call(this, itemIndex, amazonOrderId, lines, requested, 'Items');
		// No quantity cancels the whole line: no Quantity element is sent for it.
		items = requested;
	} else {
		// Amazon's cancellation message lists the items it cancels, so the whole order means every open line.
		const open = lines.filter((line) => line.remaining > 0);
		if (open.length === 0) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				'Order ID',
				`order ${amazonOrderId} has no unshipped items left to cancel`,
				'Check the order with Order → Get Items; nothing is sent for this order',
			);
		}
		items = open.map((line) => ({ orderItemId: line.orderItemId }));
	}

	return {
		amazonOrderId,
		marketplaceId,
		merchantOrderId: String(options.merchantOrderId ?? '').trim() || undefined,
		reason: reason as CancelReason,
		items,
	};
}

export async function executeBatch(
	this: IExecuteFunctions,
	entries: Array<PreparedItem<Prepared>>,
): Promise<BatchResult[]> {
	return await runAcknowledgementFeed(this, entries, 'Failure', (entry) =>
		entry.items.map((item) => ({
			amazonOrderItemCode: item.orderItemId,
			cancelReason: entry.reason,
			quantity: item.quantity,
		})),
	);
}
