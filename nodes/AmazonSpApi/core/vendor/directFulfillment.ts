import { SpApiInputError } from '../http/errors';
import { paginate } from '../http/pagination';
import type { JsonObject, SpApiRequester } from '../types';
import { requireTransactionId } from './acknowledgements';
import type { TimeSlice } from './windows';

const ORDERS_PATH = '/vendor/directFulfillment/orders/2021-12-28/purchaseOrders';

export type DirectFulfillmentStatus = 'NEW' | 'SHIPPED' | 'ACCEPTED' | 'CANCELLED';

/** Acknowledgement codes (VDF use-case guide): fill-or-kill, so an order ships whole or is cancelled. */
export const DF_ACKNOWLEDGEMENT_CODES = {
	'00': 'Shipping 100 percent of ordered product',
	'02': 'Canceled due to missing/invalid SKU',
	'03': 'Canceled out of stock',
} as const;
export type DfAcknowledgementCode = keyof typeof DF_ACKNOWLEDGEMENT_CODES;

export interface DfOrderItem {
	itemSequenceNumber: string;
	buyerProductIdentifier?: string;
	vendorProductIdentifier?: string;
	orderedQuantity: { amount: number; unitOfMeasure: string };
	[key: string]: unknown;
}

export interface DfOrder {
	purchaseOrderNumber: string;
	orderDetails?: {
		customerOrderNumber?: string;
		orderDate?: string;
		orderStatus?: DirectFulfillmentStatus;
		sellingParty?: { partyId: string };
		shipFromParty?: { partyId: string };
		items: DfOrderItem[];
		[key: string]: unknown;
	};
}

export interface DfOrderFilters {
	status?: DirectFulfillmentStatus;
	shipFromPartyId?: string;
}

/** The RDT covers the list and single-order paths at once, so one token serves a whole run. */
async function ordersToken(requester: SpApiRequester): Promise<string> {
	return await requester.restrictedDataToken([
		{ method: 'GET', path: ORDERS_PATH },
		{ method: 'GET', path: `${ORDERS_PATH}/{purchaseOrderNumber}` },
	]);
}

export async function listDirectFulfillmentOrders(
	requester: SpApiRequester,
	slices: TimeSlice[],
	filters: DfOrderFilters,
	options: { limit?: number } = {},
): Promise<DfOrder[]> {
	const token = await ordersToken(requester);
	const all: DfOrder[] = [];
	const limit = options.limit ?? Infinity;
	for (const slice of slices) {
		const pages = paginate<DfOrder>(
			requester,
			{
				operation: 'vendorDFOrders.getOrders',
				method: 'GET',
				path: ORDERS_PATH,
				restrictedDataToken: token,
				query: {
					createdAfter: new Date(slice.start).toISOString(),
					createdBefore: new Date(slice.end).toISOString(),
					status: filters.status,
					shipFromPartyId: filters.shipFromPartyId,
					limit: 100,
					sortOrder: 'ASC',
					includeDetails: 'true',
				},
			},
			{ style: 'vendorDirect', items: (data) => ((data as JsonObject)?.orders ?? []) as DfOrder[], returnAll: limit === Infinity, limit: limit - all.length },
		);
		all.push(...(await pages.collect()));
		if (all.length >= limit) break;
	}
	return all.slice(0, limit);
}

export async function getDirectFulfillmentOrder(requester: SpApiRequester, purchaseOrderNumber: string): Promise<DfOrder> {
	const token = await ordersToken(requester);
	const response = await requester.request<DfOrder>({
		operation: 'vendorDFOrders.getOrder',
		method: 'GET',
		path: `${ORDERS_PATH}/${encodeURIComponent(purchaseOrderNumber)}`,
		restrictedDataToken: token,
	});
	return response.data;
}

function requireParty(value: string | undefined, field: string, what: string): string {
	if (!value) throw new SpApiInputError(field, `no ${what}`, `Enter the ${what} (it is not on the order).`);
	return value;
}

/** One order's acknowledgement; fill-or-kill: code 00 acknowledges every item in full, 02/03 cancel the order. */
export function buildDfAcknowledgement(
	order: DfOrder,
	input: { code: DfAcknowledgementCode; vendorOrderNumber?: string; acknowledgementDate: string; sellingPartyId?: string; shipFromPartyId?: string },
): JsonObject {
	const details = order.orderDetails;
	if (!details) throw new SpApiInputError('purchaseOrderNumber', `order ${order.purchaseOrderNumber} came without details`, 'Read the order with details.');
	if (details.orderStatus && details.orderStatus !== 'NEW') {
		throw new SpApiInputError('purchaseOrderNumber', `order ${order.purchaseOrderNumber} is ${details.orderStatus}, only NEW orders are acknowledged`, 'Skip orders that are already acknowledged.');
	}
	if (!(input.code in DF_ACKNOWLEDGEMENT_CODES)) throw new SpApiInputError('acknowledgementCode', `"${input.code}" is not a known code`, 'Use 00, 02 or 03.');
	return {
		purchaseOrderNumber: order.purchaseOrderNumber,
		vendorOrderNumber: input.vendorOrderNumber || order.purchaseOrderNumber,
		acknowledgementDate: input.acknowledgementDate,
		acknowledgementStatus: { code: input.code, description: DF_ACKNOWLEDGEMENT_CODES[input.code] },
		sellingParty: { partyId: requireParty(input.sellingPartyId || details.sellingParty?.partyId, 'vendorCode', 'vendor code') },
		shipFromParty: { partyId: requireParty(input.shipFromPartyId || details.shipFromParty?.partyId, 'shipFromPartyId', 'ship-from warehouse code') },
		itemAcknowledgements: details.items.map((item) => ({
			itemSequenceNumber: item.itemSequenceNumber,
			...(item.buyerProductIdentifier ? { buyerProductIdentifier: item.buyerProductIdentifier } : {}),
			...(item.vendorProductIdentifier ? { vendorProductIdentifier: item.vendorProductIdentifier } : {}),
			acknowledgedQuantity: { amount: input.code === '00' ? item.orderedQuantity.amount : 0, unitOfMeasure: item.orderedQuantity.unitOfMeasure },
		})),
	};
}

