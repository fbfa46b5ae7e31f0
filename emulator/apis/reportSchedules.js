'use strict';
// Reports API 2021-06-30 schedules: create (replacing one with the same type and marketplaces, as Amazon does),
// list by report type, get, cancel. Schedules are stored, not run: no report is produced from them.
const docs = require('../lib/documents');
const { marketplaceById } = require('../data/listings');

const PERIODS = ['PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT2H', 'PT4H', 'PT8H', 'PT12H', 'P1D', 'P2D', 'P3D', 'PT84H', 'P7D', 'P14D', 'P15D', 'P18D', 'P30D', 'P1M'];

const state = (ctx) => ctx.state.reportSchedules;
const sameSet = (a, b) => a.length === b.length && a.every((id) => b.includes(id));

function render(schedule) {
	const { reportScheduleId, reportType, marketplaceIds, reportOptions, period, nextReportCreationMs } = schedule;
	return {
		reportScheduleId, reportType, marketplaceIds, period,
		...(Object.keys(reportOptions).length ? { reportOptions } : {}),
		...(nextReportCreationMs ? { nextReportCreationTime: docs.isoTime(nextReportCreationMs) } : {}),
	};
}

function createReportSchedule(req, ctx) {
	const { reportType, marketplaceIds, reportOptions, period, nextReportCreationTime } = req.body || {};
	if (!reportType || !Array.isArray(marketplaceIds) || !marketplaceIds.length || !period)
		return ctx.error(400, 'InvalidInput', "Request body must contain 'reportType', 'marketplaceIds' and 'period'.");
	if (!PERIODS.includes(period)) return ctx.error(400, 'InvalidInput', `Invalid period: ${period}. Allowed: ${PERIODS.join(', ')}.`);
	const unknown = marketplaceIds.find((id) => !marketplaceById(id));
	if (unknown) return ctx.error(400, 'InvalidInput', `Invalid marketplaceId: ${unknown}.`);
	const nextMs = nextReportCreationTime === undefined ? undefined : Date.parse(nextReportCreationTime);
	if (Number.isNaN(nextMs)) return ctx.error(400, 'InvalidInput', 'nextReportCreationTime must be an ISO 8601 date-time.');
	for (const [id, existing] of state(ctx).schedules)
		if (existing.reportType === reportType && sameSet(existing.marketplaceIds, marketplaceIds)) state(ctx).schedules.delete(id);
	const reportScheduleId = String(70000000000 + ++state(ctx).sequence);
	state(ctx).schedules.set(reportScheduleId, {
		reportScheduleId, reportType, marketplaceIds, period, reportOptions: reportOptions || {}, nextReportCreationMs: nextMs ?? ctx.now(),
	});
	return { status: 201, body: { reportScheduleId } };
}

function getReportSchedules(req, ctx) {
	const types = req.list('reportTypes');
	if (!types.length) return ctx.error(400, 'InvalidInput', 'reportTypes is required.');
	const reportSchedules = [...state(ctx).schedules.values()].filter((s) => types.includes(s.reportType)).map(render);
	return { status: 200, body: { reportSchedules } };
}

function findSchedule(req, ctx) {
	const schedule = state(ctx).schedules.get(req.params.reportScheduleId);
	return schedule ? { schedule } : { error: ctx.error(404, 'NotFound', `The report schedule ${req.params.reportScheduleId} was not found.`) };
}

function getReportSchedule(req, ctx) {
	const { schedule, error } = findSchedule(req, ctx);
	return error || { status: 200, body: render(schedule) };
}

function cancelReportSchedule(req, ctx) {
	const { schedule, error } = findSchedule(req, ctx);
	if (error) return error;
	state(ctx).schedules.delete(schedule.reportScheduleId);
	return { status: 200 };
}

module.exports = {
	name: 'reportSchedules',
	handlers: {
		'reports.createReportSchedule': createReportSchedule,
		'reports.getReportSchedules': getReportSchedules,
		'reports.getReportSchedule': getReportSchedule,
		'reports.cancelReportSchedule': cancelReportSchedule,
	},
	init(ctx) {
		ctx.state.reportSchedules = { sequence: 0, schedules: new Map() };
	},
	inspect(ctx) {
		return { reportSchedules: [...state(ctx).schedules.values()].map(render) };
	},
};
