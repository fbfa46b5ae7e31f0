/**
 * Download of feed result and report documents from their pre-signed URLs: gunzip when the magic bytes say so
 * (not when `compressionAlgorithm` says so), decode by the Content-Type charset, optionally parse TSV rows
 * while streaming. The feed processing report parsers live in processingReports.ts.
 */

import { charsetFromContentType, createStreamingDecoder, normalizeCharset } from '../codecs/charset';
import { SpApiError } from './errors';
import { gunzipChunks, gunzipIfCompressed, isGzip } from '../codecs/gzip';
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
