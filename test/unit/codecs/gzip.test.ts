import { gunzip, gunzipIfCompressed, gunzipIfCompressedChunks, isGzip } from '../../../nodes/AmazonSpApi/core/codecs/gzip';
import { gzipBytes } from './scriptedRequester';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('gzip', () => {
	it('detects gzip by magic bytes only', async () => {
		expect(isGzip(await gzipBytes('hello'))).toBe(true);
		expect(isGzip(encode('sku\tqty\n'))).toBe(false);
		expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
		expect(isGzip(new Uint8Array())).toBe(false);
	});

	it('round-trips through DecompressionStream', async () => {
		expect(decode(await gunzip(await gzipBytes('a\tb\nä€\n')))).toBe('a\tb\nä€\n');
	});

	it('leaves a plain body labelled GZIP alone', async () => {
		const plain = encode('sku\tqty\nA\t1\n');
		expect(await gunzipIfCompressed(plain)).toEqual({ bytes: plain, compressed: false });
		const packed = await gunzipIfCompressed(await gzipBytes('x'));
		expect(packed.compressed).toBe(true);
		expect(decode(packed.bytes)).toBe('x');
	});

	it('reports corrupt gzip data clearly', async () => {
		const corrupt = (await gzipBytes('some text that is long enough')).slice(0, 15);
		await expect(gunzip(corrupt)).rejects.toThrow('could not be decompressed');
		const iterate = async () => {
			const { chunks } = await gunzipIfCompressedChunks(chunked(corrupt, 4));
			for await (const chunk of chunks) expect(chunk).toBeDefined();
		};
		await expect(iterate()).rejects.toThrow('could not be decompressed');
	});

	it('detects gzip from magic bytes split over network chunks of 1 byte', async () => {
		const packed = await gunzipIfCompressedChunks(chunked(await gzipBytes('sku\tqty\n'), 1));
		expect(packed.compressed).toBe(true);
		expect(decode(await collect(packed.chunks))).toBe('sku\tqty\n');
		const plain = await gunzipIfCompressedChunks(chunked(encode('\u001fplain'), 1));
		expect(plain.compressed).toBe(false);
		expect(decode(await collect(plain.chunks))).toBe('\u001fplain');
		const empty = await gunzipIfCompressedChunks(chunked(new Uint8Array(0), 1));
		expect(await collect(empty.chunks)).toHaveLength(0);
	});

	it('streams large documents in chunks', async () => {
		const text = 'sku\tquantity\n' + Array.from({ length: 200000 }, (_, i) => `SKU-${i}\t${i}`).join('\n');
		let count = 0;
		let total = 0;
		const { chunks } = await gunzipIfCompressedChunks(chunked(await gzipBytes(text), 65536));
		for await (const chunk of chunks) {
			count++;
			total += chunk.length;
		}
		expect(count).toBeGreaterThan(1);
		expect(total).toBe(encode(text).length);
	});
});

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let start = 0; start < bytes.length; start += size) yield bytes.slice(start, start + size);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const chunk of chunks) parts.push(chunk);
	const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		joined.set(part, offset);
		offset += part.length;
	}
	return joined;
}
