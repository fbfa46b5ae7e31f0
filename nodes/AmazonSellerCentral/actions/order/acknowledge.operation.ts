import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OrderAcknowledgementItem } from '../../../AmazonSpApi/core/orders/orderFeeds';
import {
	feedWaitProperties,
	orderIdProperty,
	orderItemIdField,
	writeOptionsProperty,
} from '../common/descriptions';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { runAcknowledgementFeed, type AcknowledgementEntry } from '../common/orderFeed';
import { fetchOrderForWrite } from '../common/orderLines';
import { readOptionsCollection, readOrderId } from '../../../AmazonSpApi/n8n/parameters';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';

const properties: INodeProperties[] = [
	{
		...orderIdProperty,
		description:
			'The Amazon order to acknowledge (one order per input item). FBA orders and orders that are Pending, shipped or canceled are refused before anything is sent.',
	},
	writeOptionsProperty([
		{
			displayName: 'Merchant Item IDs',
			name: 'merchantItems',
			type: 'fixedCollection',
			placeholder: 'Add Item',
			default: {},
			typeOptions: { multipleValues: true },
			description: 'Link your own line-item IDs to Amazon\'s order items',
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						orderItemIdField,
						{
							displayName: 'Merchant Order Item ID',
							name: 'merchantOrderItemId',
							type: 'string',
							default: '',
							description: 'Your ID for this line item',
						},
					],
				},
			],
		},
		{
			displayName: 'Merchant Order ID',
			name: 'merchantOrderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. SO-10045',
			description: 'Your own order number, shown in Seller Central next to the Amazon order',
		},
	]),
	...feedWaitProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['acknowledge'] } },
	properties,
);

interface Prepared extends AcknowledgementEntry {
	items: OrderAcknowledgementItem[];
}

export function isBatch(): boolean {
	return true;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const amazonOrderId = readOrderId.call(this, itemIndex);
	const options = readOptionsCollection.call(this, itemIndex);
	const rows = ((options.values.merchantItems as IDataObject | undefined)?.item ?? []) as IDataObject[];
	const items = rows.map((row, position) => {
		const amazonOrderItemCode = String(row.orderItemId ?? '').trim();
		const merchantOrderItemId = String(row.merchantOrderItemId ?? '').trim();
		if (!amazonOrderItemCode || !merchantOrderItemId) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				`Merchant Item IDs (row ${position + 1})`,
				`${amazonOrderItemCode ? 'Merchant Order Item ID' : 'Order Item ID'} is empty`,
				'Fill in both IDs or remove the row',
			);
		}
		return { amazonOrderItemCode, merchantOrderItemId };
	});
	// The order's own marketplace goes into the feed; FBA, shipped and canceled orders stop here.
	const { order } = await fetchOrderForWrite.call(this, itemIndex, amazonOrderId, 'acknowledge', false);
	return {
		amazonOrderId,
		marketplaceId: order.marketplaceId,
		merchantOrderId: options.text('merchantOrderId'),
		items,
	};
}

export async function executeBatch(
	this: IExecuteFunctions,
	entries: Array<PreparedItem<Prepared>>,
): Promise<BatchResult[]> {
	return await runAcknowledgementFeed(this, entries, 'Success', (entry) =>
		entry.items.length ? entry.items : undefined,
	);
}
