import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getReport } from '../../../AmazonSpApi/core/reports/reports';
import { documentOutputProperties, readDocumentOutput, type DocumentOutputSettings } from '../../../AmazonSpApi/n8n/documentOutput';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import type { ItemResult } from '../../../AmazonSpApi/n8n/operations';
import { sellerClient } from '../common/client';
import { assertReportReady, readReportId, reportIdProperty, reportOutput } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Download By',
		name: 'downloadBy',
		type: 'options',
		options: [
			{ name: 'Document ID', value: 'documentId', description: "The report's reportDocumentId, e.g. from a notification" },
			{ name: 'Report ID', value: 'reportId', description: 'A finished report (its status is checked first)' },
		],
		default: 'reportId',
	},
	{ ...reportIdProperty, displayOptions: { show: { downloadBy: ['reportId'] } } },
	{
		displayName: 'Report Document ID',
		name: 'reportDocumentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. amzn1.spdoc.1.4.eu.0356cf79-b8b0-4226',
		displayOptions: { show: { downloadBy: ['documentId'] } },
	},
	...documentOutputProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['download'] } }, properties);

interface PreparedDownload {
	reportId?: string;
	reportDocumentId?: string;
	output: DocumentOutputSettings;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedDownload> {
	const output = readDocumentOutput(this, itemIndex);
	if (this.getNodeParameter('downloadBy', itemIndex, 'reportId') === 'reportId') return { reportId: readReportId.call(this, itemIndex), output };
	const reportDocumentId = String(this.getNodeParameter('reportDocumentId', itemIndex, '') ?? '').trim();
	if (!/^[A-Za-z0-9._-]+$/.test(reportDocumentId)) {
		const problem = reportDocumentId ? `"${reportDocumentId}" is not a report document ID` : 'is empty';
		throw invalidInput(this.getNode(), itemIndex, 'Report Document ID', problem, 'Enter the reportDocumentId of a finished report (Report → Get shows it)');
	}
	return { reportDocumentId, output };
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: PreparedDownload): Promise<ItemResult> {
	const { client } = await sellerClient.call(this);
	if (prepared.reportDocumentId) return await reportOutput(this, client, { reportDocumentId: prepared.reportDocumentId }, prepared.output);
	const report = await getReport(client, prepared.reportId as string);
	const reportDocumentId = await assertReportReady(client, report);
	return await reportOutput(this, client, { reportDocumentId, reportType: report.reportType, reportId: report.reportId }, prepared.output);
}
