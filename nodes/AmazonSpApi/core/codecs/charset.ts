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

const C1_CONTROLS = /[\u0080-\u009f]/g;
const fixC1 = (char: string) => String.fromCharCode(WINDOWS_1252_HIGH_CONTROL_RANGE[char.charCodeAt(0) - 0x80]);
// WHATWG maps `latin1` to windows-1252; a Node with the bug decodes it as ISO-8859-1 (natively, hence fast). Either
// way, what remains in U+0080–U+009F afterwards is mapped by our table, so the result is right on every version.
let latin1Decoder: TextDecoder | undefined;

/** windows-1252 at native speed: a Latin-1 decode, then the 0x80–0x9F table for the few characters there. */
export function decodeWindows1252(bytes: Uint8Array): string {
	latin1Decoder ??= new TextDecoder('latin1');
	const text = latin1Decoder.decode(bytes);
	C1_CONTROLS.lastIndex = 0;
	return C1_CONTROLS.test(text) ? text.replace(C1_CONTROLS, fixC1) : text;
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

/** Length of the UTF-8 sequence at `index`: > 0 valid, 0 invalid, -1 cut off by the end of `bytes`. */
export function utf8SequenceLength(bytes: Uint8Array, index: number): number {
	const lead = bytes[index];
	if (lead < 0x80) return 1;
	const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
	if (!length) return 0;
	const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
	const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
	for (let offset = 1; offset < length; offset++) {
		if (index + offset >= bytes.length) return -1;
		const byte = bytes[index + offset];
		if (byte < (offset === 1 ? low : 0x80) || byte > (offset === 1 ? high : 0xbf)) return 0;
	}
	return length;
}

/** UTF-8 where it is valid, windows-1252 for each byte that is not: mixed documents lose nothing to U+FFFD. */
function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	let start = 0;
	for (let index = 0; index < bytes.length; ) {
		if (bytes[index] < 0x80) {
			index++;
			continue;
		}
		const length = utf8SequenceLength(bytes, index);
		if (length > 0) {
			index += length;
			continue;
		}
		parts.push(new TextDecoder('utf-8').decode(bytes.subarray(start, index)), decodeWindows1252(bytes.subarray(index, index + 1)));
		start = ++index;
	}
	parts.push(new TextDecoder('utf-8').decode(bytes.subarray(start)));
	return parts.join('');
}

/** Where a trailing, incomplete UTF-8 sequence starts (bytes.length when the chunk ends on a boundary). */
function incompleteTailStart(bytes: Uint8Array): number {
	for (let index = bytes.length - 1; index >= Math.max(0, bytes.length - 3); index--) {
		if (bytes[index] >= 0xc0) return utf8SequenceLength(bytes, index) === -1 ? index : bytes.length;
		if (bytes[index] < 0x80) return bytes.length;
	}
	return bytes.length;
}

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
	if (!first.length) return second;
	const joined = new Uint8Array(first.length + second.length);
	joined.set(first);
	joined.set(second, first.length);
	return joined;
}

/** UTF-8 at native speed; a chunk with an invalid sequence is decoded byte-wise with the windows-1252 fallback. */
function createLenientUtf8Decoder(): StreamingTextDecoder {
	const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	let carry: Uint8Array = new Uint8Array(0);
	let first = true;
	const decode = (bytes: Uint8Array): string => {
		let text: string;
		try {
			text = strict.decode(bytes);
		} catch {
			text = decodeUtf8OrWindows1252(bytes);
		}
		if (first && text) {
			first = false;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		return text;
	};
	return {
		charset: 'utf-8',
		write(chunk) {
			const bytes = concatBytes(carry, chunk);
			const tail = incompleteTailStart(bytes);
			carry = bytes.slice(tail);
			return decode(bytes.subarray(0, tail));
		},
		end() {
			const rest = carry;
			carry = new Uint8Array(0);
			return rest.length ? decodeUtf8OrWindows1252(rest) : '';
		},
	};
}

function firstNonAscii(bytes: Uint8Array): number {
	for (let index = 0; index < bytes.length; index++) if (bytes[index] >= 0x80) return index;
	return -1;
}

/**
 * An unlabelled document. Pure ASCII reads the same in UTF-8 and windows-1252, so nothing is decided until the first
 * non-ASCII byte, wherever it comes (not from the first chunk): a valid UTF-8 sequence there means UTF-8 (with a
 * windows-1252 fallback for any later invalid byte), anything else windows-1252.
 */
function createAutoDecoder(): StreamingTextDecoder {
	let delegate: StreamingTextDecoder | undefined;
	let pending: Uint8Array = new Uint8Array(0);
	return {
		get charset() {
			return delegate?.charset ?? 'utf-8';
		},
		write(chunk) {
			if (delegate) return delegate.write(chunk);
			const bytes = concatBytes(pending, chunk);
			const index = firstNonAscii(bytes);
			if (index < 0) {
				pending = new Uint8Array(0);
				return decodeWindows1252(bytes);
			}
			const ascii = decodeWindows1252(bytes.subarray(0, index));
			const length = utf8SequenceLength(bytes, index);
			if (length < 0) {
				pending = bytes.slice(index);
				return ascii;
			}
			delegate = length > 0 ? createLenientUtf8Decoder() : createWindows1252Decoder();
			return ascii + delegate.write(bytes.subarray(index));
		},
		end() {
			if (delegate) return delegate.end();
			// A sequence cut off by the end of the document is not UTF-8.
			delegate = createWindows1252Decoder();
			return pending.length ? delegate.write(pending) : '';
		},
	};
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
