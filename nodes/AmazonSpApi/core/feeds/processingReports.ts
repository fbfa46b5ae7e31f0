/**
 * Parsers of Amazon's feed processing reports (XML, JSON listings, flat file) into one shape.
 */

import { sniffDocumentFormat, type DocumentFormat } from '../http/documents';
import { parseTsv, pickColumn } from '../codecs/tsv';
import { childElement, childElements, childText, findElement, parseXml } from '../codecs/xml';

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

/** Amazon's `Error` result code, in any casing: the message failed. */
export function isErrorMessage(message: Pick<FeedResultMessage, 'resultCode'>): boolean {
	return message.resultCode.toLowerCase() === 'error';
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
