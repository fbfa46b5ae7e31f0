'use strict';
// Document helpers shared by feeds and reports: gzip, region charsets, TSV, XML, S3-style
// pre-signed URLs and the lazily computed IN_QUEUE -> IN_PROGRESS -> DONE lifecycle.
const zlib = require('zlib');
const crypto = require('crypto');
const { XMLParser, XMLBuilder, XMLValidator } = require('fast-xml-parser');

const gzip = (data) => zlib.gzipSync(Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
const gunzip = (buf) => zlib.gunzipSync(buf);
const isGzip = (buf) => buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;

// ---------- charsets ----------
// windows-1252 0x80-0x9F; undefined slots (0x81, 0x8D, 0x8F, 0x90, 0x9D) are ''.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const cp1252ByChar = new Map([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

function encodeCp1252(text) {
	// Amazon replaces characters outside the code page with '?'.
	const mapped = text.replace(/[^\x00-\x7f\xa0-\xff]/gu, (ch) => String.fromCharCode(cp1252ByChar.get(ch) ?? 0x3f));
	return Buffer.from(mapped, 'latin1');
}

const decodeCp1252 = (buf) =>
	[...buf].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

let shiftJisByChar;
// Node has a Shift_JIS decoder but no encoder: derive the reverse table once from the decoder.
function shiftJisTable() {
	if (shiftJisByChar) return shiftJisByChar;
	shiftJisByChar = new Map();
	const decoder = new TextDecoder('shift_jis');
	for (let b = 0xa1; b <= 0xdf; b++) shiftJisByChar.set(decoder.decode(Buffer.from([b])), [b]);
	const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
	const trails = [...range(0x40, 0x7e), ...range(0x80, 0xfc)];
	for (const lead of leads)
		for (const trail of trails) {
			const ch = decoder.decode(Buffer.from([lead, trail]));
			if (ch.length === 1 && ch !== '\ufffd' && !shiftJisByChar.has(ch)) shiftJisByChar.set(ch, [lead, trail]);
		}
	return shiftJisByChar;
}
function* range(from, to) {
	for (let i = from; i <= to; i++) yield i;
}

function encodeShiftJis(text) {
	const table = shiftJisTable();
	const bytes = [];
	for (const ch of text) {
		const code = ch.codePointAt(0);
		if (code < 0x80) bytes.push(code);
		else bytes.push(...(table.get(ch) ?? [0x3f]));
	}
	return Buffer.from(bytes);
}

/** Content-Type charset label Amazon uses for flat-file documents of a region. */
const REGION_CHARSETS = {
	EU: { label: 'Cp1252', encode: encodeCp1252 },
	FE_JP: { label: 'Cp932', encode: encodeShiftJis },
	DEFAULT: { label: 'UTF-8', encode: (text) => Buffer.from(text, 'utf8') },
};
function charsetFor(marketplace) {
	if (marketplace?.region === 'EU') return REGION_CHARSETS.EU;
	if (marketplace?.code === 'JP') return REGION_CHARSETS.FE_JP;
	return REGION_CHARSETS.DEFAULT;
}

/** Decodes by a Content-Type charset label; windows-1252 by table (Node 20's TextDecoder is wrong). */
function decodeText(buf, label) {
	const name = String(label || 'utf-8').toLowerCase();
	if (['cp1252', 'windows-1252', 'iso-8859-1'].includes(name)) return decodeCp1252(buf);
	if (['cp932', 'shift_jis', 'windows-31j'].includes(name)) return new TextDecoder('shift_jis').decode(buf);
	return new TextDecoder('utf-8').decode(buf);
}

// ---------- TSV ----------
const tsvCell = (value) => (value === undefined || value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' '));
const tsvLine = (cells) => cells.map(tsvCell).join('\t') + '\n';
const toTsv = (columns, rows) => tsvLine(columns) + rows.map((row) => tsvLine(columns.map((c) => row[c]))).join('');

function parseTsv(text) {
	const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
	if (!lines.length) return [];
	const columns = lines[0].split('\t').map((c) => c.trim().toLowerCase());
	return lines.slice(1).map((line, index) => {
		const cells = line.split('\t');
		const row = { lineNumber: index + 2 };
		columns.forEach((column, i) => (row[column] = (cells[i] ?? '').trim()));
		return row;
	});
}

// ---------- XML ----------
const xmlParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
const xmlBuilder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true, ignoreAttributes: false });

