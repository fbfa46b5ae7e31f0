import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CANCELLED_REPORT_MESSAGE, type CreateReportInput } from '../../../AmazonSpApi/core/reports/reports';
import { requestReport } from '../../../AmazonSpApi/core/reports/requestReport';
import { documentOutputProperties, readDocumentOutput, type DocumentOutputSettings } from '../../../AmazonSpApi/n8n/documentOutput';
import type { ItemResult } from '../../../AmazonSpApi/n8n/operations';
import { sellerClient } from '../common/client';
import { assertReportReady, readReportRequest, reportOutput, reportRequestProperties } from './common';

const HOUR_MS = 3_600_000;

const properties: INodeProperties[] = [
	...reportRequestProperties(),
	{
		displayName: 'Reuse Reports Younger Than (Hours)',
		name: 'reuseWithinHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Take an existing finished report of the same type, marketplaces and range created within this many hours instead of requesting a new one (0: always request). Amazon cancels reports requested too often.',
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 120 },
		default: 15,
		description: 'Longest time to wait for Amazon to finish the report: minutes usually, up to an hour at peak times',
	},
	...documentOutputProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['requestAndDownload'] } }, properties);

interface PreparedRequest {
	input: CreateReportInput;
	reuseWithinMs: number;
	timeoutMs: number;
	output: DocumentOutputSettings;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedRequest> {
	return {
		input: await readReportRequest.call(this, itemIndex),
		reuseWithinMs: Math.max(0, this.getNodeParameter('reuseWithinHours', itemIndex, 0) as number) * HOUR_MS,
		timeoutMs: Math.min(Math.max(this.getNodeParameter('maxWaitMinutes', itemIndex, 15) as number, 1), 120) * 60_000,
		output: readDocumentOutput(this, itemIndex),
	};
}

/**
 * Reuse or create, wait on a slowing schedule, download. CANCELLED (no data, or requested too often) comes back as
 * one item that says so; FATAL fails the item with Amazon's error document.
 */
export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: PreparedRequest): Promise<ItemResult> {
	const { client } = await sellerClient.call(this);
	const { report, reused } = await requestReport(client, prepared.input, prepared);
	const meta = { reportId: report.reportId, reportType: report.reportType, reused };
	if (report.processingStatus === 'CANCELLED') return { ...meta, processingStatus: 'CANCELLED', message: CANCELLED_REPORT_MESSAGE };
	const reportDocumentId = await assertReportReady(client, report);
	return await reportOutput(this, client, { reportDocumentId, reportType: report.reportType, reportId: report.reportId }, prepared.output, { reused });
}
