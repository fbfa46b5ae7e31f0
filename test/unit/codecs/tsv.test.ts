import { iterateTsvRows, parseTsv, pickColumn, TsvParser, writeTsv } from '../../../nodes/AmazonSpApi/core/codecs/tsv';

describe('TSV parsing', () => {
	it('keys rows by header name, whatever the column order', () => {
		const a = parseTsv('sku\tprice\tquantity\nA\t1.00\t3\n');
		const b = parseTsv('quantity\tsku\tprice\r\n3\tA\t1.00\r\n');
		expect(a.rows).toEqual([{ sku: 'A', price: '1.00', quantity: '3' }]);
		expect(b.rows).toEqual(a.rows);
		expect(b.headers).toEqual(['quantity', 'sku', 'price']);
	});

	it('tolerates BOM, trailing tabs, short rows, blank lines and no final newline', () => {
		const table = parseTsv('\uFEFFsku \tqty\t\n\nA\t1\t\n\t\t\nB\n\r\nC\t3');
		expect(table.headers).toEqual(['sku', 'qty']);
		expect(table.rows).toEqual([
			{ sku: 'A', qty: '1' },
			{ sku: 'B', qty: '' },
			{ sku: 'C', qty: '3' },
		]);
	});

	it('keeps quotes literally by default and honours them when asked', () => {
		expect(parseTsv('name\tnote\n"Big" box\t"a\tb"\n').rows[0]).toEqual({ name: '"Big" box', note: '"a' });
		const quoted = parseTsv('name\tnote\n"say ""hi"""\t"line1\nline2\tstill"\nB\tx\n', { quoted: true });
		expect(quoted.rows).toEqual([
			{ name: 'say "hi"', note: 'line1\nline2\tstill' },
			{ name: 'B', note: 'x' },
		]);
	});

	it('suffixes duplicate headers instead of losing columns', () => {
		expect(parseTsv('a\ta\tb\n1\t2\t3\n').rows[0]).toEqual({ a: '1', a_2: '2', b: '3' });
	});

	it('caps rows and says whether more followed', () => {
		expect(parseTsv('a\n1\n2\n3\n', { maxRows: 2 })).toEqual({ headers: ['a'], rows: [{ a: '1' }, { a: '2' }], truncated: true });
		expect(parseTsv('a\n1\n2\n', { maxRows: 2 }).truncated).toBe(false);
	});

	it('parses across arbitrary chunk boundaries', () => {
		const text = 'order-id\tsku\r\n111\tA\r\n222\tB\r\n';
		for (let size = 1; size <= text.length; size++) {
			const parser = new TsvParser();
			const rows = [];
			for (let start = 0; start < text.length; start += size) rows.push(...parser.write(text.slice(start, start + size)));
			rows.push(...parser.end());
			expect(rows).toEqual([
				{ 'order-id': '111', sku: 'A' },
				{ 'order-id': '222', sku: 'B' },
			]);
		}
	});

	it('iterates rows from a stream and stops reading at the cap', async () => {
		let pulled = 0;
		async function* chunks() {
			for (const chunk of ['a\tb\n1\t', 'x\n2\ty\n', '3\tz\n', '4\tw\n', '5\tv\n']) {
				pulled++;
				yield chunk;
			}
		}
		const batches = [];
		for await (const rows of iterateTsvRows(chunks(), { maxRows: 2 })) batches.push(rows);
		expect(batches.flat()).toEqual([
			{ a: '1', b: 'x' },
			{ a: '2', b: 'y' },
		]);
		expect(pulled).toBe(3);
	});

	it('picks columns by name ignoring case and _ vs -', () => {
		const row = { 'Seller-SKU': 'A', ship_service_level: 'Std' };
		expect(pickColumn(row, 'sku', 'seller-sku')).toBe('A');
		expect(pickColumn(row, 'ship-service-level')).toBe('Std');
		expect(pickColumn(row, 'missing')).toBeUndefined();
	});
});

describe('TSV writing', () => {
	it('writes columns in order and neutralises tabs and line breaks', () => {
		expect(writeTsv(['a', 'b', 'c'], [{ a: 'x\ty', b: 2, c: undefined }, { a: 'l1\r\nl2', c: null, b: true }])).toBe(
			'a\tb\tc\nx y\t2\t\nl1 l2\ttrue\t\n',
		);
	});

	it('round-trips through the parser', () => {
		const rows = [{ 'order-id': '123-1234567-1234567', reason: 'NoInventory' }];
		expect(parseTsv(writeTsv(['reason', 'order-id'], rows)).rows).toEqual(rows);
	});
});
