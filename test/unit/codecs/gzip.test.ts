import { gunzip, gunzipChunks, gunzipIfCompressed, isGzip } from '../../../nodes/AmazonSpApi/core/codecs/gzip';
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
			for await (const chunk of gunzipChunks(corrupt)) expect(chunk).toBeDefined();
		};
		await expect(iterate()).rejects.toThrow('could not be decompressed');
	});

	it('streams large documents in chunks', async () => {
		const text = 'sku\tquantity\n' + Array.from({ length: 200000 }, (_, i) => `SKU-${i}\t${i}`).join('\n');
		const chunks: Uint8Array[] = [];
		for await (const chunk of gunzipChunks(await gzipBytes(text))) chunks.push(chunk);
		expect(chunks.length).toBeGreaterThan(1);
		expect(chunks.reduce((sum, chunk) => sum + chunk.length, 0)).toBe(encode(text).length);
		const plainChunks: Uint8Array[] = [];
		for await (const chunk of gunzipChunks(encode(text))) plainChunks.push(chunk);
		expect(plainChunks.length).toBeGreaterThan(1);
	});
});
