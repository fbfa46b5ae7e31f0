import { SpApiError, SpApiInputError } from '../http/errors';
import type { JsonObject, SpApiRequester } from '../types';
import type { AcknowledgementCode, PurchaseOrder, PurchaseOrderItem, RejectionReason } from './types';

export const REJECTION_REASONS: RejectionReason[] = ['TemporarilyUnavailable', 'InvalidProductIdentifier', 'ObsoleteProduct'];
/** POs per submitAcknowledgement request. */
export const DEFAULT_ACKNOWLEDGEMENT_BATCH = 50;

/** Quantities for one PO item, in the item's ordered unit (Eaches or Cases). */
export interface ItemDecision {
	/** Item sequence number, ASIN or vendor product ID. */
	item: string;
	accepted?: number;
	backordered?: number;
	rejected?: number;
	rejectionReason?: RejectionReason;
	/** Net cost per unit; the PO's when absent. */
	netCost?: string;
}

export type AcknowledgementPlan =
	| { mode: 'acceptAll' }
	/** Accept what is available, backorder (where allowed and asked) or reject the shortfall. */
	| { mode: 'byAvailability'; available: Record<string, number>; backorderShortfall: boolean }
	| { mode: 'perItem'; decisions: ItemDecision[]; unlisted: 'accept' | 'reject' };

export interface AcknowledgementOptions {
	acknowledgementDate: string;
	rejectionReason?: RejectionReason;
	scheduledShipDate?: string;
	scheduledDeliveryDate?: string;
	/** Vendor code acknowledging; the PO's selling party by default. */
	sellingPartyId?: string;
}

export interface ItemSummary {
	itemSequenceNumber: string;
	amazonProductIdentifier?: string;
	vendorProductIdentifier?: string;
	ordered: number;
	unitOfMeasure: string;
	accepted: number;
	backordered: number;
	rejected: number;
}

export interface BuiltAcknowledgement {
	purchaseOrderNumber: string;
	body: JsonObject;
	items: ItemSummary[];
}

function findItem(order: PurchaseOrder, key: string): PurchaseOrderItem | undefined {
	const wanted = key.trim();
	return order.orderDetails?.items.find(
		(item) =>
			item.itemSequenceNumber === wanted ||
			(/^\d+$/.test(wanted) && Number(item.itemSequenceNumber) === Number(wanted)) ||
			item.amazonProductIdentifier === wanted ||
			item.vendorProductIdentifier === wanted,
	);
}

function quantity(value: number | undefined, field: string): number {
	const amount = value ?? 0;
	if (!Number.isInteger(amount) || amount < 0) {
		throw new SpApiInputError(field, `${JSON.stringify(value)} is not a whole number of 0 or more`, 'Enter a whole quantity in the ordered unit.');
	}
	return amount;
}

function decisionsFor(order: PurchaseOrder, plan: AcknowledgementPlan): Map<PurchaseOrderItem, ItemDecision> {
	const items = order.orderDetails?.items ?? [];
	const decisions = new Map<PurchaseOrderItem, ItemDecision>();
	const ordered = (item: PurchaseOrderItem) => item.orderedQuantity.amount;
	if (plan.mode === 'acceptAll') {
		for (const item of items) decisions.set(item, { item: item.itemSequenceNumber, accepted: ordered(item) });
		return decisions;
	}
	if (plan.mode === 'byAvailability') {
		for (const key of Object.keys(plan.available)) {
			if (!findItem(order, key)) throw unknownItem(order, key, 'availableQuantities');
		}
		for (const item of items) {
			const key = Object.keys(plan.available).find((candidate) => findItem(order, candidate) === item);
			if (key === undefined) {
				throw new SpApiInputError(
					'availableQuantities',
					`no available quantity for item ${item.itemSequenceNumber} (${item.amazonProductIdentifier ?? item.vendorProductIdentifier ?? ''}) of PO ${order.purchaseOrderNumber}`,
					'Give a quantity for every item, keyed by item sequence number, ASIN or vendor product ID (0 when out of stock).',
				);
			}
			const available = quantity(plan.available[key], `availableQuantities.${key}`);
			const accepted = Math.min(available, ordered(item));
			const shortfall = ordered(item) - accepted;
			const backorder = plan.backorderShortfall && item.isBackOrderAllowed === true;
			decisions.set(item, { item: key, accepted, backordered: backorder ? shortfall : 0, rejected: backorder ? 0 : shortfall });
		}
		return decisions;
	}
	for (const decision of plan.decisions) {
		const item = findItem(order, decision.item);
		if (!item) throw unknownItem(order, decision.item, 'items');
		if (decisions.has(item)) {
			throw new SpApiInputError('items', `item ${decision.item} is listed twice for PO ${order.purchaseOrderNumber}`, 'List each item once and split its quantity across Accepted, Backordered and Rejected.');
		}
		decisions.set(item, decision);
	}
	for (const item of items) {
		if (decisions.has(item)) continue;
		decisions.set(
			item,
			plan.unlisted === 'accept' ? { item: item.itemSequenceNumber, accepted: ordered(item) } : { item: item.itemSequenceNumber, rejected: ordered(item) },
		);
	}
	return decisions;
}

function unknownItem(order: PurchaseOrder, key: string, field: string): SpApiInputError {
	const known = (order.orderDetails?.items ?? []).map((item) => `${item.itemSequenceNumber} (${item.amazonProductIdentifier ?? item.vendorProductIdentifier ?? '?'})`);
	return new SpApiInputError(field, `item "${key}" is not on PO ${order.purchaseOrderNumber}`, `Use one of the PO's items: ${known.join(', ')}.`);
}

