import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertPurchaseOrderNumber } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import { waitForTransaction, type TransactionApi } from '../../../AmazonSpApi/core/vendor/transactions';
import { parseVendorCodes } from '../../../AmazonSpApi/n8n/credentials';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { readRequiredString } from '../../../AmazonSpApi/n8n/parameters';
import { vendorClient } from '../common/client';
import { pollIntervalMs, transactionOutput, transactionWaitProperties } from '../common/transactionWait';

export const transactionIdProperty: INodeProperties = {
	displayName: 'Transaction ID',
	name: 'transactionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 20190904190535-eef8cad8-418e-4ed3-ac72-789e2ee6214a',
	description: 'The ID an acknowledgement or confirmation returned',
};

const properties: INodeProperties[] = [
	transactionIdProperty,
	...transactionWaitProperties,
	{
		displayName: 'Purchase Order Numbers',
		name: 'purchaseOrderNumbers',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2JK3S9VC, 4Z32PABC',
		displayOptions: { show: { waitForResult: [true] } },
		description: 'POs of the transaction (comma-separated). When Amazon keeps saying Processing, their PO status tells whether the acknowledgement arrived.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['getStatus'] } }, properties);

interface Prepared {
	transactionId: string;
	purchaseOrderNumbers: string[];
}

export function readTransactionInput(this: IExecuteFunctions, itemIndex: number): Prepared {
	const transactionId = readRequiredString.call(this, itemIndex, 'transactionId', 'Transaction ID', 'Enter the transaction ID the submission returned');
	const raw = String(this.getNodeParameter('purchaseOrderNumbers', itemIndex, '') ?? '');
	const purchaseOrderNumbers = guardInput(this.getNode(), itemIndex, 'Purchase Order Numbers', () =>
		parseVendorCodes(raw).map((number) => assertPurchaseOrderNumber(number)),
	);
	return { transactionId, purchaseOrderNumbers };
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	return readTransactionInput.call(this, itemIndex);
}

/** Reads (and optionally waits for) a transaction of the given API. */
export async function readTransaction(this: IExecuteFunctions, itemIndex: number, prepared: Prepared, api: TransactionApi): Promise<IDataObject> {
	const { client } = await vendorClient.call(this);
	const wait = this.getNodeParameter('waitForResult', itemIndex, false) as boolean;
	const maxWaitMs = wait ? (this.getNodeParameter('maxWaitSeconds', itemIndex, 60) as number) * 1000 : 0;
	const outcome = await waitForTransaction(
		client,
		prepared.transactionId,
		{ maxWaitMs, intervalMs: pollIntervalMs(maxWaitMs), fallbackPurchaseOrders: prepared.purchaseOrderNumbers },
		api,
	);
	return {
		transactionId: prepared.transactionId,
		...transactionOutput(outcome),
		...(outcome.purchaseOrders ? { purchaseOrders: outcome.purchaseOrders as unknown as IDataObject[] } : {}),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared: Prepared): Promise<IDataObject> {
	return await readTransaction.call(this, itemIndex, prepared, 'retail');
}
