/**
 * The FBA import as one call: the range split into month-sized reports, each reused when an identical recent one is
 * DONE, otherwise requested (all within Amazon's quota, checked before the first request), then waited for and
 * streamed into orders.
 */

import { SpApiError } from '../http/errors';
import { assertReportQuota, findReusableReport, waitForReportResult } from '../reports/requestReport';
import { createReport, downloadReport, getReportResult, type CreateReportInput, type Report } from '../reports/reports';
import type { SpApiRequester } from '../types';
import { FBA_SHIPMENTS_REPORT_TYPE, FbaOrderCollector, splitRange, type FbaImportSettings, type FbaOrder } from './shipmentOrders';

export interface FbaImportRequest extends FbaImportSettings {
	start: Date;
	end: Date;
	marketplaceIds: string[];
	reuseWithinMs: number;
	/** Longest wait for each report. */
	timeoutMs: number;
}

export interface FbaImportReport {
	reportId: string;
	dataStartTime: string;
	dataEndTime: string;
	reused: boolean;
	processingStatus: string;
}

export interface FbaImportResult {
	orders: FbaOrder[];
	reports: FbaImportReport[];
}

export async function importFbaOrders(client: SpApiRequester, request: FbaImportRequest): Promise<FbaImportResult> {
	const inputs: CreateReportInput[] = splitRange(request.start.getTime(), request.end.getTime()).map((range) => ({
		reportType: FBA_SHIPMENTS_REPORT_TYPE,
		marketplaceIds: request.marketplaceIds,
		dataStartTime: range.start.toISOString(),
		dataEndTime: range.end.toISOString(),
	}));
	const reusable = await Promise.all(
		inputs.map(async (input) => (request.reuseWithinMs ? await findReusableReport(client, input, request.reuseWithinMs, true) : undefined)),
	);
	await assertReportQuota(client, FBA_SHIPMENTS_REPORT_TYPE, reusable.filter((report) => !report).length);
	// Request every missing report first: Amazon works on them in parallel while the first one is waited for.
	const pending: Array<{ report?: Report; reportId?: string; input: CreateReportInput }> = [];
	for (const [index, input] of inputs.entries()) {
		pending.push(reusable[index] ? { report: reusable[index], input } : { reportId: await createReport(client, input), input });
	}
	const collector = new FbaOrderCollector(request);
	const reports: FbaImportReport[] = [];
	for (const entry of pending) {
		const report = entry.report ?? (await waitForReportResult(client, entry.reportId as string, request.timeoutMs));
		reports.push({
			reportId: report.reportId,
			dataStartTime: String(entry.input.dataStartTime),
			dataEndTime: String(entry.input.dataEndTime),
			reused: Boolean(entry.report),
			processingStatus: String(report.processingStatus),
		});
		if (report.processingStatus === 'CANCELLED') continue; // no shipments in this range
		if (report.processingStatus === 'FATAL') await getReportResult(client, report); // throws with Amazon's reason
		if (report.processingStatus !== 'DONE' || !report.reportDocumentId) {
			throw new SpApiError({
				kind: 'timeout',
				message: `FBA shipment report ${report.reportId} is still ${report.processingStatus} after the maximum wait`,
				hint: 'Run the import again later with reuse enabled: the reports already requested are then taken as they are',
			});
		}
		await downloadReport(client, report.reportDocumentId, { onRows: (rows) => collector.add(rows) });
	}
	return { orders: collector.result(), reports };
}
