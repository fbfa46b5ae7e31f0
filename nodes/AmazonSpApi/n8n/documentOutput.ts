/**
 * A downloaded document as node output: either items (one per TSV row, JSON as parsed) with a row cap and a memory
 * guard, or a binary file streamed into n8n's binary data, so its size never shows in the heap.
 */

import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OpenedDocument, TabularDocument, TextualDocument } from '../core/http/documents';
import { toNodeReadable } from './httpAdapter';

/** Decoded text kept for item output before the guard stops: rows cost a few times their text in memory. */
export const ITEMS_MEMORY_GUARD_CHARS = 64 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 1000;

export type DocumentOutputMode = 'items' | 'binary';

export interface DocumentOutputSettings {
	mode: DocumentOutputMode;
	maxRows: number;
	binaryPropertyName: string;
}

/** Where a downloaded file goes; shown with the binary output choice. */
export const binaryOutputFieldProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

export const documentOutputProperties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'The document as a file, streamed to n8n binary data: for reports of any size',
			},
			{ name: 'Items', value: 'items', description: 'One item per row, keyed by column name (JSON reports as parsed)' },
		],
		default: 'items',
	},
	{
		displayName: 'Max Rows',
		name: 'maxRows',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_ROWS,
		displayOptions: { show: { output: ['items'] } },
		description: 'Stop after this many rows; larger reports belong in Binary File output',
	},
	{ ...binaryOutputFieldProperty, displayOptions: { show: { output: ['binary'] } } },
];

export function readDocumentOutput(context: IExecuteFunctions, itemIndex: number): DocumentOutputSettings {
	return {
		mode: context.getNodeParameter('output', itemIndex, 'items') as DocumentOutputMode,
		maxRows: context.getNodeParameter('maxRows', itemIndex, DEFAULT_MAX_ROWS) as number,
		binaryPropertyName: String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? 'data').trim() || 'data',
	};
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	for await (const chunk of chunks) parts.push(chunk);
	return Buffer.concat(parts);
}

/**
 * Streams the (decompressed) document into n8n's binary data: with filesystem, S3 or database storage, peak memory
 * does not grow with the document. Only when no streamed response was seen is it collected first.
 */
export async function documentToBinary(
	context: IExecuteFunctions,
	document: OpenedDocument,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	const readable = toNodeReadable(document.chunks) ?? (await collect(document.chunks));
	return await context.helpers.prepareBinaryData(readable, fileName, mimeType);
}

/** File name and MIME type of a report document: `.tsv` for flat files, `.json`/`.xml` when the type says so. */
export function documentFile(baseName: string, reportType: string, contentType: string): { fileName: string; mimeType: string } {
	const kind = /json/i.test(contentType) || /^GET_VENDOR_|_JSON/i.test(reportType) ? 'json' : /xml/i.test(contentType) || /^GET_XML_/.test(reportType) ? 'xml' : 'tsv';
	const mimeType = kind === 'json' ? 'application/json' : kind === 'xml' ? 'application/xml' : 'text/tab-separated-values';
	return { fileName: `${baseName}.${kind}`, mimeType };
}

/** Items of a downloaded document; when the row cap or the memory guard stopped it, an execution hint says so. */
export function documentToItems(
	context: IExecuteFunctions,
	data: TabularDocument | TextualDocument,
	meta: IDataObject,
	maxRows: number,
): IDataObject[] {
	if (data.format !== 'tsv') {
		const parsed = data.format === 'json' ? (JSON.parse(data.text) as IDataObject | IDataObject[]) : { xml: data.text };
		return (Array.isArray(parsed) ? parsed : [parsed]).map((json) => ({ ...json }));
	}
	if (data.truncatedBy) {
		const reason =
			data.truncatedBy === 'rowLimit'
				? `The report has more than ${maxRows} rows; only the first ${maxRows} are output. Raise Max Rows, or choose Binary File output for the whole report.`
				: `Output stopped after ${data.rowCount} rows to protect n8n's memory. Choose Binary File output for the whole report.`;
		context.addExecutionHints({ message: reason, location: 'outputPane' });
	}
	if (!data.rows.length) return [{ ...meta, rowCount: 0 }];
	return data.rows;
}

