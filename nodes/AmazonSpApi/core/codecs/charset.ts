/**
 * Text decoding for Amazon documents. Amazon labels report documents with Java charset names (Cp1252 in the EU,
 * Cp932 in JP, UTF-8 in NA), and Node's own windows-1252 decoder maps 0x80–0x9F wrongly on many versions
 * (nodejs/node#60888), so windows-1252 is decoded through our own table.
 */

/**
 * A WHATWG encoding name, or `auto`: UTF-8, switching to windows-1252 when the bytes are not valid UTF-8.
 * Amazon documents use `utf-8`, `windows-1252` or `shift_jis`.
 */
export type DocumentCharset = string;

export interface StreamingTextDecoder {
	readonly charset: string;
	/** Decodes a chunk; bytes of a character split across chunks are kept for the next call. */
	write(chunk: Uint8Array): string;
	/** Flushes what is left. */
	end(): string;
}

const WINDOWS_1252_LABELS = new Set([
	'cp1252',
	'windows-1252',
	'x-cp1252',
	'ms-ansi',
	'ansi',
	'iso-8859-1',
	'iso8859-1',
	'iso_8859-1',
	'iso-8859-15',
	'latin1',
	'latin-1',
	'l1',
	'ascii',
	'us-ascii',
]);
const SHIFT_JIS_LABELS = new Set([
	'cp932',
	'ms932',
	'windows-31j',
	'sjis',
	'shift_jis',
	'shift-jis',
	'x-sjis',
	'ms_kanji',
	'csshiftjis',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

// windows-1252 code points for bytes 0x80–0x9F; the five undefined bytes map to the C1 controls, as in WHATWG.
const WINDOWS_1252_HIGH_CONTROL_RANGE = [
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
	0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
	0x0153, 0x009d, 0x017e, 0x0178,
];
const DECODE_BLOCK = 8192;

/** The raw charset label of a Content-Type header value, e.g. `Cp1252` for `text/plain; charset=Cp1252`. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
	const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
	return match?.[2];
}

/** Maps a charset label to the decoder used for it. No label means `auto`. */
export function normalizeCharset(label: string | undefined): DocumentCharset {
	const normalized = (label ?? '').trim().toLowerCase();
	if (!normalized) return 'auto';
	if (UTF8_LABELS.has(normalized)) return 'utf-8';
	if (WINDOWS_1252_LABELS.has(normalized)) return 'windows-1252';
	if (SHIFT_JIS_LABELS.has(normalized)) return 'shift_jis';
	// An unknown label: the safest guess for Amazon documents.
	return tryTextDecoder(normalized)?.encoding ?? 'auto';
}

export function decodeWindows1252(bytes: Uint8Array): string {
	let result = '';
	const codes = new Uint16Array(Math.min(bytes.length, DECODE_BLOCK));
	for (let start = 0; start < bytes.length; start += DECODE_BLOCK) {
		const end = Math.min(start + DECODE_BLOCK, bytes.length);
		for (let index = start; index < end; index++) {
			const byte = bytes[index];
			codes[index - start] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH_CONTROL_RANGE[byte - 0x80] : byte;
		}
		result += String.fromCharCode(...codes.subarray(0, end - start));
	}
	return result;
}

function tryTextDecoder(encoding: string): TextDecoder | undefined {
	try {
		// ignoreBOM false: a leading BOM is removed.
		return new TextDecoder(encoding, { ignoreBOM: false });
	} catch {
		return undefined;
	}
}

function createWhatwgDecoder(encoding: string): StreamingTextDecoder {
	const decoder = tryTextDecoder(encoding);
	if (!decoder) throw new Error(`This Node.js build cannot decode ${encoding} documents (it lacks full ICU data)`);
	return {
		charset: decoder.encoding,
		write: (chunk) => decoder.decode(chunk, { stream: true }),
		end: () => decoder.decode(),
	};
}

function createWindows1252Decoder(): StreamingTextDecoder {
	return { charset: 'windows-1252', write: decodeWindows1252, end: () => '' };
}

/**
 * UTF-8 until the first invalid sequence in the first chunk; then the whole document is read as windows-1252.
 * A later invalid sequence is decoded as U+FFFD: by then text has already been emitted as UTF-8.
 */
function createAutoDecoder(): StreamingTextDecoder {
	let delegate: StreamingTextDecoder | undefined;
	const decoder: StreamingTextDecoder = {
		get charset() {
			return delegate?.charset ?? 'utf-8';
		},
		write(chunk) {
			if (delegate) return delegate.write(chunk);
			try {
				const probe = new TextDecoder('utf-8', { fatal: true });
				probe.decode(chunk, { stream: true });
				delegate = createWhatwgDecoder('utf-8');
			} catch {
				delegate = createWindows1252Decoder();
			}
			return delegate.write(chunk);
		},
		end: () => delegate?.end() ?? '',
	};
	return decoder;
}

export function createStreamingDecoder(charset: DocumentCharset): StreamingTextDecoder {
	if (charset === 'windows-1252') return createWindows1252Decoder();
	if (charset === 'auto') return createAutoDecoder();
	return createWhatwgDecoder(charset);
}

/** Decodes a complete document. `charset` is a label as found in Content-Type (Cp1252, Cp932, UTF-8…). */
export function decodeText(bytes: Uint8Array, charsetLabel?: string): { text: string; charset: string } {
	const decoder = createStreamingDecoder(normalizeCharset(charsetLabel));
	const text = decoder.write(bytes) + decoder.end();
	return { text, charset: decoder.charset };
}
