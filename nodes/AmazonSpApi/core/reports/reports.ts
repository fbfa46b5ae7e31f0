/**
 * Reports API 2021-06-30 (unwrapped responses). Reports are asynchronous and often slow (an hour at peak);
 * callers should reuse recent DONE reports (`findReusableReport` in requestReport.ts) rather than request the same report again:
 * Amazon cancels reports requested too frequently.
 */

import {
	downloadDocument,
	downloadDocumentRows,
	openDocument,
	type DocumentLocation,
	type OpenedDocument,
	type DocumentRowsOptions,
	type TabularDocument,
	type TextualDocument,
} from '../http/documents';
import { SpApiError, SpApiInputError } from '../http/errors';
import { pathId, pollUntilTerminal, toIsoTime, type ProcessingStatus, type WaitOptions } from '../jobs/processing';
import type { SpApiRequester } from '../types';

const REPORTS_PATH = '/reports/2021-06-30';
const MAX_REASON_LENGTH = 2000;

/** Report types whose documents need a Restricted Data Token (Tokens API guide, 2021 list). */
export const RESTRICTED_REPORT_TYPES: ReadonlySet<string> = new Set([
	'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_INVOICING',
	'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_TAX',
	'GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING',
	'GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING',
	'GET_FLAT_FILE_ORDER_REPORT_DATA_INVOICING',
	'GET_FLAT_FILE_ORDER_REPORT_DATA_TAX',
	'GET_FLAT_FILE_ORDERS_RECONCILIATION_DATA_TAX',
	'GET_FLAT_FILE_ORDERS_RECONCILIATION_DATA_INVOICING',
	'GET_FLAT_FILE_ORDERS_RECONCILIATION_DATA_SHIPPING',
	'GET_ORDER_REPORT_DATA_INVOICING',
	'GET_ORDER_REPORT_DATA_TAX',
	'GET_ORDER_REPORT_DATA_SHIPPING',
	'GET_EASYSHIP_DOCUMENTS',
	'GET_GST_MTR_B2B_CUSTOM',
	'GET_VAT_TRANSACTION_DATA',
	'SC_VAT_TAX_REPORT',
]);

export const CANCELLED_REPORT_MESSAGE =
	'Amazon cancelled the report: there is no data for the requested range, or the report was requested too ' +
	'frequently (reuse a recent report instead of requesting a new one)';

export interface Report {
	reportId: string;
	reportType: string;
	marketplaceIds?: string[];
	dataStartTime?: string;
	dataEndTime?: string;
	reportScheduleId?: string;
	createdTime: string;
	processingStatus: ProcessingStatus | string;
	processingStartTime?: string;
	processingEndTime?: string;
	reportDocumentId?: string;
}

export interface ReportDocument extends DocumentLocation {
	reportDocumentId: string;
}

export interface CreateReportInput {
	reportType: string;
	marketplaceIds: string[];
	dataStartTime?: string | Date;
	dataEndTime?: string | Date;
	reportOptions?: Record<string, string>;
}

export interface GetReportsQuery {
	reportTypes?: string[];
	processingStatuses?: ProcessingStatus[];
	marketplaceIds?: string[];
	pageSize?: number;
	createdSince?: string | Date;
	createdUntil?: string | Date;
	/** When given, Amazon requires it to be the only parameter; the others are ignored. */
	nextToken?: string;
}

export interface ReportAccessOptions {
	/** Fetch the document with a Restricted Data Token (PII reports). */
	restricted?: boolean;
}

export type DownloadReportOptions = DocumentRowsOptions & ReportAccessOptions;

export type ReportData = (TabularDocument | TextualDocument) & { reportDocumentId: string };

export type ReportResult =
	| { status: 'DONE'; report: Report; data: ReportData }
	| { status: 'CANCELLED'; report: Report; message: string }
	| { status: 'PENDING'; report: Report };

export function isRestrictedReportType(reportType: string): boolean {
	return RESTRICTED_REPORT_TYPES.has(reportType);
}

export async function createReport(client: SpApiRequester, input: CreateReportInput): Promise<string> {
	if (!input.reportType?.trim()) throw new SpApiInputError('reportType', 'reportType is required');
	if (!input.marketplaceIds?.length) throw new SpApiInputError('marketplaceIds', 'At least one marketplace ID is required');
	const response = await client.request<{ reportId: string }>({
		operation: 'reports.createReport',
		method: 'POST',
		path: `${REPORTS_PATH}/reports`,
		body: {
			reportType: input.reportType,
			marketplaceIds: input.marketplaceIds,
			dataStartTime: toIsoTime(input.dataStartTime),
			dataEndTime: toIsoTime(input.dataEndTime),
			reportOptions: input.reportOptions,
		},
		// A lost 5xx answer may still have queued the report; a second request counts against the quota.
		idempotent: false,
	});
	return response.data.reportId;
}

export async function getReport(client: SpApiRequester, reportId: string): Promise<Report> {
	const response = await client.request<Report>({
		operation: 'reports.getReport',
		method: 'GET',
		path: `${REPORTS_PATH}/reports/${pathId(reportId, 'reportId')}`,
	});
	return response.data;
}

