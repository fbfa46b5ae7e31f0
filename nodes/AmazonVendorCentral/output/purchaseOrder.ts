import type { IDataObject } from 'n8n-workflow';

import { lastChangedDate } from '../../AmazonSpApi/core/vendor/purchaseOrders';
import type { PurchaseOrder, PurchaseOrderStatus } from '../../AmazonSpApi/core/vendor/types';

export interface PurchaseOrderOutputSettings {
	simplify: boolean;
	/** Amazon ship-to party (FC code) → the user's warehouse or reference. Unmapped FCs pass their code through. */
	fcMap: Record<string, string>;
	/** Amazon PO state → the user's status name. */
	statusMap: Record<string, string>;
	/** Written on rejected or cancelled items (historical import), when set. */
	creditReason?: string;
}

/** Reads a fixedCollection of { from, to } rows into a lookup table (case-insensitive keys). */
export function mappingTable(rows: IDataObject[] | undefined, from: string, to: string): Record<string, string> {
	const table: Record<string, string> = {};
	for (const row of rows ?? []) {
		const key = String(row[from] ?? '').trim();
		if (key) table[key.toUpperCase()] = String(row[to] ?? '').trim();
	}
	return table;
}

const lookup = (table: Record<string, string>, key: string | undefined) => (key ? (table[key.toUpperCase()] ?? key) : undefined);

function itemStatusOf(status: PurchaseOrderStatus | undefined, sequence: string) {
	return status?.itemStatus.find((item) => Number(item.itemSequenceNumber) === Number(sequence));
}

function simplifiedItems(order: PurchaseOrder, status: PurchaseOrderStatus | undefined, creditReason: string | undefined): IDataObject[] {
	return (order.orderDetails?.items ?? []).map((item) => {
		const itemStatus = itemStatusOf(status, item.itemSequenceNumber);
		const rejected = itemStatus?.acknowledgementStatus?.rejectedQuantity?.amount ?? 0;
		const cancelled = item.orderedQuantity.amount === 0;
		return {
			itemSequenceNumber: item.itemSequenceNumber,
			asin: item.amazonProductIdentifier,
			vendorProductId: item.vendorProductIdentifier,
			quantity: item.orderedQuantity.amount,
			unitOfMeasure: item.orderedQuantity.unitOfMeasure,
			unitSize: item.orderedQuantity.unitSize,
			backorderAllowed: item.isBackOrderAllowed ?? false,
			...(cancelled ? { cancelledByAmazon: true } : {}),
			netCost: item.netCost?.amount !== undefined ? Number(item.netCost.amount) : undefined,
			currency: item.netCost?.currencyCode,
			...(itemStatus
				? {
						confirmationStatus: itemStatus.acknowledgementStatus?.confirmationStatus,
						acceptedQuantity: itemStatus.acknowledgementStatus?.acceptedQuantity?.amount ?? 0,
						rejectedQuantity: rejected,
						receiveStatus: itemStatus.receivingStatus?.receiveStatus,
						receivedQuantity: itemStatus.receivingStatus?.receivedQuantity?.amount ?? 0,
					}
				: {}),
			...(creditReason && (rejected > 0 || cancelled) ? { creditReason } : {}),
		};
	});
}

/** A PO as node output: Amazon's shape plus the mappings, or a flat simplified record. */
export function purchaseOrderToJson(order: PurchaseOrder, settings: PurchaseOrderOutputSettings, status?: PurchaseOrderStatus): IDataObject {
	const details = order.orderDetails;
	const shipToPartyId = details?.shipToParty?.partyId;
	const mapped = {
		shipToPartyRef: lookup(settings.fcMap, shipToPartyId),
		statusRef: lookup(settings.statusMap, order.purchaseOrderState),
	};
	if (!settings.simplify) {
		return { ...(order as unknown as IDataObject), ...mapped, ...(status ? { status: status as unknown as IDataObject } : {}) };
	}
	const [shipWindowStart, shipWindowEnd] = (details?.shipWindow ?? '').split('--');
	return {
		purchaseOrderNumber: order.purchaseOrderNumber,
		state: order.purchaseOrderState,
		...mapped,
		type: details?.purchaseOrderType,
		orderDate: details?.purchaseOrderDate,
		changedDate: details?.purchaseOrderChangedDate,
		stateChangedDate: details?.purchaseOrderStateChangedDate,
		lastChangedDate: lastChangedDate(order),
		vendorCode: details?.sellingParty?.partyId,
		shipToPartyId,
		shipWindowStart: shipWindowStart || undefined,
		shipWindowEnd: shipWindowEnd || undefined,
		...(status ? { purchaseOrderStatus: status.purchaseOrderStatus } : {}),
		items: simplifiedItems(order, status, settings.creditReason),
	};
}
