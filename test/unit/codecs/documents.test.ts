import { downloadDocument, downloadDocumentRows, sniffDocumentFormat } from '../../../nodes/AmazonSpApi/core/http/documents';
import { gzipBytes, ScriptedRequester, textResponse } from './scriptedRequester';

const URL = 'https://s3.example/doc?X-Amz-Signature=secret';

function serving(body: Uint8Array | string, contentType: string, status = 200) {
	return new ScriptedRequester({}, { [URL]: () => textResponse(body, contentType, status) });
}

describe('downloadDocument', () => {
	it('gunzips by magic bytes and decodes the Content-Type charset', async () => {
		const latin = new Uint8Array([0x73, 0x6b, 0x75, 0x0a, 0x80, 0x96, 0x84, 0x92]);
		const gz = await gzipBytes(latin);
		const client = serving(gz, 'text/plain; charset=Cp1252');
		expect(await downloadDocument(client, { url: URL })).toEqual({
			text: 'sku\n€–„’',
			contentType: 'text/plain; charset=Cp1252',
			charset: 'windows-1252',
			compressed: true,
			byteLength: gz.length,
		});
		expect(client.transfers[0]).toMatchObject({ method: 'GET', url: URL });
	});

	it('does not gunzip a plain body labelled GZIP', async () => {
		const client = serving('sku\tqty\n', 'text/plain; charset=UTF-8');
		const document = await downloadDocument(client, { url: URL, compressionAlgorithm: 'GZIP' });
		expect(document).toMatchObject({ text: 'sku\tqty\n', compressed: false, charset: 'utf-8' });
	});

	it('reports a failed download without leaking the URL signature', async () => {
		const client = serving('<Error>Request has expired</Error>', 'application/xml', 403);
		const failure = downloadDocument(client, { url: URL });
		await expect(failure).rejects.toThrow('failed with HTTP 403');
		await expect(failure).rejects.not.toThrow('secret');
		await expect(failure).rejects.toMatchObject({ hint: expect.stringContaining('5 minutes') });
	});
});

describe('downloadDocumentRows', () => {
	const report = 'amazon-order-id\tsku\tquantity\n' + Array.from({ length: 5000 }, (_, i) => `111-0000000-${String(i).padStart(7, '0')}\tSKU-${i}\t${i % 3}`).join('\n');

	it('streams gzip → decode → TSV rows by header name', async () => {
		const client = serving(await gzipBytes(report), 'text/tab-separated-values; charset=UTF-8');
		const result = await downloadDocumentRows(client, { url: URL, compressionAlgorithm: 'GZIP' });
		expect(result.format).toBe('tsv');
		if (result.format !== 'tsv') return;
		expect(result).toMatchObject({ compressed: true, rowCount: 5000, truncated: false, headers: ['amazon-order-id', 'sku', 'quantity'] });
		expect(result.rows[4999]).toEqual({ 'amazon-order-id': '111-0000000-0004999', sku: 'SKU-4999', quantity: '1' });
	});

	it('hands rows to onRows in batches without collecting them, honouring maxRows', async () => {
		const client = serving(await gzipBytes(report), 'text/plain');
		let received = 0;
		const result = await downloadDocumentRows(client, { url: URL }, { maxRows: 1234, onRows: (rows) => void (received += rows.length) });
		expect(received).toBe(1234);
		expect(result).toMatchObject({ format: 'tsv', rows: [], rowCount: 1234, truncated: true, charset: 'utf-8' });
	});

	it('stops collecting at the memory guard, saying so', async () => {
		const client = serving(await gzipBytes(report), 'text/plain');
		const result = await downloadDocumentRows(client, { url: URL }, { maxCollectedChars: 20_000 });
		expect(result).toMatchObject({ format: 'tsv', truncated: true, truncatedBy: 'memoryLimit' });
		if (result.format === 'tsv') expect(result.rows.length).toBeLessThan(5000);
	});

	it('refuses a JSON document over the memory guard', async () => {
		const client = serving(JSON.stringify({ rows: 'x'.repeat(50_000) }), 'application/json');
		await expect(downloadDocumentRows(client, { url: URL }, { maxCollectedChars: 1000 })).rejects.toThrow('too large');
	});

	it('returns JSON and XML documents as text', async () => {
		const json = await downloadDocumentRows(serving(await gzipBytes(' {"reportSpecification":{}}'), 'application/json'), { url: URL });
		expect(json).toMatchObject({ format: 'json', text: ' {"reportSpecification":{}}', compressed: true });
	});

	it('sniffs formats', () => {
		expect(sniffDocumentFormat('\uFEFF  <?xml?>')).toBe('xml');
		expect(sniffDocumentFormat('\n[1]')).toBe('json');
		expect(sniffDocumentFormat('sku\tqty')).toBe('tsv');
	});
});
