import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transactionWaitProperties } from '../common/transactionWait';
import { readTransaction, readTransactionInput, transactionIdProperty } from '../transaction/getStatus.operation';

const properties: INodeProperties[] = [transactionIdProperty, ...transactionWaitProperties];

export const description = updateDisplayOptions({ show: { resource: ['directFulfillment'], operation: ['getTransactionStatus'] } }, properties);

type Prepared = ReturnType<typeof readTransactionInput>;

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	return readTransactionInput.call(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared: Prepared): Promise<IDataObject> {
	return await readTransaction.call(this, itemIndex, prepared, 'directFulfillment');
}
