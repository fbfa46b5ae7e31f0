'use strict';
// Reports API 2021-06-30: lazy lifecycle, TSV documents rendered from state at completion (data/reportRenderers.js),
// gzip, region charsets, Amazon's per-type request quotas (CANCELLED when exceeded). Benchmark-sized reports
// (option reportMb) are generated while they are downloaded, never held whole.
const { Readable } = require('stream');
const zlib = require('zlib');
const docs = require('../lib/documents');
const { marketplaceById, createRandom } = require('../data/listings');
const { RENDERERS } = require('../data/reportRenderers');

const QUEUE_MS = 30000;
const PROCESSING_MS = 60000;
const MINUTE_MS = 60000;
const DOWNLOAD_PREFIX = '/_docs/reports/';
const DEFAULT_FAILURE_RATE = 0.04;
// Observed quotas (REFERENCE §10.4): more requests of the type within the window end CANCELLED.
const REPORT_QUOTAS = {
	GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: { requests: 12, windowMs: 480 * MINUTE_MS },
	GET_AFN_INVENTORY_DATA: { requests: 2, windowMs: 25 * MINUTE_MS },
};

const state = (ctx) => ctx.state.reports;

// ---------- documents ----------
const SYNTHETIC_ROWS_PER_CHUNK = 2000;

/** Encoded TSV chunks: the rendered rows, then synthetic rows up to the target size. */
function* tsvChunks({ columns, rows, extraRows, targetBytes, rowOf }, encode) {
	const first = encode(docs.toTsv(columns, rows));
	let size = first.length;
	yield first;
	for (let index = 0; extraRows && size < targetBytes; ) {
		let lines = '';
		// String length approximates the encoded size closely enough to stop near the target.
		for (const end = index + SYNTHETIC_ROWS_PER_CHUNK; index < end && size + lines.length < targetBytes; index++) {
			const row = rowOf(extraRows.next().value, index);
			lines += docs.tsvLine(columns.map((c) => row[c]));
		}
		const chunk = encode(lines);
		size += chunk.length;
		yield chunk;
	}
}

function newDocumentId(ctx) {
	return `amzn1.spdoc.1.4.na.${(++state(ctx).sequence).toString(16).padStart(8, '0')}-emu.T1EMULATOR`;
}

function storeDocument(ctx, contentType, bytes) {
	const reportDocumentId = newDocumentId(ctx);
	state(ctx).documents.set(reportDocumentId, { reportDocumentId, contentType, content: docs.gzip(bytes) });
	return reportDocumentId;
}

/**
 * A benchmark-sized document: generated while it is served. Gzipped (the default) it is kept compressed after the
 * first download, as S3 keeps it; plain (option reportPlain) it is generated again on every download.
 */
function storeGeneratedDocument(ctx, contentType, chunks) {
	const reportDocumentId = newDocumentId(ctx);
	const document = { reportDocumentId, contentType, content: null };
	const plain = Boolean(ctx.options?.reportPlain);
	document.render = () => {
		if (document.content) return Readable.from([document.content]);
		const source = Readable.from(chunks());
		if (plain) return source;
		const compressed = [];
		const gzip = source.pipe(zlib.createGzip({ level: 1 }));
		gzip.on('data', (chunk) => compressed.push(chunk));
		gzip.on('end', () => (document.content = Buffer.concat(compressed)));
		return gzip;
	};
	state(ctx).documents.set(reportDocumentId, document);
	return reportDocumentId;
}

const failureDocument = (ctx, reason) => storeDocument(ctx, 'application/json', JSON.stringify({ errorDetails: reason }));

/** Occasional seeded failures, decided per report id so they do not depend on request order. */
function seededFailure(report, ctx) {
	const rate = ctx.options?.reportFailureRate ?? DEFAULT_FAILURE_RATE;
	const roll = createRandom(ctx.seed ?? 42, `report-${report.reportId}`).rng();
	if (roll < rate / 2) return { status: 'CANCELLED' };
	if (roll < rate) return { status: 'FATAL', reportDocumentId: failureDocument(ctx, 'The report could not be generated due to an internal error. Request it again.') };
	return null;
}

function completeReport(report, ctx) {
	const renderer = RENDERERS[report.reportType];
	if (!renderer) return { status: 'FATAL', reportDocumentId: failureDocument(ctx, `Report type ${report.reportType} is not supported by the emulator.`) };
	if (report.overQuota) return { status: 'CANCELLED' };
	const failure = seededFailure(report, ctx);
	if (failure) return failure;
	const rendered = renderer(report, ctx);
	if (rendered.fatal) return { status: 'FATAL', reportDocumentId: failureDocument(ctx, rendered.fatal) };
	// Amazon reports "no data" as CANCELLED without a document.
	if (!rendered.rows.length) return { status: 'CANCELLED' };
	const charset = docs.charsetFor(marketplaceById(report.marketplaceIds[0]));
	const contentType = `text/plain; charset=${charset.label}`;
	if (rendered.extraRows) {
		const regenerate = () => tsvChunks({ ...renderer(report, ctx) }, charset.encode);
		return { status: 'DONE', reportDocumentId: storeGeneratedDocument(ctx, contentType, regenerate) };
	}
	return { status: 'DONE', reportDocumentId: storeDocument(ctx, contentType, Buffer.concat([...tsvChunks(rendered, charset.encode)])) };
}

