import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { TransactionOutcome } from '../../../AmazonSpApi/core/vendor/transactions';

/** Wait options of the write operations and Transaction → Get Status. */
export const transactionWaitProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: false,
		description: 'Whether to wait until Amazon has processed the submission and return its status. Off: the transaction ID is returned at once; use Transaction → Get Status later.',
	},
	{
		displayName: 'Max Wait Time (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1, maxValue: 900 },
		displayOptions: { show: { waitForResult: [true] } },
		description: 'How long to poll. When Amazon still says Processing after that (a known Amazon behaviour), the PO status is read instead.',
	},
];

export const pollIntervalMs = (maxWaitMs: number) => Math.min(5000, Math.max(250, Math.floor(maxWaitMs / 12)));

/** Transaction outcome as output fields; errors limited to the ones naming `purchaseOrderNumber` when given. */
export function transactionOutput(outcome: TransactionOutcome, purchaseOrderNumber?: string): IDataObject {
	const all = outcome.transaction.errors ?? [];
	const own = all.filter((error) => !purchaseOrderNumber || `${error.message} ${error.details ?? ''}`.includes(purchaseOrderNumber));
	const errors = own.length ? own : all;
	const fallback = outcome.purchaseOrders?.find((po) => !purchaseOrderNumber || po.purchaseOrderNumber === purchaseOrderNumber);
	return {
		transactionStatus: outcome.transaction.status,
		settled: outcome.settled,
		...(errors.length ? { errors: errors as unknown as IDataObject[] } : {}),
		...(fallback
			? {
					acknowledgementApplied: fallback.acknowledgementApplied,
					note: 'Amazon still reports the transaction as Processing; acknowledgementApplied comes from the PO status.',
				}
			: {}),
	};
}
