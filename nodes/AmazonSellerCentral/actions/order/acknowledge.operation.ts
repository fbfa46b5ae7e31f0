import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OrderAcknowledgementItem } from '../../../AmazonSpApi/core/orders/orderFeeds';
import { feedWaitProperties, writeOptionsProperty, orderIdProperty } from '../common/descriptions';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { SELLER_CREDENTIAL } from '../common/client';
import { readMarketplaceId } from '../../../AmazonSpApi/n8n/marketplace';
import { runAcknowledgementFeed, type AcknowledgementEntry } from '../common/orderFeed';
import { readOrderId } from '../../../AmazonSpApi/n8n/parameters';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';

const properties: INodeProperties[] = [
	{ ...orderIdProperty, description: 'The Amazon order to acknowledge (one order per input item)' },
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
						{
							displayName: 'Order Item ID',
							name: 'orderItemId',
							type: 'string',
							default: '',
							description: 'Amazon\'s order item ID (OrderItemId)',
						},
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
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const rows = ((options.merchantItems as IDataObject | undefined)?.item ?? []) as IDataObject[];
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
	const merchantOrderId = String(options.merchantOrderId ?? '').trim() || undefined;
	return {
		amazonOrderId,
		marketplaceId: await readMarketplaceId.call(this, SELLER_CREDENTIAL, itemIndex, String(options.marketplaceId ?? '')),
		merchantOrderId,
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