/** True when this request exceeds the type's quota (counted over requests within the scaled window). */
function exceedsQuota(ctx, reportType) {
	const quota = REPORT_QUOTAS[reportType];
	if (!quota) return false;
	const since = ctx.now() - quota.windowMs / (ctx.timeScale > 0 ? ctx.timeScale : 1);
	const recent = [...state(ctx).reports.values()].filter((r) => r.reportType === reportType && r.createdMs > since && !r.scheduled);
	return recent.length >= quota.requests;
}

function renderReport(report, ctx) {
	let phase = report.cancelled
		? { status: 'CANCELLED' }
		: docs.processingPhase(report.createdMs, ctx.now(), ctx.timeScale, { queueMs: QUEUE_MS, processingMs: PROCESSING_MS });
	if (phase.status === 'DONE') {
		report.outcome ||= completeReport(report, ctx);
		phase = { ...phase, ...report.outcome };
	}
	return {
		reportId: report.reportId,
		reportType: report.reportType,
		marketplaceIds: report.marketplaceIds,
		...(report.dataStartMs !== undefined ? { dataStartTime: docs.isoTime(report.dataStartMs) } : {}),
		...(report.dataEndMs !== undefined ? { dataEndTime: docs.isoTime(report.dataEndMs) } : {}),
		createdTime: docs.isoTime(report.createdMs),
		processingStatus: phase.status,
		...(phase.startMs ? { processingStartTime: docs.isoTime(phase.startMs) } : {}),
		...(phase.endMs ? { processingEndTime: docs.isoTime(phase.endMs) } : {}),
		...(phase.reportDocumentId ? { reportDocumentId: phase.reportDocumentId } : {}),
	};
}

// ---------- handlers ----------
function createReport(req, ctx) {
	const { reportType, marketplaceIds, dataStartTime, dataEndTime, reportOptions } = req.body || {};
	if (!reportType || !Array.isArray(marketplaceIds) || !marketplaceIds.length)
		return ctx.error(400, 'InvalidInput', "Request body must contain 'reportType' and 'marketplaceIds'.");
	const unknown = marketplaceIds.find((id) => !marketplaceById(id));
	if (unknown) return ctx.error(400, 'InvalidInput', `Invalid marketplaceId: ${unknown}.`);
	const [dataStartMs, dataEndMs] = [dataStartTime, dataEndTime].map((t) => (t === undefined ? undefined : Date.parse(t)));
	if (Number.isNaN(dataStartMs) || Number.isNaN(dataEndMs) || dataStartMs > (dataEndMs ?? Infinity))
		return ctx.error(400, 'InvalidInput', 'dataStartTime and dataEndTime must be ISO 8601 date-times with dataStartTime before dataEndTime.');
	const reportId = String(90000000000 + ++state(ctx).sequence);
	const overQuota = exceedsQuota(ctx, reportType);
	const report = { reportId, reportType, marketplaceIds, dataStartMs, dataEndMs, reportOptions: reportOptions || {}, createdMs: ctx.now(), overQuota };
	state(ctx).reports.set(reportId, report);
	return { status: 202, body: { reportId } };
}

function findReport(req, ctx) {
	const report = state(ctx).reports.get(req.params.reportId);
	return report ? { report } : { error: ctx.error(404, 'NotFound', `The report ${req.params.reportId} was not found.`) };
}

function getReport(req, ctx) {
	const { report, error } = findReport(req, ctx);
	return error || { status: 200, body: renderReport(report, ctx) };
}

function cancelReport(req, ctx) {
	const { report, error } = findReport(req, ctx);
	if (error) return error;
	if (renderReport(report, ctx).processingStatus !== 'IN_QUEUE')
		return ctx.error(400, 'InvalidInput', `The report ${report.reportId} cannot be cancelled because its processing has already started.`);
	report.cancelled = true;
	return { status: 200 };
}

function getReports(req, ctx) {
	const jobs = [...state(ctx).reports.values()].map((report) => ({ ...report, type: report.reportType, report }));
	const { error, page, nextToken } = docs.listJobs(req, ctx, { typesParam: 'reportTypes', jobs, render: (job) => renderReport(job.report, ctx) });
	return error || { status: 200, body: { reports: page, ...(nextToken ? { nextToken } : {}) } };
}

function getReportDocument(req, ctx) {
	const document = state(ctx).documents.get(req.params.reportDocumentId);
	if (!document) return ctx.error(404, 'NotFound', `The report document ${req.params.reportDocumentId} was not found.`);
	const url = docs.downloadUrl(ctx, DOWNLOAD_PREFIX + document.reportDocumentId, req.query.enableContentEncodingUrlHeader === 'true');
	return { status: 200, body: { reportDocumentId: document.reportDocumentId, url, compressionAlgorithm: 'GZIP' } };
}

const downloadDocument = (req, ctx) => docs.serveDocument(req, ctx, state(ctx).documents.get(req.path.slice(DOWNLOAD_PREFIX.length)));

module.exports = {
	name: 'reports',
	handlers: {
		'reports.createReport': createReport,
		'reports.getReport': getReport,
		'reports.getReports': getReports,
		'reports.cancelReport': cancelReport,
		'reports.getReportDocument': getReportDocument,
	},
	rawRoutes: [{ method: 'GET', prefix: DOWNLOAD_PREFIX, handle: downloadDocument }],
	init(ctx) {
		ctx.state.reports = { sequence: 0, reports: new Map(), documents: new Map() };
	},
	inspect(ctx) {
		return { reports: [...state(ctx).reports.values()].map((r) => renderReport(r, ctx)) };
	},
};
