/**
 * Download of feed result and report documents from their pre-signed URLs, streamed end to end: the body arrives
 * chunk by chunk, is gunzipped when its magic bytes say so (not when `compressionAlgorithm` says so), decoded by the
 * Content-Type charset and parsed as TSV by header name, so no stage holds the whole document. The feed processing
 * report parsers live in feeds/processingReports.ts.
 */

import { charsetFromContentType, createStreamingDecoder, normalizeCharset, type StreamingTextDecoder } from '../codecs/charset';
import { SpApiError } from './errors';
import { gunzipIfCompressedChunks } from '../codecs/gzip';
import { TsvParser, type TsvParseOptions, type TsvRow } from '../codecs/tsv';
import type { SpApiRequester } from '../types';

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

/** A document being downloaded: its decompressed bytes, read once, as they arrive. */
export interface OpenedDocument {
	contentType: string;
	/** The raw label of the Content-Type charset, e.g. `Cp1252`; undefined when the document has none. */
	charsetLabel?: string;
	compressed: boolean;
	chunks: AsyncIterable<Uint8Array>;
	/** Compressed bytes received so far. */
	bytesReceived(): number;
}

export type DocumentFormat = 'tsv' | 'json' | 'xml';

/** Why a tabular download stopped before the end of the document. */
export type TruncationReason = 'rowLimit' | 'memoryLimit';

export interface DocumentRowsOptions extends TsvParseOptions {
	/**
	 * Receives rows in batches as they are parsed. When given, rows are not collected in the result, so a report of
	 * any size flows through in bounded memory.
	 */
	onRows?: (rows: TsvRow[]) => void | Promise<void>;
	/** Overrides the Content-Type charset (e.g. a user setting for mislabelled documents). */
	charset?: string;
	/**
	 * Memory guard for collected rows (and JSON/XML text): stop once this much decoded text has been kept. Rows cost
	 * a few times their text in memory, so this bounds the heap long before an out-of-memory abort.
	 */
	maxCollectedChars?: number;
}

export interface TabularDocument extends DocumentInfo {
	format: 'tsv';
	headers: string[];
	/** Empty when `onRows` consumed them. */
	rows: TsvRow[];
	rowCount: number;
	/** True when `maxRows` or `maxCollectedChars` cut the document short. */
	truncated: boolean;
	truncatedBy?: TruncationReason;
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

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	if (bytes.length) yield bytes;
}

/** Starts the download; the body is streamed when the HTTP client can, otherwise handed on as one chunk. */
export async function openDocument(client: SpApiRequester, location: DocumentLocation): Promise<OpenedDocument> {
	const response = await client.transfer({ method: 'GET', url: location.url, headers: {}, stream: true });
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
	let received = 0;
	async function* counted(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
		for await (const chunk of source) {
			received += chunk.length;
			yield chunk;
		}
	}
	const contentType = response.headers['content-type'] ?? '';
	const { compressed, chunks } = await gunzipIfCompressedChunks(counted(response.stream ?? single(response.body)));
	return { contentType, charsetLabel: charsetFromContentType(contentType), compressed, chunks, bytesReceived: () => received };
}

/** First non-blank character decides: `{`/`[` JSON, `<` XML, anything else tab-separated text. */
export function sniffDocumentFormat(text: string): DocumentFormat {
	const first = /\S/.exec(text.replace(/^\uFEFF/, ''))?.[0];
	if (first === '{' || first === '[') return 'json';
	if (first === '<') return 'xml';
	return 'tsv';
}

async function* decodedChunks(chunks: AsyncIterable<Uint8Array>, decoder: StreamingTextDecoder): AsyncGenerator<string> {
	for await (const chunk of chunks) {
		const text = decoder.write(chunk);
		if (text) yield text;
	}
	const rest = decoder.end();
	if (rest) yield rest;
}

function infoOf(document: OpenedDocument, decoder: StreamingTextDecoder): DocumentInfo {
	return {
		contentType: document.contentType,
		charset: decoder.charset,
		compressed: document.compressed,
		byteLength: document.bytesReceived(),
	};
}

/** Downloads a whole (small) document as text: feed processing reports, error documents. */
export async function downloadDocument(
	client: SpApiRequester,
	location: DocumentLocation,
	options: { charset?: string } = {},
): Promise<DownloadedDocument> {
	const document = await openDocument(client, location);
	const decoder = createStreamingDecoder(normalizeCharset(options.charset ?? document.charsetLabel));
	const parts: string[] = [];
	for await (const text of decodedChunks(document.chunks, decoder)) parts.push(text);
	return { text: parts.join(''), ...infoOf(document, decoder) };
}

export function documentTooLargeError(what: string): SpApiError {
	return new SpApiError({
		kind: 'api',
		message: `The ${what} is too large to return as items`,
		hint: 'Choose the binary file output instead, which streams the document of any size to n8n binary data',
	});
}

/**
 * Downloads a report-style document and parses it as TSV by header name while it is decompressed and decoded, chunk
 * by chunk. JSON and XML documents are detected and returned as text instead.
 */
export async function downloadDocumentRows(
	client: SpApiRequester,
	location: DocumentLocation,
	options: DocumentRowsOptions = {},
): Promise<TabularDocument | TextualDocument> {
	const document = await openDocument(client, location);
	const decoder = createStreamingDecoder(normalizeCharset(options.charset ?? document.charsetLabel));
	const parser = new TsvParser({ quoted: options.quoted, maxRows: options.maxRows });
	const budget = options.maxCollectedChars ?? Infinity;
	const collected: TsvRow[] = [];
	let textual: { format: 'json' | 'xml'; parts: string[] } | undefined;
	let seenContent = false;
	let keptChars = 0;
	let truncatedBy: TruncationReason | undefined;

	for await (const text of decodedChunks(document.chunks, decoder)) {
		if (!seenContent && /\S/.test(text)) {
			seenContent = true;
			const format = sniffDocumentFormat(text);
			if (format !== 'tsv') textual = { format, parts: [] };
		}
		if (!options.onRows) keptChars += text.length;
		if (textual) {
			if (keptChars > budget) throw documentTooLargeError(`${textual.format.toUpperCase()} document`);
			textual.parts.push(text);
			continue;
		}
		const rows = parser.write(text);
		if (options.onRows) {
			if (rows.length) await options.onRows(rows);
		} else {
			for (const row of rows) collected.push(row);
		}
		if (parser.done) {
			truncatedBy = 'rowLimit';
			break;
		}
		if (keptChars > budget) {
			truncatedBy = 'memoryLimit';
			break;
		}
	}
	const info = infoOf(document, decoder);
	if (textual) return { ...info, format: textual.format, text: textual.parts.join('') };
	if (!truncatedBy) {
		const rows = parser.end();
		if (options.onRows && rows.length) await options.onRows(rows);
		else collected.push(...rows);
	}
	return {
		...info,
		format: 'tsv',
		headers: (parser.headers ?? []).filter(Boolean),
		rows: collected,
		rowCount: parser.rowCount,
		truncated: truncatedBy !== undefined,
		...(truncatedBy ? { truncatedBy } : {}),
	};
}