export async function getReports(
	client: SpApiRequester,
	query: GetReportsQuery,
): Promise<{ reports: Report[]; nextToken?: string }> {
	const response = await client.request<{ reports?: Report[]; nextToken?: string }>({
		operation: 'reports.getReports',
		method: 'GET',
		path: `${REPORTS_PATH}/reports`,
		query: query.nextToken
			? { nextToken: query.nextToken }
			: {
					reportTypes: query.reportTypes,
					processingStatuses: query.processingStatuses,
					marketplaceIds: query.marketplaceIds,
					pageSize: query.pageSize,
					createdSince: toIsoTime(query.createdSince),
					createdUntil: toIsoTime(query.createdUntil),
				},
	});
	return { reports: response.data.reports ?? [], nextToken: response.data.nextToken };
}

export async function cancelReport(client: SpApiRequester, reportId: string): Promise<void> {
	await client.request({
		operation: 'reports.cancelReport',
		method: 'DELETE',
		path: `${REPORTS_PATH}/reports/${pathId(reportId, 'reportId')}`,
	});
}

/** Polls getReport until DONE / CANCELLED / FATAL or the timeout; returns the last status, never throws on timeout. */
export async function waitForReport(
	client: SpApiRequester,
	reportId: string,
	options: WaitOptions = {},
): Promise<Report> {
	return pollUntilTerminal(client.clock, () => getReport(client, reportId), options);
}

export async function getReportDocument(
	client: SpApiRequester,
	reportDocumentId: string,
	options: ReportAccessOptions = {},
): Promise<ReportDocument> {
	const path = `${REPORTS_PATH}/documents/${pathId(reportDocumentId, 'reportDocumentId')}`;
	// The RDT must name this very document: a generic {reportDocumentId} path is refused.
	const restrictedDataToken = options.restricted
		? await client.restrictedDataToken([{ method: 'GET', path }])
		: undefined;
	const response = await client.request<ReportDocument>({
		operation: 'reports.getReportDocument',
		method: 'GET',
		path,
		restrictedDataToken,
	});
	return response.data;
}

/** Starts streaming a report document (decompressed when gzip), for binary output of any size. */
export async function openReportDocument(
	client: SpApiRequester,
	reportDocumentId: string,
	options: ReportAccessOptions = {},
): Promise<OpenedDocument> {
	return await openDocument(client, await getReportDocument(client, reportDocumentId, options));
}

/**
 * Downloads a report document and parses it by header name. With `onRows` (and/or `maxRows`) rows are handled
 * batch by batch while the document is decompressed and decoded. JSON/XML reports come back as text.
 */
export async function downloadReport(
	client: SpApiRequester,
	reportDocumentId: string,
	options: DownloadReportOptions = {},
): Promise<ReportData> {
	const location = await getReportDocument(client, reportDocumentId, options);
	const data = await downloadDocumentRows(client, location, options);
	return { ...data, reportDocumentId };
}

/** The reason document of a FATAL report, shortened; JSON `{ errorDetails }` is unwrapped. */
async function fatalReason(client: SpApiRequester, report: Report): Promise<string | undefined> {
	if (!report.reportDocumentId) return undefined;
	const location = await getReportDocument(client, report.reportDocumentId, {
		restricted: isRestrictedReportType(report.reportType),
	});
	const { text } = await downloadDocument(client, location);
	let reason = text.trim();
	try {
		const parsed = JSON.parse(reason) as { errorDetails?: unknown };
		if (typeof parsed?.errorDetails === 'string') reason = parsed.errorDetails;
	} catch {
		// Not JSON: keep the text as it is.
	}
	return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}…` : reason;
}

/**
 * What a finished (or not yet finished) report yields: DONE → its parsed document, CANCELLED → a "no data"
 * result (Amazon has no DONE_NO_DATA status), FATAL → an SpApiError carrying Amazon's reason document.
 */
export async function getReportResult(
	client: SpApiRequester,
	reportOrId: Report | string,
	options: DocumentRowsOptions = {},
): Promise<ReportResult> {
	const report = typeof reportOrId === 'string' ? await getReport(client, reportOrId) : reportOrId;
	if (report.processingStatus === 'CANCELLED') {
		return { status: 'CANCELLED', report, message: CANCELLED_REPORT_MESSAGE };
	}
	if (report.processingStatus === 'FATAL') {
		const reason = await fatalReason(client, report);
		throw new SpApiError({
			kind: 'api',
			operation: 'reports.getReport',
			code: 'FATAL',
			message: `Amazon could not generate report ${report.reportId} (${report.reportType})${reason ? `: ${reason}` : ''}`,
			details: reason,
			hint: reason
				? undefined
				: 'Amazon gave no reason; check the report options and date range, then request the report again later',
		});
	}
	if (report.processingStatus !== 'DONE' || !report.reportDocumentId) return { status: 'PENDING', report };
	const data = await downloadReport(client, report.reportDocumentId, {
		...options,
		restricted: isRestrictedReportType(report.reportType),
	});
	return { status: 'DONE', report, data };
}
