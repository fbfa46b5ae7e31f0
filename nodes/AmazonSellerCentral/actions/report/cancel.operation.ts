import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cancelReport } from '../../../AmazonSpApi/core/reports/reports';
import { sellerClient } from '../common/client';
import { readReportId, reportIdProperty } from './common';

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['cancel'] } }, [reportIdProperty]);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readReportId.call(this, itemIndex);
}

/** Amazon cancels a report only while it is still in the queue. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, reportId: string): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	await cancelReport(client, reportId);
	return { reportId, cancelled: true };
}
