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
import { runAcknowledgementFeed, type AcknowledgementEntry } from '../common/orderFeed';
import { checkAgainstOrder, fetchOrderForWrite, readRequestedLines } from '../common/orderLines';
import { readOptionsCollection, readOrderId } from '../../../AmazonSpApi/n8n/parameters';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';

/** Amazon's cancel reasons, in the seller's words. */
const REASON_DESCRIPTIONS: Record<CancelReason, string> = {
	BuyerCanceled: 'The buyer asked to cancel the order',
	CannotVerifyInformation: 'You could not verify the buyer\'s information',
	CarrierCoverageFailure: 'None of your carriers delivers to the shipping address',
	CarrierCreditDecision: 'The carrier refused the shipment after its credit check',
	CustomerExchange: 'The buyer wants to exchange the item for another one',
	CustomerReturn: 'The buyer is returning the item',
	GeneralAdjustment: 'Any other reason; say why in Seller Central if Amazon asks',
	MerchandiseNotReceived: 'The buyer did not receive the item',
	NoInventory: 'The item is out of stock (counts against your cancellation rate)',
	PricingError: 'The item was listed at a wrong price',
	RejectOrder: 'You decline the order',
	RiskAssessmentInformationNotValid: 'The order failed your fraud or risk check',
	ShippingAddressUndeliverable: 'The shipping address cannot be delivered to',
	WeatherDelay: 'Weather or a natural event keeps you from shipping in time',
};

const reasonOptions = [...CANCEL_REASONS]
	.sort((a, b) => a.localeCompare(b))
	.map((reason) => ({
		name: reason.replace(/([a-z])([A-Z])/g, '$1 $2'),
		value: reason,
		description: REASON_DESCRIPTIONS[reason],
	}));

const properties: INodeProperties[] = [
	{
		...orderIdProperty,
		description:
			'The Amazon order to cancel (one order per input item). FBA, shipped and canceled orders are refused before anything is sent.',
	},
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

function readCancelReason(this: IExecuteFunctions, itemIndex: number): CancelReason {
	const reason = String(this.getNodeParameter('cancelReason', itemIndex, '') ?? '').trim();
	if (!reason) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Cancel Reason',
			'is empty',
			`Choose a reason, or make the expression return one of: ${CANCEL_REASONS.join(', ')}`,
		);
	}
	if (!CANCEL_REASONS.includes(reason as CancelReason)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Cancel Reason',
			`"${reason}" is not one of Amazon's cancel reasons`,
			`Use one of: ${CANCEL_REASONS.join(', ')}`,
		);
	}
	return reason as CancelReason;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const amazonOrderId = readOrderId.call(this, itemIndex);
	const reason = readCancelReason.call(this, itemIndex);
	const options = readOptionsCollection.call(this, itemIndex);
	const scope = this.getNodeParameter('cancelScope', itemIndex, 'order') as string;
	const rows =
		scope === 'items' ? (this.getNodeParameter('items.item', itemIndex, []) as IDataObject[]) : [];
	const requested = scope === 'items' ? readRequestedLines.call(this, itemIndex, rows, 'Items') : [];

	const { order, lines } = await fetchOrderForWrite.call(this, itemIndex, amazonOrderId, 'cancel');
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
		marketplaceId: order.marketplaceId,
		merchantOrderId: options.text('merchantOrderId'),
		reason,
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
