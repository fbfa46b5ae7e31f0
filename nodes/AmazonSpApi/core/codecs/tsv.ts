/**
 * Tab-separated flat files as Amazon produces and accepts them: first line = header, no quoting by default,
 * `\r\n` or `\n`, trailing tabs and blank lines tolerated. Rows are keyed by header name, never by position:
 * Amazon's column sets drift and are sometimes localized.
 */

export type TsvRow = Record<string, string>;

export interface TsvParseOptions {
	/** Honour double-quoted fields (quotes doubled inside, tabs and newlines allowed). Amazon files: false. */
	quoted?: boolean;
	/** Stop after this many data rows; `truncated` then says whether more followed. */
	maxRows?: number;
}

export interface TsvTable {
	headers: string[];
	rows: TsvRow[];
	truncated: boolean;
}

export type TsvValue = string | number | boolean | undefined | null;

function splitQuoted(record: string): string[] {
	const fields: string[] = [];
	let field = '';
	let inQuotes = false;
	for (let index = 0; index < record.length; index++) {
		const char = record[index];
		if (inQuotes) {
			if (char !== '"') field += char;
			else if (record[index + 1] === '"') field += record[++index];
			else inQuotes = false;
		} else if (char === '"' && field === '') {
			inQuotes = true;
		} else if (char === '\t') {
			fields.push(field);
			field = '';
		} else {
			field += char;
		}
	}
	fields.push(field);
	return fields;
}

function countQuotes(text: string): number {
	let count = 0;
	for (let index = text.indexOf('"'); index >= 0; index = text.indexOf('"', index + 1)) count++;
	return count;
}

function uniqueHeaders(fields: string[]): string[] {
	const seen = new Map<string, number>();
	return fields.map((field, index) => {
		const name = (index === 0 ? field.replace(/^\uFEFF/, '') : field).trim();
		if (!name) return '';
		const occurrences = (seen.get(name) ?? 0) + 1;
		seen.set(name, occurrences);
		return occurrences === 1 ? name : `${name}_${occurrences}`;
	});
}

/** Incremental parser: feed decoded text in any chunking; complete rows come back from each call. */
export class TsvParser {
	headers: string[] | undefined;
	rowCount = 0;
	truncated = false;
	private pendingLine = '';
	private pendingRecord: string | undefined;

	constructor(private readonly options: TsvParseOptions = {}) {}

	/** True once the row cap has been hit and further input would be discarded. */
	get done(): boolean {
		return this.truncated;
	}

	write(text: string): TsvRow[] {
		const rows: TsvRow[] = [];
		if (this.truncated) return rows;
		const lines = (this.pendingLine + text).split('\n');
		this.pendingLine = lines.pop() ?? '';
		for (const line of lines) this.acceptLine(line, rows);
		return rows;
	}

	end(): TsvRow[] {
		const rows: TsvRow[] = [];
		if (this.truncated) return rows;
		if (this.pendingLine) this.acceptLine(this.pendingLine, rows);
		this.pendingLine = '';
		if (this.pendingRecord !== undefined) this.acceptRecord(this.pendingRecord, rows);
		this.pendingRecord = undefined;
		return rows;
	}

	private acceptLine(rawLine: string, rows: TsvRow[]): void {
		if (this.truncated) return;
		const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
		if (!this.options.quoted) {
			this.acceptRecord(line, rows);
			return;
		}
		const record = this.pendingRecord === undefined ? line : `${this.pendingRecord}\n${line}`;
		// An odd number of quotes means a quoted field is still open: the newline belongs to the value.
		if (countQuotes(record) % 2 === 1) {
			this.pendingRecord = record;
			return;
		}
		this.pendingRecord = undefined;
		this.acceptRecord(record, rows);
	}

	private acceptRecord(record: string, rows: TsvRow[]): void {
		const fields = this.options.quoted ? splitQuoted(record) : record.split('\t');
		if (fields.every((field) => field.trim() === '')) return;
		if (!this.headers) {
			this.headers = uniqueHeaders(fields);
			return;
		}
		if (this.options.maxRows !== undefined && this.rowCount >= this.options.maxRows) {
			this.truncated = true;
			return;
		}
		const row: TsvRow = {};
		this.headers.forEach((header, index) => {
			if (header) row[header] = fields[index] ?? '';
		});
		rows.push(row);
		this.rowCount++;
	}
}

export function parseTsv(text: string, options: TsvParseOptions = {}): TsvTable {
	const parser = new TsvParser(options);
	const rows = [...parser.write(text), ...parser.end()];
	return { headers: (parser.headers ?? []).filter(Boolean), rows, truncated: parser.truncated };
}

/** Rows from a stream of decoded text chunks, in batches as they complete; stops reading at the row cap. */
export async function* iterateTsvRows(
	chunks: AsyncIterable<string> | Iterable<string>,
	options: TsvParseOptions = {},
): AsyncGenerator<TsvRow[], TsvParser> {
	const parser = new TsvParser(options);
	for await (const chunk of chunks) {
		const rows = parser.write(chunk);
		if (rows.length) yield rows;
		if (parser.done) return parser;
	}
	const rows = parser.end();
	if (rows.length) yield rows;
	return parser;
}

/** Header names compared case-insensitively, ignoring surrounding spaces and `_` vs `-`. */
export function normalizeHeaderName(name: string): string {
	return name.trim().toLowerCase().replace(/_/g, '-');
}

/** Value of the first of the given columns present in the row (by header name), or undefined. */
export function pickColumn(row: TsvRow, ...names: string[]): string | undefined {
	const wanted = names.map(normalizeHeaderName);
	const keys = Object.keys(row);
	for (const name of wanted) {
		const key = keys.find((candidate) => normalizeHeaderName(candidate) === name);
		if (key !== undefined) return row[key];
	}
	return undefined;
}

/** Flat files have no quoting: tabs and line breaks inside a value become single spaces. */
export function sanitizeTsvValue(value: TsvValue): string {
	if (value === undefined || value === null) return '';
	return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** Writes a flat file with the given columns (in that order); missing values are left empty. */
export function writeTsv(columns: readonly string[], rows: ReadonlyArray<Record<string, TsvValue>>): string {
	const lines = [columns.map(sanitizeTsvValue).join('\t')];
	for (const row of rows) lines.push(columns.map((column) => sanitizeTsvValue(row[column])).join('\t'));
	return lines.join('\n') + '\n';
}
