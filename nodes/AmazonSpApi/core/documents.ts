/**
 * Download of feed result and report documents from their pre-signed URLs: gunzip when the magic bytes say so
 * (not when `compressionAlgorithm` says so), decode by the Content-Type charset, optionally parse TSV rows
 * while streaming. Also the parsers of feed processing reports (XML, JSON listings, flat file) into one shape.
 */

import { charsetFromContentType, createStreamingDecoder, normalizeCharset } from './charset';
import { SpApiError } from './errors';
import { gunzipChunks, gunzipIfCompressed, isGzip } from './gzip';
import { parseTsv, pickColumn, TsvParser, type TsvParseOptions, type TsvRow } from './tsv';
import type { SpApiRequester } from './types';
import { childElement, childElements, childText, findElement, parseXml } from './xml';

/** What getFeedDocument / getReportDocument return. */
export interface DocumentLocation {
	url: string;
	/** Amazon's hint only; compression is detected from the bytes. */
	compressionAlgorithm?: string;
}

export interface DocumentInfo {
	contentType: string;
	/** Decoder used: `utf-8`, `windows-1252`, `shift_jis`… */
	charset: string;
	compressed: boolean;
	/** Size of the downloaded (possibly compressed) body. */
	byteLength: number;
}

export interface DownloadedDocument extends DocumentInfo {
	text: string;
}

export type DocumentFormat = 'tsv' | 'json' | 'xml';

export interface DocumentRowsOptions extends TsvParseOptions {
	/**
	 * Receives rows in batches as they are parsed. When given, rows are not collected in the result, so a large
	 * report is never held in memory as a whole (only its compressed bytes are).
	 */
	onRows?: (rows: TsvRow[]) => void | Promise<void>;
	/** Overrides the Content-Type charset (e.g. a user setting for mislabelled documents). */
	charset?: string;
}

export interface TabularDocument extends DocumentInfo {
	format: 'tsv';
	headers: string[];
	/** Empty when `onRows` consumed them. */
	rows: TsvRow[];
	rowCount: number;
	/** True when `maxRows` cut the document short. */
	truncated: boolean;
}

/** JSON or XML documents (vendor reports, processing reports) are returned as text. */
export interface TextualDocument extends DocumentInfo {
	format: 'json' | 'xml';
	text: string;
}

/** The URL without its query: the signature must not end up in error messages or logs. */
function describeUrl(url: string): string {
	return url.split('?')[0];
}

interface RawDocument {
	bytes: Uint8Array;
	contentType: string;
	charsetLabel?: string;
}

async function fetchDocument(client: SpApiRequester, location: DocumentLocation): Promise<RawDocument> {
	const response = await client.transfer({ method: 'GET', url: location.url, headers: {} });
	if (response.status < 200 || response.status >= 300) {
		throw new SpApiError({
			kind: 'api',
			status: response.status,
			message: `Downloading the document from ${describeUrl(location.url)} failed with HTTP ${response.status}`,
			hint:
				response.status === 403
					? 'Document URLs expire after 5 minutes: request the document again and download it at once'
					: undefined,
		});
	}
	const contentType = response.headers['content-type'] ?? '';
	return { bytes: response.body, contentType, charsetLabel: charsetFromContentType(contentType) };
}

/** First non-blank character decides: `{`/`[` JSON, `<` XML, anything else tab-separated text. */
export function sniffDocumentFormat(text: string): DocumentFormat {
	const first = /\S/.exec(text.replace(/^\uFEFF/, ''))?.[0];
	if (first === '{' || first === '[') return 'json';
	if (first === '<') return 'xml';
	return 'tsv';
}

/** Downloads a whole document as text. For large reports prefer `downloadDocumentRows`. */
export async function downloadDocument(
	client: SpApiRequester,
	location: DocumentLocation,
	options: { charset?: string } = {},
): Promise<DownloadedDocument> {
	const raw = await fetchDocument(client, location);
	const { bytes, compressed } = await gunzipIfCompressed(raw.bytes);
	const decoder = createStreamingDecoder(normalizeCharset(options.charset ?? raw.charsetLabel));
	const text = decoder.write(bytes) + decoder.end();
	return { text, contentType: raw.contentType, charset: decoder.charset, compressed, byteLength: raw.bytes.length };
}

