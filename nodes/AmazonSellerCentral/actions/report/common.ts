import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SpApiError } from '../../../AmazonSpApi/core/http/errors';
import type { SpApiClient } from '../../../AmazonSpApi/core/http/client';
import { COMMON_REPORT_TYPES } from '../../../AmazonSpApi/core/reports/reportTypes';
import {
	CANCELLED_REPORT_MESSAGE,
	downloadReport,
	getReportResult,
	isRestrictedReportType,
	openReportDocument,
	type CreateReportInput,
	type Report,
} from '../../../AmazonSpApi/core/reports/reports';
import {
	documentFile,
	documentToBinary,
	documentToItems,
	ITEMS_MEMORY_GUARD_CHARS,
	type DocumentOutputSettings,
} from '../../../AmazonSpApi/n8n/documentOutput';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import {
	keyValueProperty,
	marketplacesProperty,
	readKeyValues,
	readMarketplaceIds,
	readPastRange,
	readType,
	typeProperties,
} from '../../../AmazonSpApi/n8n/jobParameters';
import { outputItems, type ItemResult } from '../../../AmazonSpApi/n8n/operations';
import { sellerClient } from '../common/client';

export const reportTypeOptions = COMMON_REPORT_TYPES.map(({ name, value, description }) => ({ name, value, description }));

export const reportIdProperty: INodeProperties = {
	displayName: 'Report ID',
	name: 'reportId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 50002018781',
	description: 'ID returned when the report was requested (reportId)',
};

/** Amazon's report IDs are numbers; a document ID here is the usual mix-up. */
export function readReportId(this: IExecuteFunctions, itemIndex: number, parameter = 'reportId'): string {
	const value = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (/^\d+$/.test(value)) return value;
	const problem = value ? `"${value}" is not a report ID (report IDs are numbers)` : 'is empty';
	const fix = value.startsWith('amzn1.') ? 'This looks like a report document ID: download it by document ID instead' : 'Enter the reportId that Create or Get Many returned';
	throw invalidInput(this.getNode(), itemIndex, 'Report ID', problem, fix);
}

export function reportRequestProperties(defaultType = 'GET_MERCHANT_LISTINGS_ALL_DATA'): INodeProperties[] {
	return [
		...typeProperties('reportType', 'Report Type', reportTypeOptions, defaultType, 'What the report holds; any other type can be typed in'),
		marketplacesProperty('Marketplaces the report covers'),
		{
			displayName: 'Data Start',
			name: 'dataStartTime',
			type: 'dateTime',
			default: '',
			description: "Start of the report's data range; empty lets Amazon choose (usually the last 30 days)",
		},
		{ displayName: 'Data End', name: 'dataEndTime', type: 'dateTime', default: '', description: "End of the report's data range; empty means now" },
		keyValueProperty('reportOptions', 'Report Options', 'Options some report types take, e.g. custom = true for All Listings', 'e.g. custom'),
	];
}

/** Type, marketplaces, past range and options, all checked before anything is sent. */
export async function readReportRequest(this: IExecuteFunctions, itemIndex: number): Promise<CreateReportInput> {
	const { client, account } = await sellerClient.call(this);
	const range = readPastRange.call(this, itemIndex, { start: 'dataStartTime', end: 'dataEndTime' }, { start: 'Data Start', end: 'Data End' }, client.clock.now());
	return {
		reportType: readType.call(this, itemIndex, 'reportType', 'Report Type', 'GET_MERCHANT_LISTINGS_ALL_DATA'),
		marketplaceIds: readMarketplaceIds.call(this, itemIndex, account),
		dataStartTime: range.start,
		dataEndTime: range.end,
		reportOptions: readKeyValues.call(this, itemIndex, 'reportOptions', 'Report Options'),
	};
}

/** The report's state as a clear outcome: DONE passes, CANCELLED and FATAL explain themselves, others say wait. */
export async function assertReportReady(client: SpApiClient, report: Report): Promise<string> {
	if (report.processingStatus === 'DONE' && report.reportDocumentId) return report.reportDocumentId;
	if (report.processingStatus === 'CANCELLED') {
		throw new SpApiError({ kind: 'api', code: 'CANCELLED', message: `Report ${report.reportId}: ${CANCELLED_REPORT_MESSAGE}` });
	}
	if (report.processingStatus === 'FATAL') await getReportResult(client, report); // throws with Amazon's error document
	throw new SpApiError({
		kind: 'api',
		code: String(report.processingStatus),
		message: `Report ${report.reportId} is still ${report.processingStatus}; its document is not ready`,
		hint: 'Amazon takes minutes to an hour for a report: download it later, or use Request and Download, which waits',
	});
}

/** Items (rows by column name, capped and memory-guarded) or a binary file streamed into n8n. */
export async function reportOutput(
	context: IExecuteFunctions,
	client: SpApiClient,
	source: { reportDocumentId: string; reportType?: string; reportId?: string },
	settings: DocumentOutputSettings,
	meta: IDataObject = {},
): Promise<ItemResult> {
	const restricted = source.reportType ? isRestrictedReportType(source.reportType) : false;
	const json: IDataObject = { ...meta, ...source };
	if (settings.mode === 'binary') {
		const document = await openReportDocument(client, source.reportDocumentId, { restricted });
		const { fileName, mimeType } = documentFile(`${source.reportType ?? 'report'}-${source.reportId ?? source.reportDocumentId}`, source.reportType ?? '', document.contentType);
		const binary = await documentToBinary(context, document, fileName, mimeType);
		return outputItems([{ json: { ...json, charset: document.charsetLabel ?? null, compressed: document.compressed }, binary: { [settings.binaryPropertyName]: binary } }]);
	}
	const data = await downloadReport(client, source.reportDocumentId, { restricted, maxRows: settings.maxRows, maxCollectedChars: ITEMS_MEMORY_GUARD_CHARS });
	return documentToItems(context, data, json, settings.maxRows);
}
