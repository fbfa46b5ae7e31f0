/**
 * Request a report and wait for it, in one step: reuse a recent DONE report of the same request when allowed,
 * respect Amazon's per-type request quotas (a report requested too often ends CANCELLED and still counts), and poll
 * on a schedule that slows down, since reports take minutes to an hour on Amazon.
 */

import { SpApiError } from '../http/errors';
import type { PollPhase } from '../jobs/processing';
import { createReport, getReports, waitForReport, type CreateReportInput, type Report } from './reports';
import type { SpApiRequester } from '../types';

const MINUTE_MS = 60_000;

export const REPORT_POLL_PHASES: readonly PollPhase[] = [
	{ untilMs: MINUTE_MS, intervalMs: 5_000 },
	{ untilMs: 10 * MINUTE_MS, intervalMs: 30_000 },
	{ untilMs: Infinity, intervalMs: MINUTE_MS },
];

/** Observed per-seller request quotas (Amazon support via Airbyte, REFERENCE §10.4). */
export const REPORT_REQUEST_QUOTAS: Readonly<Record<string, { requests: number; windowMs: number }>> = {
	GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: { requests: 12, windowMs: 480 * MINUTE_MS },
	GET_AFN_INVENTORY_DATA: { requests: 2, windowMs: 25 * MINUTE_MS },
};

export interface RequestReportOptions {
	/** Reuse a DONE report of the same type, marketplaces and range created within this many ms (0: never). */
	reuseWithinMs?: number;
	/** Longest wait for Amazon to finish the report. */
	timeoutMs: number;
}

export interface RequestedReport {
	report: Report;
	/** True when an existing report was taken instead of requesting a new one. */
	reused: boolean;
}

const sameInstant = (a: string | Date | undefined, b: string | undefined) =>
	a === undefined ? b === undefined : b !== undefined && new Date(a).getTime() === Date.parse(b);

function sameRequest(report: Report, input: CreateReportInput): boolean {
	const wanted = new Set(input.marketplaceIds);
	const marketplaces = report.marketplaceIds ?? [];
	return (
		report.reportType === input.reportType &&
		marketplaces.length === wanted.size &&
		marketplaces.every((id) => wanted.has(id)) &&
		sameInstant(input.dataStartTime, report.dataStartTime) &&
		sameInstant(input.dataEndTime, report.dataEndTime)
	);
}

/**
 * The newest DONE report of exactly this request (type, marketplaces, range) created within `maxAgeMs`. With
 * `acceptNoData`, a CANCELLED one counts too: for an import, a recent "no data" answer is an answer.
 */
export async function findReusableReport(
	client: SpApiRequester,
	input: CreateReportInput,
	maxAgeMs: number,
	acceptNoData = false,
): Promise<Report | undefined> {
	const { reports } = await getReports(client, {
		reportTypes: [input.reportType],
		processingStatuses: acceptNoData ? ['DONE', 'CANCELLED'] : ['DONE'],
		marketplaceIds: input.marketplaceIds,
		pageSize: 100,
		createdSince: new Date(client.clock.now() - maxAgeMs),
	});
	return reports
		.filter((report) => (report.processingStatus === 'DONE' ? Boolean(report.reportDocumentId) : acceptNoData) && sameRequest(report, input))
		.sort((a, b) => Date.parse(b.createdTime) - Date.parse(a.createdTime))[0];
}

/**
 * Throws (sending nothing) when another request of a quota-limited type would exceed Amazon's quota: such a request
 * is not refused by Amazon but ends CANCELLED, and counts against the quota all the same.
 */
export async function assertReportQuota(client: SpApiRequester, reportType: string, planned = 1): Promise<void> {
	const quota = REPORT_REQUEST_QUOTAS[reportType];
	if (!quota) return;
	const { reports } = await getReports(client, {
		reportTypes: [reportType],
		pageSize: 100,
		createdSince: new Date(client.clock.now() - quota.windowMs),
	});
	const requested = reports.filter((report) => !report.reportScheduleId).length;
	if (requested + planned <= quota.requests) return;
	const oldest = reports.map((report) => Date.parse(report.createdTime)).sort((a, b) => a - b)[0];
	const retryAfterMs = Math.max(0, oldest + quota.windowMs - client.clock.now());
	throw new SpApiError({
		kind: 'throttled',
		code: 'ReportQuota',
		retryAfterMs,
		message:
			`${reportType} may be requested ${quota.requests} times per ${quota.windowMs / MINUTE_MS} minutes; ` +
			`${requested} requests were made in that window and ${planned} more are needed`,
		hint: `Nothing was requested. Try again in about ${Math.ceil(retryAfterMs / MINUTE_MS)} minutes, or reuse a recent report`,
	});
}

export async function waitForReportResult(client: SpApiRequester, reportId: string, timeoutMs: number): Promise<Report> {
	return await waitForReport(client, reportId, { timeoutMs, phases: REPORT_POLL_PHASES });
}

/** Reuses a recent identical report when allowed, otherwise creates one (within quota) and waits for it. */
export async function requestReport(
	client: SpApiRequester,
	input: CreateReportInput,
	options: RequestReportOptions,
): Promise<RequestedReport> {
	if (options.reuseWithinMs) {
		const existing = await findReusableReport(client, input, options.reuseWithinMs);
		if (existing) return { report: existing, reused: true };
	}
	await assertReportQuota(client, input.reportType);
	const reportId = await createReport(client, input);
	return { report: await waitForReportResult(client, reportId, options.timeoutMs), reused: false };
}
