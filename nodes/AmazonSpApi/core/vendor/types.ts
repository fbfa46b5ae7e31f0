/** Vendor Retail Procurement and Direct Fulfillment shapes (vendorOrders.json, vendorDirectFulfillment*.json). */

export type PurchaseOrderState = 'New' | 'Acknowledged' | 'Closed';
export type PurchaseOrderType = 'RegularOrder' | 'ConsignedOrder' | 'NewProductIntroduction' | 'RushOrder';
export type AcknowledgementCode = 'Accepted' | 'Backordered' | 'Rejected';
export type RejectionReason = 'TemporarilyUnavailable' | 'InvalidProductIdentifier' | 'ObsoleteProduct';

export interface Money {
	currencyCode?: string;
	amount?: string;
}

export interface ItemQuantity {
	amount: number;
	unitOfMeasure: string;
	unitSize?: number;
}

export interface Party {
	partyId: string;
	address?: Record<string, unknown>;
	taxInfo?: Record<string, unknown>;
}

export interface PurchaseOrderItem {
	itemSequenceNumber: string;
	amazonProductIdentifier?: string;
	vendorProductIdentifier?: string;
	orderedQuantity: ItemQuantity;
	isBackOrderAllowed?: boolean;
	netCost?: Money;
	listPrice?: Money;
}

export interface PurchaseOrderDetails {
	purchaseOrderDate: string;
	purchaseOrderChangedDate?: string;
	purchaseOrderStateChangedDate?: string;
	purchaseOrderType?: PurchaseOrderType;
	paymentMethod?: string;
	buyingParty?: Party;
	sellingParty?: Party;
	shipToParty?: Party;
	billToParty?: Party;
	shipWindow?: string;
	deliveryWindow?: string;
	items: PurchaseOrderItem[];
	[key: string]: unknown;
}

export interface PurchaseOrder {
	purchaseOrderNumber: string;
	purchaseOrderState: PurchaseOrderState;
	orderDetails?: PurchaseOrderDetails;
}

export interface ItemStatus {
	itemSequenceNumber: string;
	buyerProductIdentifier?: string;
	vendorProductIdentifier?: string;
	orderedQuantity?: { orderedQuantity?: ItemQuantity; orderedQuantityDetails?: unknown[] };
	acknowledgementStatus?: {
		confirmationStatus?: 'ACCEPTED' | 'PARTIALLY_ACCEPTED' | 'REJECTED' | 'UNCONFIRMED';
		acceptedQuantity?: ItemQuantity;
		rejectedQuantity?: ItemQuantity;
		[key: string]: unknown;
	};
	receivingStatus?: { receiveStatus?: string; receivedQuantity?: ItemQuantity; lastReceiveDate?: string };
	[key: string]: unknown;
}

export interface PurchaseOrderStatus {
	purchaseOrderNumber: string;
	purchaseOrderStatus: 'OPEN' | 'CLOSED';
	purchaseOrderDate: string;
	lastUpdatedDate?: string;
	sellingParty?: Party;
	shipToParty?: Party;
	itemStatus: ItemStatus[];
}

export type TransactionState = 'Processing' | 'Success' | 'Failure';

export interface TransactionStatus {
	transactionId: string;
	status: TransactionState;
	errors?: Array<{ code: string; message: string; details?: string }>;
}