export interface DfContainerInput {
	trackingNumber: string;
	containerIdentifier?: string;
	shipMethod?: string;
	carrier?: string;
	scacCode?: string;
	weightKg?: number;
}

/** Ship confirmation of a whole order (fill-or-kill) in one or more containers with tracking numbers. */
export function buildDfShipmentConfirmation(
	order: DfOrder,
	input: { shippedDate: string; containers: DfContainerInput[]; sellingPartyId?: string; shipFromPartyId?: string; vendorOrderNumber?: string },
): JsonObject {
	const details = order.orderDetails;
	if (!details) throw new SpApiInputError('purchaseOrderNumber', `order ${order.purchaseOrderNumber} came without details`, 'Read the order with details.');
	if (details.orderStatus && details.orderStatus !== 'ACCEPTED') {
		throw new SpApiInputError('purchaseOrderNumber', `order ${order.purchaseOrderNumber} is ${details.orderStatus}, only ACCEPTED orders can ship`, 'Acknowledge the order with code 00 first.');
	}
	if (!input.containers.length || input.containers.some((c) => !c.trackingNumber?.trim())) {
		throw new SpApiInputError('containers', 'every container needs a tracking number', 'Add at least one container with its tracking number.');
	}
	const items = details.items.map((item) => ({
		itemSequenceNumber: Number(item.itemSequenceNumber),
		...(item.buyerProductIdentifier ? { buyerProductIdentifier: item.buyerProductIdentifier } : {}),
		...(item.vendorProductIdentifier ? { vendorProductIdentifier: item.vendorProductIdentifier } : {}),
		shippedQuantity: { amount: item.orderedQuantity.amount, unitOfMeasure: item.orderedQuantity.unitOfMeasure },
	}));
	return {
		purchaseOrderNumber: order.purchaseOrderNumber,
		shipmentDetails: { shippedDate: input.shippedDate, shipmentStatus: 'SHIPPED', ...(input.vendorOrderNumber ? { vendorOrderNumber: input.vendorOrderNumber } : {}) },
		sellingParty: { partyId: requireParty(input.sellingPartyId || details.sellingParty?.partyId, 'vendorCode', 'vendor code') },
		shipFromParty: { partyId: requireParty(input.shipFromPartyId || details.shipFromParty?.partyId, 'shipFromPartyId', 'ship-from warehouse code') },
		items,
		containers: input.containers.map((c, index) => ({
			containerType: 'Carton',
			containerIdentifier: c.containerIdentifier || `${order.purchaseOrderNumber}-${index + 1}`,
			trackingNumber: c.trackingNumber.trim(),
			...(c.shipMethod ? { shipMethod: c.shipMethod } : {}),
			...(c.carrier ? { carrier: c.carrier } : {}),
			...(c.scacCode ? { scacCode: c.scacCode } : {}),
			...(input.containers.length > 1 ? { containerSequenceNumber: index + 1 } : {}),
			weight: { unitOfMeasure: 'KG', value: String(c.weightKg ?? 1) },
			packedItems: index === 0 ? items.map((i) => ({ itemSequenceNumber: i.itemSequenceNumber, packedQuantity: i.shippedQuantity })) : [],
		})),
	};
}

export async function submitDfAcknowledgements(requester: SpApiRequester, acknowledgements: JsonObject[]): Promise<string> {
	const response = await requester.request<{ transactionId?: string }>({
		operation: 'vendorDFOrders.submitAcknowledgement',
		method: 'POST',
		path: '/vendor/directFulfillment/orders/2021-12-28/acknowledgements',
		body: { orderAcknowledgements: acknowledgements },
		idempotent: false,
	});
	return requireTransactionId(response.data, 'vendorDFOrders.submitAcknowledgement');
}

export async function submitDfShipmentConfirmations(requester: SpApiRequester, confirmations: JsonObject[]): Promise<string> {
	const response = await requester.request<{ transactionId?: string }>({
		operation: 'vendorDFShipping.submitShipmentConfirmations',
		method: 'POST',
		path: '/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations',
		body: { shipmentConfirmations: confirmations },
		idempotent: false,
	});
	return requireTransactionId(response.data, 'vendorDFShipping.submitShipmentConfirmations');
}