/** -> { doc } or { error: { line, col, message } } (never throws). */
function parseXml(text) {
	const check = XMLValidator.validate(text);
	if (check !== true) return { error: { line: check.err.line, col: check.err.col, message: check.err.msg } };
	return { doc: xmlParser.parse(text) };
}
const buildXml = (obj) => '<?xml version="1.0" encoding="UTF-8"?>\n' + xmlBuilder.build(obj);
const asArray = (value) => (value === undefined || value === null || value === '' ? [] : [].concat(value));

/** XML feed ProcessingReport (the result document of XML feeds); results: [{ messageId, type, code, description, additional }]. */
function xmlProcessingReport({ transactionId, merchantId, processed, results }) {
	const withError = new Set(results.filter((r) => r.type === 'Error').map((r) => r.messageId));
	const withWarning = new Set(results.filter((r) => r.type === 'Warning').map((r) => r.messageId));
	return buildXml({
		AmazonEnvelope: {
			'@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
			'@_xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
			Header: { DocumentVersion: '1.02', MerchantIdentifier: merchantId },
			MessageType: 'ProcessingReport',
			Message: {
				MessageID: 1,
				ProcessingReport: {
					DocumentTransactionID: transactionId,
					StatusCode: 'Complete',
					ProcessingSummary: {
						MessagesProcessed: processed,
						MessagesSuccessful: Math.max(0, processed - withError.size),
						MessagesWithError: withError.size,
						MessagesWithWarning: withWarning.size,
					},
					Result: results.map((r) => ({
						MessageID: r.messageId,
						ResultCode: r.type,
						ResultMessageCode: r.code,
						ResultDescription: r.description,
						...(r.additional && Object.keys(r.additional).length ? { AdditionalInfo: r.additional } : {}),
					})),
				},
			},
		},
	});
}

/** Flat-file feed processing report (summary block, then one TSV line per error/warning). */
function flatProcessingReport({ processed, results }) {
	const failedRecords = new Set(results.filter((r) => r.type === 'Error').map((r) => r.record));
	return (
		'Feed Processing Summary:\n' +
		`\tNumber of records processed\t\t${processed}\n` +
		`\tNumber of records successful\t\t${processed - failedRecords.size}\n\n` +
		tsvLine(['original-record-number', 'order-id', 'order-item-id', 'error-code', 'error-type', 'error-message']) +
		results.map((r) => tsvLine([r.record, r.orderId, r.itemId, r.code, r.type, r.description])).join('')
	);
}

