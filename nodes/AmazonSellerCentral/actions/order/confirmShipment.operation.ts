import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildOrderFulfillmentFeed, ORDER_FEED_TYPES } from '../../../AmazonSpApi/core/orders/orderFeeds';
import { resolveItemCarrier } from '../common/carrier';
import { sellerClient } from '../common/client';
import { withOperationHints } from '../common/amazonHints';
import {
	carrierMappingProperties,
	feedWaitProperties,
	writeOptionsProperty,
	orderIdProperty,
	orderItemsProperty,
} from '../common/descriptions';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { runOrderFeed, type OrderFeedEntry } from '../common/orderFeed';
import {
	checkAgainstOrder,
	fetchOrderForWrite,
	readRequestedLines,
	remainingLines,
	type RequestedLine,
} from '../common/orderLines';
import { readOptionsCollection, readOrderId, readRequiredString } from '../../../AmazonSpApi/n8n/parameters';
import { exportDecision, exportPolicyOptions, readExportPolicy, skippedItem } from '../../../AmazonSpApi/n8n/exportPolicy';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'shipmentMode',
		type: 'options',
		noDataExpression: true,
		default: 'api',
		options: [
			{
				name: 'All Orders in One Feed',
				value: 'feed',
				description:
					'One fulfillment feed per marketplace for all input orders (POST_ORDER_FULFILLMENT_DATA); Amazon processes it within minutes',
			},
			{
				name: 'One Confirmation per Order',
				value: 'api',
				description: 'Confirms each order at once (Confirm Shipment API); errors are reported per item',
			},
		],
	},
	{
		...orderIdProperty,
		description:
			'The Amazon order that shipped (one order per input item). FBA orders and orders that are Pending, canceled or already shipped are refused before anything is sent.',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'Tracking number of the package (Amazon requires one, even for untracked services)',
	},
	...carrierMappingProperties,
	{
		displayName: 'Items to Confirm',
		name: 'itemsToShip',
		type: 'options',
		default: 'all',
		options: [
			{
				name: 'All Unshipped Items',
				value: 'all',
				description: 'Every item with its remaining (unshipped) quantity',
			},
			{ name: 'Selected Items', value: 'selected', description: 'Only the listed items and quantities' },
		],
	},
	{
		...orderItemsProperty('Units in this package; 0 ships everything not yet shipped'),
		displayOptions: { show: { itemsToShip: ['selected'] } },
	},
	writeOptionsProperty([
		...exportPolicyOptions,
		{
			displayName: 'Ship Date',
			name: 'shipDate',
			type: 'dateTime',
			default: '',
			description: 'When the package shipped; empty means now',
		},
		{
			displayName: 'Ship From Supply Source ID',
			name: 'shipFromSupplySourceId',
			type: 'string',
			default: '',
			description: 'Supply source the package ships from (Confirm Shipment API only)',
		},
		{
			displayName: 'Shipping Method',
			name: 'shippingMethod',
			type: 'string',
			default: '',
			placeholder: 'e.g. DHL Paket National',
			description: 'Overrides the shipping method of the carrier mapping',
		},
	]),
	...updateDisplayOptions({ show: { shipmentMode: ['feed'] } }, feedWaitProperties),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['confirmShipment'] } },
	properties,
);

interface Prepared extends OrderFeedEntry {
	packageReferenceId: string;
	carrierCode: string;
	carrierName?: string;
	shippingMethod?: string;
	trackingNumber: string;
	shipDate: string;
	shipFromSupplySourceId?: string;
	/** Undefined in feed mode for "all items": Amazon then confirms the whole order. */
	orderItems?: RequestedLine[];
	/** Set when the export policy leaves this order out: its output, and nothing is sent. */
	skipped?: IDataObject;
}

export function isBatch(this: IExecuteFunctions): boolean {
	return this.getNodeParameter('shipmentMode', 0) === 'feed';
}

