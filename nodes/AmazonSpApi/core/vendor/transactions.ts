import type { SpApiRequester } from '../types';
import { getPurchaseOrderStatus } from './purchaseOrders';
import type { PurchaseOrderStatus, TransactionStatus } from './types';

export type TransactionApi = 'retail' | 'directFulfillment';

export interface TransactionWait {
	/** Longest wait for a final status; 0 reads the status once. */
	maxWaitMs: number;
	intervalMs?: number;
	/** POs to read when Amazon keeps the transaction in Processing (a known Amazon behaviour). */
	fallbackPurchaseOrders?: string[];
}

export interface PurchaseOrderFallback {
	purchaseOrderNumber: string;
	/** Every item has a confirmation status other than UNCONFIRMED: the acknowledgement reached the PO. */
	acknowledgementApplied: boolean;
	status?: PurchaseOrderStatus;
}

export interface TransactionOutcome {
	transaction: TransactionStatus;
	/** Success or Failure was reached within the wait. */
	settled: boolean;
	waitedMs: number;
	/** Only when still Processing after the wait and POs were given. */
	purchaseOrders?: PurchaseOrderFallback[];
}

const DEFAULT_INTERVAL_MS = 5000;

export async function getTransactionStatus(requester: SpApiRequester, transactionId: string, api: TransactionApi = 'retail'): Promise<TransactionStatus> {
	const id = encodeURIComponent(transactionId);
	if (api === 'retail') {
		const response = await requester.request<{ transactionStatus: TransactionStatus }>({
			operation: 'vendorTransactionStatus.getTransaction',
			method: 'GET',
			path: `/vendor/transactions/v1/transactions/${id}`,
			unwrapPayload: true,
		});
		return response.data.transactionStatus;
	}
	const response = await requester.request<{ transactionStatus: TransactionStatus & { errors?: unknown } }>({
		operation: 'vendorDFTransactions.getTransactionStatus',
		method: 'GET',
		path: `/vendor/directFulfillment/transactions/2021-12-28/transactions/${id}`,
	});
	const status = response.data.transactionStatus;
	// Direct Fulfillment nests its error list one level deeper ({ errors: { errors: [...] } }).
	const nested = status.errors as { errors?: TransactionStatus['errors'] } | TransactionStatus['errors'] | undefined;
	const errors = Array.isArray(nested) ? nested : nested?.errors;
	return { transactionId: status.transactionId, status: status.status, ...(errors ? { errors } : {}) };
}

/** Polls until Success/Failure or the wait is over; then, if still Processing, reads the POs' own status. */
export async function waitForTransaction(
	requester: SpApiRequester,
	transactionId: string,
	wait: TransactionWait,
	api: TransactionApi = 'retail',
): Promise<TransactionOutcome> {
	const clock = requester.clock;
	const started = clock.now();
	const interval = Math.max(wait.intervalMs ?? DEFAULT_INTERVAL_MS, 100);
	let transaction = await getTransactionStatus(requester, transactionId, api);
	while (transaction.status === 'Processing' && clock.now() - started + interval <= wait.maxWaitMs) {
		await clock.sleep(interval);
		transaction = await getTransactionStatus(requester, transactionId, api);
	}
	const outcome: TransactionOutcome = { transaction, settled: transaction.status !== 'Processing', waitedMs: clock.now() - started };
	if (!outcome.settled && wait.fallbackPurchaseOrders?.length && api === 'retail') {
		outcome.purchaseOrders = [];
		for (const purchaseOrderNumber of wait.fallbackPurchaseOrders) {
			const status = await getPurchaseOrderStatus(requester, purchaseOrderNumber);
			const applied = !!status?.itemStatus.length && status.itemStatus.every((item) => (item.acknowledgementStatus?.confirmationStatus ?? 'UNCONFIRMED') !== 'UNCONFIRMED');
			outcome.purchaseOrders.push({ purchaseOrderNumber, acknowledgementApplied: applied, status });
		}
	}
	return outcome;
}