async function* decodedChunks(bytes: Uint8Array, decoder: ReturnType<typeof createStreamingDecoder>) {
	for await (const chunk of gunzipChunks(bytes)) {
		const text = decoder.write(chunk);
		if (text) yield text;
	}
	const rest = decoder.end();
	if (rest) yield rest;
}

/**
 * Downloads a report-style document and parses it as TSV by header name while decompressing and decoding,
 * chunk by chunk. JSON and XML documents are detected and returned as text instead.
 */
export async function downloadDocumentRows(
	client: SpApiRequester,
	location: DocumentLocation,
	options: DocumentRowsOptions = {},
): Promise<TabularDocument | TextualDocument> {
	const raw = await fetchDocument(client, location);
	const decoder = createStreamingDecoder(normalizeCharset(options.charset ?? raw.charsetLabel));
	// A getter: the auto decoder settles on its charset only once it has seen the first chunk.
	const info = (): DocumentInfo => ({
		contentType: raw.contentType,
		charset: decoder.charset,
		compressed: isGzip(raw.bytes),
		byteLength: raw.bytes.length,
	});
	const parser = new TsvParser({ quoted: options.quoted, maxRows: options.maxRows });
	const collected: TsvRow[] = [];
	let textual: { format: 'json' | 'xml'; parts: string[] } | undefined;
	let seenContent = false;

	const accept = async (rows: TsvRow[]) => {
		if (!rows.length) return;
		if (options.onRows) await options.onRows(rows);
		else collected.push(...rows);
	};

	for await (const text of decodedChunks(raw.bytes, decoder)) {
		if (!seenContent && /\S/.test(text)) {
			seenContent = true;
			const format = sniffDocumentFormat(text);
			if (format !== 'tsv') textual = { format, parts: [] };
		}
		if (textual) {
			textual.parts.push(text);
			continue;
		}
		await accept(parser.write(text));
		if (parser.done) break;
	}
	if (textual) return { ...info(), format: textual.format, text: textual.parts.join('') };
	await accept(parser.end());
	return {
		...info(),
		format: 'tsv',
		headers: (parser.headers ?? []).filter(Boolean),
		rows: collected,
		rowCount: parser.rowCount,
		truncated: parser.truncated,
	};
}

export interface FeedResultMessage {
	/** The feed message (XML MessageID, JSON messageId, flat-file record number); 0 = the whole feed. */
	messageId: number;
	/** `Error`, `Warning` or `Info`. */
	resultCode: string;
	code: string;
	/** Amazon's own text. */
	description: string;
	amazonOrderId?: string;
	amazonOrderItemCode?: string;
	sku?: string;
}

export interface FeedProcessingSummary {
	processed: number;
	successful: number;
	withError: number;
	withWarning: number;
}

export interface FeedProcessingReport {
	format: DocumentFormat | 'none';
	summary: FeedProcessingSummary;
	messages: FeedResultMessage[];
}

function toCount(value: unknown): number {
	const count = Number(typeof value === 'string' ? value.trim() : value);
	return Number.isFinite(count) ? count : 0;
}

function withOptionalFields(message: FeedResultMessage, optional: Partial<FeedResultMessage>): FeedResultMessage {
	for (const [key, value] of Object.entries(optional)) {
		if (value) (message as unknown as Record<string, unknown>)[key] = value;
	}
	return message;
}

function countMessagesWith(messages: FeedResultMessage[], resultCode: string): number {
	return new Set(messages.filter((message) => message.resultCode === resultCode).map((m) => m.messageId)).size;
}

