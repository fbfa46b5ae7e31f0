/**
 * Report schedules (Reports API 2021-06-30): Amazon creates the report every `period`; a new schedule replaces an
 * existing one with the same report type and marketplaces.
 */

import { SpApiInputError } from '../http/errors';
import { pathId, toIsoTime } from '../jobs/processing';
import type { SpApiRequester } from '../types';

const SCHEDULES_PATH = '/reports/2021-06-30/schedules';

/** The periods Amazon accepts (CreateReportScheduleSpecification.period). */
export const REPORT_SCHEDULE_PERIODS = [
	'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT2H', 'PT4H', 'PT8H', 'PT12H', 'P1D', 'P2D', 'P3D', 'PT84H', 'P7D', 'P14D', 'P15D',
	'P18D', 'P30D', 'P1M',
] as const;

export type ReportSchedulePeriod = (typeof REPORT_SCHEDULE_PERIODS)[number];

export interface ReportSchedule {
	reportScheduleId: string;
	reportType: string;
	marketplaceIds?: string[];
	reportOptions?: Record<string, string>;
	period: string;
	nextReportCreationTime?: string;
}

export interface CreateReportScheduleInput {
	reportType: string;
	marketplaceIds: string[];
	period: string;
	reportOptions?: Record<string, string>;
	nextReportCreationTime?: string | Date;
}

export async function createReportSchedule(client: SpApiRequester, input: CreateReportScheduleInput): Promise<string> {
	if (!input.reportType?.trim()) throw new SpApiInputError('reportType', 'reportType is required');
	if (!input.marketplaceIds?.length) throw new SpApiInputError('marketplaceIds', 'At least one marketplace ID is required');
	if (!(REPORT_SCHEDULE_PERIODS as readonly string[]).includes(input.period)) {
		throw new SpApiInputError('period', `"${input.period}" is not a period Amazon accepts`, `Use one of ${REPORT_SCHEDULE_PERIODS.join(', ')}`);
	}
	const response = await client.request<{ reportScheduleId: string }>({
		operation: 'reports.createReportSchedule',
		method: 'POST',
		path: SCHEDULES_PATH,
		body: {
			reportType: input.reportType,
			marketplaceIds: input.marketplaceIds,
			period: input.period,
			reportOptions: input.reportOptions,
			nextReportCreationTime: toIsoTime(input.nextReportCreationTime),
		},
		// Creating the same schedule twice replaces it; still, a write is not repeated blindly.
		idempotent: false,
	});
	return response.data.reportScheduleId;
}

export async function getReportSchedules(client: SpApiRequester, reportTypes: string[]): Promise<ReportSchedule[]> {
	if (!reportTypes.length) throw new SpApiInputError('reportTypes', 'At least one report type is required');
	const response = await client.request<{ reportSchedules?: ReportSchedule[] }>({
		operation: 'reports.getReportSchedules',
		method: 'GET',
		path: SCHEDULES_PATH,
		query: { reportTypes },
	});
	return response.data.reportSchedules ?? [];
}

export async function cancelReportSchedule(client: SpApiRequester, reportScheduleId: string): Promise<void> {
	await client.request({
		operation: 'reports.cancelReportSchedule',
		method: 'DELETE',
		path: `${SCHEDULES_PATH}/${pathId(reportScheduleId, 'reportScheduleId')}`,
	});
}