function readShipDate(this: IExecuteFunctions, itemIndex: number, value: unknown, now: number): string {
	if (value === undefined || value === null || value === '') return new Date(now).toISOString();
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Ship Date',
			`"${String(value)}" is not a date`,
			'Use an ISO 8601 date-time such as 2026-11-23T14:00:00Z, or leave it empty for now',
		);
	}
	return date.toISOString();
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const feedMode = this.getNodeParameter('shipmentMode', itemIndex, 'api') === 'feed';
	const amazonOrderId = readOrderId.call(this, itemIndex);
	const trackingNumber = readRequiredString.call(
		this,
		itemIndex,
		'trackingNumber',
		'Tracking Number',
		'Enter the package\'s tracking number; Amazon rejects shipment confirmations without one',
	);
	const carrier = resolveItemCarrier.call(this, itemIndex);
	const options = readOptionsCollection.call(this, itemIndex);
	const selected = this.getNodeParameter('itemsToShip', itemIndex, 'all') === 'selected';
	const rows = selected ? (this.getNodeParameter('items.item', itemIndex, []) as IDataObject[]) : [];
	const requested = selected ? readRequestedLines.call(this, itemIndex, rows, 'Items') : [];
	const { client } = await sellerClient.call(this);
	const now = client.clock.now();
	const shipDate = readShipDate.call(this, itemIndex, options.values.shipDate, now);

	// Every order is read first: its status and channel are checked, and its own marketplace is the one to send.
	const { order, lines } = await fetchOrderForWrite.call(this, itemIndex, amazonOrderId, 'confirmShipment');
	const orderItems = selected
		? checkAgainstOrder.call(this, itemIndex, amazonOrderId, lines, requested, 'Items')
		: remainingLines.call(this, itemIndex, amazonOrderId, lines);
	const decision = exportDecision(readExportPolicy(this, itemIndex), order);

	return {
		amazonOrderId,
		marketplaceId: order.marketplaceId,
		// Amazon accepts only positive numeric IDs, unique within the order: time in ms plus the item position.
		packageReferenceId: `${now}${String(itemIndex % 10000).padStart(4, '0')}`,
		carrierCode: carrier.carrierCode,
		carrierName: carrier.carrierName,
		shippingMethod: options.text('shippingMethod') || carrier.shippingMethod,
		trackingNumber,
		shipDate,
		shipFromSupplySourceId: options.text('shipFromSupplySourceId'),
		// The feed without an item list confirms the whole order.
		orderItems: feedMode && !selected ? undefined : orderItems,
		skipped: decision.export ? undefined : skippedItem({ orderId: amazonOrderId, marketplaceId: order.marketplaceId }, decision.reason),
	};
}

function shipmentOutput(prepared: Prepared): IDataObject {
	const output: IDataObject = {
		orderId: prepared.amazonOrderId,
		carrierCode: prepared.carrierCode,
		trackingNumber: prepared.trackingNumber,
		shipDate: prepared.shipDate,
	};
	if (prepared.carrierName) output.carrierName = prepared.carrierName;
	if (prepared.shippingMethod) output.shippingMethod = prepared.shippingMethod;
	if (prepared.orderItems) output.orderItems = prepared.orderItems.map((line) => ({ ...line }));
	return output;
}

/** Confirm Shipment API: never retried (idempotent false), so a package is never confirmed twice. */
export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	prepared: Prepared,
): Promise<IDataObject> {
	if (prepared.skipped) return prepared.skipped;
	const { client } = await sellerClient.call(this);
	const packageDetail: IDataObject = {
		packageReferenceId: prepared.packageReferenceId,
		carrierCode: prepared.carrierCode,
		trackingNumber: prepared.trackingNumber,
		shipDate: prepared.shipDate,
		orderItems: prepared.orderItems ?? [],
	};
	if (prepared.carrierName) packageDetail.carrierName = prepared.carrierName;
	if (prepared.shippingMethod) packageDetail.shippingMethod = prepared.shippingMethod;
	if (prepared.shipFromSupplySourceId) packageDetail.shipFromSupplySourceId = prepared.shipFromSupplySourceId;
	await withOperationHints(
		async () =>
			await client.request({
				operation: 'ordersV0.confirmShipment',
				method: 'POST',
				path: `/orders/v0/orders/${encodeURIComponent(prepared.amazonOrderId)}/shipmentConfirmation`,
				body: { marketplaceId: prepared.marketplaceId, packageDetail },
				idempotent: false,
			}),
	);
	return {
		success: true,
		...shipmentOutput(prepared),
		marketplaceId: prepared.marketplaceId,
		packageReferenceId: prepared.packageReferenceId,
	};
}

export async function executeBatch(
	this: IExecuteFunctions,
	entries: Array<PreparedItem<Prepared>>,
): Promise<BatchResult[]> {
	const skipped: BatchResult[] = entries
		.filter(({ prepared }) => prepared.skipped)
		.map(({ itemIndex, prepared }) => ({ itemIndex, json: prepared.skipped }));
	const toSend = entries.filter(({ prepared }) => !prepared.skipped);
	if (!toSend.length) return skipped;
	const results = await runOrderFeed(this, {
		feedType: ORDER_FEED_TYPES.fulfillment,
		entries: toSend,
		build: (sellerId, list) =>
			buildOrderFulfillmentFeed(
				sellerId,
				list.map((entry) => ({
					amazonOrderId: entry.amazonOrderId,
					fulfillmentDate: entry.shipDate,
					carrierCode: entry.carrierCode,
					carrierName: entry.carrierName,
					shippingMethod: entry.shippingMethod,
					trackingNumber: entry.trackingNumber,
					items: entry.orderItems?.map((line) => ({
						amazonOrderItemCode: line.orderItemId,
						quantity: line.quantity,
					})),
				})),
			),
	});
	// The feed outcome (success, messages, feedId) plus what was sent for the order.
	const sent = new Map(toSend.map((entry) => [entry.itemIndex, entry.prepared]));
	return [
		...skipped,
		...results.map((result) =>
			result.json ? { ...result, json: { ...result.json, ...shipmentOutput(sent.get(result.itemIndex) as Prepared) } } : result,
		),
	];
}