function parseXmlProcessingReport(text: string): FeedProcessingReport | undefined {
	const report = findElement(parseXml(text), 'ProcessingReport');
	if (!report) return undefined;
	const summary = childElement(report, 'ProcessingSummary');
	return {
		format: 'xml',
		summary: {
			processed: toCount(childText(summary, 'MessagesProcessed')),
			successful: toCount(childText(summary, 'MessagesSuccessful')),
			withError: toCount(childText(summary, 'MessagesWithError')),
			withWarning: toCount(childText(summary, 'MessagesWithWarning')),
		},
		messages: childElements(report, 'Result').map((result) => {
			const info = childElement(result, 'AdditionalInfo');
			return withOptionalFields(
				{
					messageId: toCount(childText(result, 'MessageID')),
					resultCode: childText(result, 'ResultCode') ?? '',
					code: childText(result, 'ResultMessageCode') ?? '',
					description: childText(result, 'ResultDescription') ?? '',
				},
				{
					amazonOrderId: childText(info, 'AmazonOrderID'),
					amazonOrderItemCode: childText(info, 'AmazonOrderItemCode'),
					sku: childText(info, 'SKU'),
				},
			);
		}),
	};
}

const SEVERITY_RESULT_CODES: Record<string, string> = { ERROR: 'Error', WARNING: 'Warning', INFO: 'Info' };

interface ListingsIssue {
	messageId?: number;
	sku?: string;
	code?: string;
	severity?: string;
	message?: string;
}

function parseJsonProcessingReport(text: string): FeedProcessingReport | undefined {
	let document: { issues?: ListingsIssue[]; summary?: Record<string, unknown> };
	try {
		document = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (!document || typeof document !== 'object' || !document.summary) return undefined;
	const messages = (document.issues ?? []).map((issue) =>
		withOptionalFields(
			{
				messageId: toCount(issue.messageId),
				resultCode: SEVERITY_RESULT_CODES[String(issue.severity).toUpperCase()] ?? String(issue.severity ?? ''),
				code: String(issue.code ?? ''),
				description: String(issue.message ?? ''),
			},
			{ sku: issue.sku },
		),
	);
	const summary = document.summary;
	return {
		format: 'json',
		summary: {
			processed: toCount(summary.messagesProcessed),
			successful: toCount(summary.messagesAccepted),
			withError: toCount(summary.messagesInvalid),
			withWarning: countMessagesWith(messages, 'Warning'),
		},
		messages,
	};
}

function summaryFigure(lines: string[], label: RegExp): number | undefined {
	const line = lines.find((candidate) => label.test(candidate));
	const figure = line && /(\d+)\s*$/.exec(line.trim());
	return figure ? Number(figure[1]) : undefined;
}

/** Flat-file report: "Feed Processing Summary" lines, then a TSV table of the errors and warnings. */
function parseTsvProcessingReport(text: string): FeedProcessingReport | undefined {
	const lines = text.split(/\r?\n/);
	const headerIndex = lines.findIndex((line) => /(^|\t)\s*error-(code|message)\s*(\t|$)/i.test(line));
	const processed = summaryFigure(lines, /records processed/i);
	if (headerIndex < 0 && processed === undefined) return undefined;
	const rows = headerIndex < 0 ? [] : parseTsv(lines.slice(headerIndex).join('\n')).rows;
	const messages = rows.map((row) =>
		withOptionalFields(
			{
				messageId: toCount(pickColumn(row, 'original-record-number')),
				resultCode: pickColumn(row, 'error-type') ?? 'Error',
				code: pickColumn(row, 'error-code') ?? '',
				description: pickColumn(row, 'error-message') ?? '',
			},
			{
				amazonOrderId: pickColumn(row, 'order-id', 'amazon-order-id'),
				amazonOrderItemCode: pickColumn(row, 'order-item-id', 'amazon-order-item-code'),
				sku: pickColumn(row, 'sku'),
			},
		),
	);
	const successful = summaryFigure(lines, /records successful/i);
	const withError = countMessagesWith(messages, 'Error');
	return {
		format: 'tsv',
		summary: {
			processed: processed ?? successful ?? 0,
			successful: successful ?? Math.max((processed ?? 0) - withError, 0),
			withError,
			withWarning: countMessagesWith(messages, 'Warning'),
		},
		messages,
	};
}

/** Parses any of Amazon's feed processing reports; undefined when the text is not one (e.g. a FATAL reason). */
export function parseProcessingReport(text: string): FeedProcessingReport | undefined {
	const format = sniffDocumentFormat(text);
	if (format === 'json') return parseJsonProcessingReport(text);
	if (format === 'tsv') return parseTsvProcessingReport(text);
	try {
		return parseXmlProcessingReport(text);
	} catch {
		return undefined;
	}
}
