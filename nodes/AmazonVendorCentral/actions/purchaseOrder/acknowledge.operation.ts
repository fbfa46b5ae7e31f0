import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	batches,
	buildAcknowledgement,
	DEFAULT_ACKNOWLEDGEMENT_BATCH,
	submitAcknowledgements,
	type AcknowledgementPlan,
	type BuiltAcknowledgement,
} from '../../../AmazonSpApi/core/vendor/acknowledgements';
import { getPurchaseOrder } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import { waitForTransaction } from '../../../AmazonSpApi/core/vendor/transactions';
import type { RejectionReason } from '../../../AmazonSpApi/core/vendor/types';
import { guardInput, invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import type { BatchResult, PreparedItem } from '../../../AmazonSpApi/n8n/operations';
import { purchaseOrderNumberProperty } from '../../shared/descriptions';
import { vendorClient } from '../common/client';
import { readOptionalDate, readPurchaseOrderNumber } from '../common/parameters';
import { pollIntervalMs, transactionOutput, transactionWaitProperties } from '../common/transactionWait';
import { acknowledgeProperties, FIELD_LABELS } from './acknowledgeFields';

export const description = updateDisplayOptions(
	{ show: { resource: ['purchaseOrder'], operation: ['acknowledge'] } },
	[{ ...purchaseOrderNumberProperty, description: 'The PO to acknowledge (one PO per input item)' }, ...acknowledgeProperties, ...transactionWaitProperties],
);

export function isBatch(): boolean {
	return true;
}

function parseAvailable(this: IExecuteFunctions, itemIndex: number): Record<string, number> {
	let value = this.getNodeParameter('availableQuantities', itemIndex, {}) as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value || '{}');
		} catch {
			throw invalidInput(this.getNode(), itemIndex, 'Available Quantities', 'is not valid JSON', 'Enter an object such as {"B07XYZ1234": 5, "2": 0}.');
		}
	}
	const entries = Array.isArray(value)
		? (value as IDataObject[]).map((row) => [String(row.item ?? row.itemSequenceNumber ?? row.asin ?? row.sku ?? ''), row.quantity ?? row.available] as const)
		: Object.entries((value ?? {}) as IDataObject);
	const available: Record<string, number> = {};
	for (const [key, quantity] of entries) {
		const amount = Number(quantity);
		if (!key || !Number.isInteger(amount) || amount < 0) {
			throw invalidInput(this.getNode(), itemIndex, 'Available Quantities', `entry ${JSON.stringify(key)}: ${JSON.stringify(quantity)} is not a whole number of 0 or more`, 'Give each item a stock quantity such as {"B07XYZ1234": 5}.');
		}
		available[key] = amount;
	}
	return available;
}

function readPlan(this: IExecuteFunctions, itemIndex: number): AcknowledgementPlan {
	const decision = this.getNodeParameter('decision', itemIndex, 'acceptAll') as string;
	if (decision === 'acceptAll') return { mode: 'acceptAll' };
	if (decision === 'byAvailability') {
		return {
			mode: 'byAvailability',
			available: parseAvailable.call(this, itemIndex),
			backorderShortfall: this.getNodeParameter('backorderShortfall', itemIndex, false) as boolean,
		};
	}
	const rows = (((this.getNodeParameter('items', itemIndex, {}) as IDataObject).item ?? []) as IDataObject[]).filter(
		// A blank row (no item, no quantities) is a leftover from the editor, not a decision.
		(row) => String(row.item ?? '').trim() || Number(row.accepted) || Number(row.backordered) || Number(row.rejected),
	);
	return {
		mode: 'perItem',
		unlisted: this.getNodeParameter('unlistedItems', itemIndex, 'accept') as 'accept' | 'reject',
		decisions: rows.map((row) => ({
			item: String(row.item ?? ''),
			accepted: Number(row.accepted ?? 0),
			backordered: Number(row.backordered ?? 0),
			rejected: Number(row.rejected ?? 0),
			rejectionReason: (row.rejectionReason as RejectionReason) || undefined,
			netCost: String(row.netCost ?? '').trim() || undefined,
		})),
	};
}

/** Reads the PO and builds its acknowledgement; every check runs here, before any item is sent. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<BuiltAcknowledgement> {
	const purchaseOrderNumber = readPurchaseOrderNumber.call(this, itemIndex);
	const plan = readPlan.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { client } = await vendorClient.call(this);
	const order = await getPurchaseOrder(client, purchaseOrderNumber);
	return guardInput(this.getNode(), itemIndex, (field) => FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.')[0]] ?? field, () =>
		buildAcknowledgement(order, plan, {
			acknowledgementDate: new Date(client.clock.now()).toISOString(),
			rejectionReason: (this.getNodeParameter('rejectionReason', itemIndex, 'TemporarilyUnavailable') as RejectionReason) || undefined,
			scheduledShipDate: readOptionalDate(options.scheduledShipDate),
			scheduledDeliveryDate: readOptionalDate(options.scheduledDeliveryDate),
			sellingPartyId: String(options.vendorCode ?? '').trim() || undefined,
		}),
	);
}

/** Sends the POs in batches (one request each, never re-sent), then optionally waits for each transaction. */
export async function executeBatch(this: IExecuteFunctions, entries: Array<PreparedItem<BuiltAcknowledgement>>): Promise<BatchResult[]> {
	const { client } = await vendorClient.call(this);
	const first = entries[0].itemIndex;
	const options = this.getNodeParameter('options', first, {}) as IDataObject;
	const size = Math.max(1, Math.min(Number(options.batchSize) || DEFAULT_ACKNOWLEDGEMENT_BATCH, 100));
	const wait = this.getNodeParameter('waitForResult', first, false) as boolean;
	const maxWaitMs = (this.getNodeParameter('maxWaitSeconds', first, 60) as number) * 1000;
	const results: BatchResult[] = [];
	let failure: Error | undefined;
	for (const batch of batches(entries, size)) {
		if (failure) {
			// Once a request failed, later POs are not sent: the run stops with nothing sent twice or lost unseen.
			const notSent = new Error(`Not sent: an earlier acknowledgement request of this run failed (${failure.message})`);
			results.push(...batch.map(({ itemIndex }) => ({ itemIndex, error: notSent })));
			continue;
		}
		let transactionId: string;
		try {
			transactionId = await submitAcknowledgements(client, batch.map((entry) => entry.prepared.body));
		} catch (error) {
			failure = error as Error;
			results.push(...batch.map(({ itemIndex }) => ({ itemIndex, error: error as Error })));
			continue;
		}
		let waitError: string | undefined;
		const outcome = wait
			? await waitForTransaction(client, transactionId, {
					maxWaitMs,
					intervalMs: pollIntervalMs(maxWaitMs),
					fallbackPurchaseOrders: batch.map((entry) => entry.prepared.purchaseOrderNumber),
				}).catch((error: Error) => {
					// The acknowledgement was sent; only reading its status failed. Keep the transaction ID.
					waitError = error.message;
					return undefined;
				})
			: undefined;
		for (const { itemIndex, prepared } of batch) {
			results.push({
				itemIndex,
				json: {
					purchaseOrderNumber: prepared.purchaseOrderNumber,
					transactionId,
					...(outcome ? transactionOutput(outcome, prepared.purchaseOrderNumber) : { transactionStatus: 'Submitted' }),
					...(waitError ? { note: `Submitted; reading the transaction status failed: ${waitError}. Use Transaction → Get Status.` } : {}),
					items: prepared.items as unknown as IDataObject[],
				},
			});
		}
	}
	return results;
}
