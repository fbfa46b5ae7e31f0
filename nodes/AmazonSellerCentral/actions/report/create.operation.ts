import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createReport, type CreateReportInput } from '../../../AmazonSpApi/core/reports/reports';
import { sellerClient } from '../common/client';
import { readReportRequest, reportRequestProperties } from './common';

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['create'] } }, reportRequestProperties());

export const prepare = readReportRequest;

/** Asks Amazon for the report; it is ready minutes (sometimes an hour) later: see Get, Download. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, input: CreateReportInput): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	const reportId = await createReport(client, input);
	return { reportId, reportType: input.reportType, marketplaceIds: input.marketplaceIds, processingStatus: 'IN_QUEUE' };
}