// ---------- pre-signed URLs ----------
const URL_LIFETIME_SECONDS = 300;
const SIGNING_KEY = 'emulator-s3-signing-key';
const amzDate = (ms) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const parseAmzDate = (text) =>
	Date.parse(String(text).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
const sign = (parts) => crypto.createHmac('sha256', SIGNING_KEY).update(parts.join('\n')).digest('hex');

/** S3-like pre-signed URL; an upload URL signs its Content-Type, so the PUT must repeat it exactly. */
function presign(ctx, { method, path, contentType = '' }) {
	const date = amzDate(ctx.now());
	const query = new URLSearchParams({
		'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
		'X-Amz-Credential': `EMULATORKEY/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
		'X-Amz-Date': date,
		'X-Amz-Expires': String(URL_LIFETIME_SECONDS),
		'X-Amz-SignedHeaders': contentType ? 'content-type;host' : 'host',
	});
	query.set('X-Amz-Signature', sign([method, path, date, URL_LIFETIME_SECONDS, contentType]));
	return `${ctx.baseUrl}${path}?${query}`;
}

const s3Error = (code, message, extra = {}) => ({
	status: 403,
	headers: { 'content-type': 'application/xml' },
	raw: buildXml({ Error: { Code: code, Message: message, ...extra, RequestId: crypto.randomBytes(8).toString('hex').toUpperCase() } }),
});

/** -> null when the request carries a valid, unexpired signature; else an S3-style 403 result. */
function verifyPresigned(req, ctx) {
	const date = req.query['X-Amz-Date'];
	const expires = Number(req.query['X-Amz-Expires']);
	const signedHeaders = req.query['X-Amz-SignedHeaders'] || '';
	const contentType = signedHeaders.includes('content-type') ? req.headers['content-type'] || '' : '';
	const expected = sign([req.method, req.path, date, expires, contentType]);
	if (!date || expected !== req.query['X-Amz-Signature'])
		return s3Error(
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
		);
	const expiresAt = parseAmzDate(date) + expires * 1000;
	if (ctx.now() > expiresAt)
		return s3Error('AccessDenied', 'Request has expired', {
			'X-Amz-Expires': expires,
			Expires: new Date(expiresAt).toISOString(),
			ServerTime: new Date(ctx.now()).toISOString(),
		});
	return null;
}

/** Pre-signed download URL; `contentEncodingHeader` mirrors enableContentEncodingUrlHeader (S3 then sends Content-Encoding: gzip). */
function downloadUrl(ctx, path, contentEncodingHeader) {
	const url = presign(ctx, { method: 'GET', path });
	return contentEncodingHeader ? `${url}&response-content-encoding=gzip` : url;
}

/** Raw GET handler body for a stored document { contentType, content } or { contentType, render() -> Readable }. */
function serveDocument(req, ctx, document) {
	const rejected = verifyPresigned(req, ctx);
	if (rejected) return rejected;
	if (!document?.content && !document?.render) return { status: 404, raw: '' };
	const encoding = req.query['response-content-encoding'] === 'gzip' ? { 'content-encoding': 'gzip' } : {};
	const headers = { 'content-type': document.contentType, ...encoding };
	// Generated (benchmark-sized) documents are streamed, never held whole.
	if (!document.content) return { status: 200, headers, stream: document.render() };
	return { status: 200, headers, raw: document.content };
}

// ---------- processing lifecycle ----------
/** Phase of an asynchronous job at virtual time `now`; delays are scaled down by timeScale. */
function processingPhase(createdMs, now, timeScale, { queueMs, processingMs }) {
	const scale = timeScale > 0 ? timeScale : 1;
	const startMs = createdMs + queueMs / scale;
	const endMs = startMs + processingMs / scale;
	if (now < startMs) return { status: 'IN_QUEUE' };
	if (now < endMs) return { status: 'IN_PROGRESS', startMs };
	return { status: 'DONE', startMs, endMs };
}

/**
 * getFeeds/getReports listing: `<types>` is required unless nextToken is given, and then nextToken must be alone.
 * jobs: [{ createdMs, type, marketplaceIds, ... }]; render(job) must return an object with processingStatus.
 */
function listJobs(req, ctx, { typesParam, jobs, render, maxPageSize = 100 }) {
	const filterNames = [typesParam, 'marketplaceIds', 'pageSize', 'processingStatuses', 'createdSince', 'createdUntil'];
	let filters;
	if (req.query.nextToken) {
		if (filterNames.some((name) => req.query[name] !== undefined))
			return { error: ctx.error(400, 'InvalidInput', 'nextToken must be the only parameter when it is provided.') };
		try {
			filters = JSON.parse(Buffer.from(req.query.nextToken, 'base64url').toString());
		} catch {
			return { error: ctx.error(400, 'InvalidInput', 'The nextToken is invalid.') };
		}
	} else {
		if (!req.list(typesParam).length) return { error: ctx.error(400, 'InvalidInput', `${typesParam} is required when nextToken is not provided.`) };
		const pageSize = Number(req.query.pageSize ?? 10);
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize)
			return { error: ctx.error(400, 'InvalidInput', `pageSize must be between 1 and ${maxPageSize}.`) };
		filters = {
			types: req.list(typesParam),
			marketplaceIds: req.list('marketplaceIds'),
			statuses: req.list('processingStatuses'),
			since: req.query.createdSince ? Date.parse(req.query.createdSince) : ctx.now() - 90 * 86400000,
			until: req.query.createdUntil ? Date.parse(req.query.createdUntil) : ctx.now(),
			pageSize,
			offset: 0,
		};
	}
	const matching = jobs
		.filter((j) => filters.types.includes(j.type) && j.createdMs >= filters.since && j.createdMs <= filters.until)
		.filter((j) => !filters.marketplaceIds.length || j.marketplaceIds.some((id) => filters.marketplaceIds.includes(id)))
		.sort((a, b) => b.createdMs - a.createdMs)
		.map(render)
		.filter((j) => !filters.statuses.length || filters.statuses.includes(j.processingStatus));
	const end = filters.offset + filters.pageSize;
	const nextToken = end < matching.length ? Buffer.from(JSON.stringify({ ...filters, offset: end })).toString('base64url') : undefined;
	return { page: matching.slice(filters.offset, end), nextToken };
}

const isoTime = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

module.exports = {
	gzip,
	gunzip,
	isGzip,
	encodeCp1252,
	encodeShiftJis,
	charsetFor,
	decodeText,
	toTsv,
	tsvLine,
	parseTsv,
	parseXml,
	buildXml,
	asArray,
	xmlProcessingReport,
	flatProcessingReport,
	presign,
	verifyPresigned,
	downloadUrl,
	serveDocument,
	processingPhase,
	listJobs,
	isoTime,
	URL_LIFETIME_SECONDS,
};
