import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { JsonObject, SpApiRequester } from '../../../AmazonSpApi/core/types';
import { waitForTransaction } from '../../../AmazonSpApi/core/vendor/transactions';
import { vendorClient } from '../common/client';
import { pollIntervalMs, transactionOutput } from '../common/transactionWait';

/** Sends one dropship document (never re-sent) and, when asked, waits for its transaction. */
export async function submitAndWait(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	submit: (requester: SpApiRequester, documents: JsonObject[]) => Promise<string>,
): Promise<IDataObject> {
	const { client } = await vendorClient.call(this);
	const transactionId = await submit(client, [body]);
	const wait = this.getNodeParameter('waitForResult', itemIndex, false) as boolean;
	const maxWaitMs = (this.getNodeParameter('maxWaitSeconds', itemIndex, 60) as number) * 1000;
	const outcome = wait ? await waitForTransaction(client, transactionId, { maxWaitMs, intervalMs: pollIntervalMs(maxWaitMs) }, 'directFulfillment') : undefined;
	return {
		purchaseOrderNumber: body.purchaseOrderNumber,
		transactionId,
		...(outcome ? transactionOutput(outcome) : { transactionStatus: 'Submitted' }),
		submitted: body,
	};
}
