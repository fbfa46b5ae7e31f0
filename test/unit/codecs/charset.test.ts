import {
	charsetFromContentType,
	createStreamingDecoder,
	decodeText,
	decodeWindows1252,
	normalizeCharset,
} from '../../../nodes/AmazonSpApi/core/codecs/charset';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('charset detection', () => {
	it.each([
		['text/plain; charset=Cp1252', 'Cp1252'],
		['text/tab-separated-values;charset="UTF-8"', 'UTF-8'],
		['text/plain; format=flowed; CHARSET=iso-8859-1', 'iso-8859-1'],
		['text/plain', undefined],
		[undefined, undefined],
	])('reads the charset of %s', (contentType, charset) => {
		expect(charsetFromContentType(contentType)).toBe(charset);
	});

	it.each([
		['Cp1252', 'windows-1252'],
		['windows-1252', 'windows-1252'],
		['ISO-8859-1', 'windows-1252'],
		['latin1', 'windows-1252'],
		['Cp932', 'shift_jis'],
		['windows-31j', 'shift_jis'],
		['sjis', 'shift_jis'],
		['utf8', 'utf-8'],
		['UTF-8', 'utf-8'],
		['utf-16le', 'utf-16le'],
		[undefined, 'auto'],
		['x-unknown-charset', 'auto'],
	])('maps %s to %s', (label, charset) => {
		expect(normalizeCharset(label)).toBe(charset);
	});
});

describe('decoding', () => {
	it('decodes windows-1252 0x80–0x9F with its own table (Node gets these wrong)', () => {
		expect(decodeWindows1252(bytes(0x80, 0x96, 0x84, 0x92))).toBe('€–„’');
		expect(decodeText(bytes(0x80, 0x96, 0x84, 0x92), 'Cp1252').text).toBe('€–„’');
		expect(decodeText(bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x9f), 'iso-8859-1').text).toBe('MüllerŸ');
		// The undefined bytes stay C1 controls, as in the WHATWG index.
		expect(decodeWindows1252(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d))).toBe('\u0081\u008d\u008f\u0090\u009d');
	});

	it('decodes every windows-1252 byte, in blocks larger than the internal buffer', () => {
		const all = new Uint8Array(20000).map((_, index) => index % 256);
		const text = decodeWindows1252(all);
		expect(text).toHaveLength(20000);
		expect(text[0x80]).toBe('€');
		expect(text[256 + 0xe9]).toBe('é');
	});

	it('decodes Shift_JIS (Cp932) documents', () => {
		// "日本語" and "ｱ" (half-width katakana) in Shift_JIS
		expect(decodeText(bytes(0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0xb1), 'Cp932')).toEqual({
			text: '日本語ｱ',
			charset: 'shift_jis',
		});
	});

	it('strips the UTF-8 BOM and defaults to UTF-8', () => {
		expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9), 'UTF-8').text).toBe('aé');
		expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9)).text).toBe('aé');
	});

	it('falls back to windows-1252 when an unlabelled document is not UTF-8', () => {
		expect(decodeText(bytes(0x4d, 0xfc, 0x80))).toEqual({ text: 'Mü€', charset: 'windows-1252' });
		expect(decodeText(bytes(0x4d, 0xc3, 0xbc))).toEqual({ text: 'Mü', charset: 'utf-8' });
	});

	it('streams multi-byte characters split across chunks', () => {
		const utf8 = createStreamingDecoder('utf-8');
		expect(utf8.write(bytes(0xe2, 0x82)) + utf8.write(bytes(0xac, 0x21)) + utf8.end()).toBe('€!');
		const sjis = createStreamingDecoder('shift_jis');
		expect(sjis.write(bytes(0x93)) + sjis.write(bytes(0xfa)) + sjis.end()).toBe('日');
		const cp1252 = createStreamingDecoder('windows-1252');
		expect(cp1252.write(bytes(0x80)) + cp1252.write(bytes(0x92)) + cp1252.end()).toBe('€’');
	});

	it('does not decide an unlabelled charset from a plain-ASCII first chunk', () => {
		const auto = createStreamingDecoder('auto');
		const ascii = new TextEncoder().encode('sku\tname\n'.repeat(1000));
		const text = auto.write(ascii) + auto.write(bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80, 0x96)) + auto.end();
		expect(text.endsWith('Müller €–')).toBe(true);
		expect(text).not.toContain('\ufffd');
		expect(auto.charset).toBe('windows-1252');
	});

	it('recognises UTF-8 after an ASCII prefix, even when the first sequence is split across chunks', () => {
		const auto = createStreamingDecoder('auto');
		const text = auto.write(new TextEncoder().encode('a'.repeat(5000))) + auto.write(bytes(0xe2)) + auto.write(bytes(0x82, 0xac)) + auto.end();
		expect(text.slice(-2)).toBe('a€');
		expect(auto.charset).toBe('utf-8');
	});

	it('keeps a stray windows-1252 byte in an otherwise UTF-8 unlabelled document', () => {
		const auto = createStreamingDecoder('auto');
		const text = auto.write(bytes(0xc3, 0xbc, 0x20)) + auto.write(bytes(0x80, 0x20, 0xc3)) + auto.write(bytes(0xa4)) + auto.end();
		expect(text).toBe('ü € ä');
	});

	it('treats a sequence cut off by the end of an unlabelled document as windows-1252', () => {
		const auto = createStreamingDecoder('auto');
		expect(auto.write(bytes(0x61, 0xe2, 0x82)) + auto.end()).toBe('aâ‚');
	});
});