/**
 * Builds the acknowledgement of one PO and checks it as Amazon would, before anything is sent: every item
 * acknowledged, quantities adding up to the ordered quantity, Backordered only where the item allows it,
 * a net cost on every item.
 */
export function buildAcknowledgement(order: PurchaseOrder, plan: AcknowledgementPlan, options: AcknowledgementOptions): BuiltAcknowledgement {
	const details = order.orderDetails;
	if (!details) throw new SpApiInputError('purchaseOrderNumber', `PO ${order.purchaseOrderNumber} came without details`, 'Read the PO with details and try again.');
	if (order.purchaseOrderState === 'Closed') {
		throw new SpApiInputError('purchaseOrderNumber', `PO ${order.purchaseOrderNumber} is Closed and can no longer be acknowledged`, 'Only New or Acknowledged POs can be acknowledged.');
	}
	const decisions = decisionsFor(order, plan);
	const summaries: ItemSummary[] = [];
	const items = details.items.map((item) => {
		const decision = decisions.get(item) as ItemDecision;
		const label = `item ${item.itemSequenceNumber} of PO ${order.purchaseOrderNumber}`;
		const accepted = quantity(decision.accepted, 'items.accepted');
		const backordered = quantity(decision.backordered, 'items.backordered');
		const rejected = quantity(decision.rejected, 'items.rejected');
		const ordered = item.orderedQuantity.amount;
		if (accepted + backordered + rejected !== ordered) {
			throw new SpApiInputError(
				'items',
				`${label}: accepted ${accepted} + backordered ${backordered} + rejected ${rejected} = ${accepted + backordered + rejected}, but ${ordered} ${item.orderedQuantity.unitOfMeasure} were ordered`,
				`Split exactly ${ordered} across Accepted, Backordered and Rejected.`,
			);
		}
		if (backordered > 0 && item.isBackOrderAllowed !== true) {
			throw new SpApiInputError('items.backordered', `${label}: Amazon does not allow a backorder for this item`, 'Accept or reject the quantity instead.');
		}
		const netCost = decision.netCost !== undefined && decision.netCost !== '' ? { currencyCode: item.netCost?.currencyCode, amount: String(decision.netCost) } : item.netCost;
		if (!netCost?.amount) throw new SpApiInputError('items.netCost', `${label}: no net cost on the PO or in the input`, 'Enter the net cost per unit.');
		const unit = { unitOfMeasure: item.orderedQuantity.unitOfMeasure, unitSize: item.orderedQuantity.unitSize ?? 1 };
		const dates = {
			...(options.scheduledShipDate ? { scheduledShipDate: options.scheduledShipDate } : {}),
			...(options.scheduledDeliveryDate ? { scheduledDeliveryDate: options.scheduledDeliveryDate } : {}),
		};
		const entries: JsonObject[] = [];
		const add = (code: AcknowledgementCode, amount: number, extra: JsonObject = {}) =>
			entries.push({ acknowledgementCode: code, acknowledgedQuantity: { amount, ...unit }, ...extra });
		if (accepted > 0) add('Accepted', accepted, dates);
		if (backordered > 0) add('Backordered', backordered, dates);
		if (rejected > 0 || entries.length === 0) {
			add('Rejected', rejected, { rejectionReason: decision.rejectionReason ?? options.rejectionReason ?? 'TemporarilyUnavailable' });
		}
		summaries.push({
			itemSequenceNumber: item.itemSequenceNumber,
			amazonProductIdentifier: item.amazonProductIdentifier,
			vendorProductIdentifier: item.vendorProductIdentifier,
			ordered,
			unitOfMeasure: item.orderedQuantity.unitOfMeasure,
			accepted,
			backordered,
			rejected,
		});
		return {
			itemSequenceNumber: item.itemSequenceNumber,
			...(item.amazonProductIdentifier ? { amazonProductIdentifier: item.amazonProductIdentifier } : {}),
			...(item.vendorProductIdentifier ? { vendorProductIdentifier: item.vendorProductIdentifier } : {}),
			orderedQuantity: { amount: ordered, ...unit },
			netCost,
			...(item.listPrice ? { listPrice: item.listPrice } : {}),
			itemAcknowledgements: entries,
		};
	});
	const sellingPartyId = options.sellingPartyId || details.sellingParty?.partyId;
	if (!sellingPartyId) throw new SpApiInputError('vendorCode', `PO ${order.purchaseOrderNumber} names no selling party`, 'Enter the vendor code that acknowledges.');
	return {
		purchaseOrderNumber: order.purchaseOrderNumber,
		items: summaries,
		body: {
			purchaseOrderNumber: order.purchaseOrderNumber,
			sellingParty: { partyId: sellingPartyId },
			acknowledgementDate: options.acknowledgementDate,
			items,
		},
	};
}

/** One submitAcknowledgement request (never re-sent by the client); returns Amazon's transaction ID. */
export async function submitAcknowledgements(requester: SpApiRequester, acknowledgements: JsonObject[]): Promise<string> {
	const response = await requester.request<{ transactionId?: string }>({
		operation: 'vendorOrders.submitAcknowledgement',
		method: 'POST',
		path: '/vendor/orders/v1/acknowledgements',
		body: { acknowledgements },
		unwrapPayload: true,
		idempotent: false,
	});
	return requireTransactionId(response.data, 'vendorOrders.submitAcknowledgement');
}

export function requireTransactionId(data: { transactionId?: string } | undefined, operation: string): string {
	const transactionId = data?.transactionId;
	if (!transactionId) throw new SpApiError({ kind: 'api', operation, message: 'Amazon accepted the request but returned no transaction ID' });
	return transactionId;
}

/** Splits a list into batches of `size`. */
export function batches<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}
