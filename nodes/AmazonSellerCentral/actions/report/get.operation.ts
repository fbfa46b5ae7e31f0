import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getReport } from '../../../AmazonSpApi/core/reports/reports';
import { sellerClient } from '../common/client';
import { readReportId, reportIdProperty } from './common';

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['get'] } }, [reportIdProperty]);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readReportId.call(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, reportId: string): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	return { ...(await getReport(client, reportId)) };
}
