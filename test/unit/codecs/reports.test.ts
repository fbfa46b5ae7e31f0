import { SpApiError } from '../../../nodes/AmazonSpApi/core/http/errors';
import {
	CANCELLED_REPORT_MESSAGE,
	createReport,
	getReportResult,
	waitForReport,
	type Report,
} from '../../../nodes/AmazonSpApi/core/reports/reports';
import { findReusableReport } from '../../../nodes/AmazonSpApi/core/reports/requestReport';
import { gzipBytes, ScriptedRequester, textResponse } from './scriptedRequester';

const DOC_URL = 'https://s3.example/report?sig=1';

function report(processingStatus: string, extra: Partial<Report> = {}): Report {
	return {
		reportId: 'R1',
		reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA',
		marketplaceIds: ['A1PA6795UKMFR9'],
		createdTime: '2026-01-01T00:00:00Z',
		processingStatus,
		...extra,
	};
}

function documentClient(body: Uint8Array, contentType: string) {
	return new ScriptedRequester(
		{ 'reports.getReportDocument': () => ({ reportDocumentId: 'D1', url: DOC_URL, compressionAlgorithm: 'GZIP' }) },
		{ [DOC_URL]: () => textResponse(body, contentType) },
	);
}

describe('reports', () => {
	it('creates a report without retries on 5xx and with ISO dates', async () => {
		const client = new ScriptedRequester({ 'reports.createReport': () => ({ reportId: 'R1' }) });
		const reportId = await createReport(client, {
			reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA',
			marketplaceIds: ['A1PA6795UKMFR9'],
			dataStartTime: new Date('2026-01-01T00:00:00Z'),
			reportOptions: { custom: 'true' },
		});
		expect(reportId).toBe('R1');
		expect(client.calls[0]).toMatchObject({
			method: 'POST',
			path: '/reports/2021-06-30/reports',
			idempotent: false,
			body: { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', dataStartTime: '2026-01-01T00:00:00.000Z', reportOptions: { custom: 'true' } },
		});
	});

	it('waits for the report with the client clock', async () => {
		const statuses = ['IN_QUEUE', 'DONE'];
		const client = new ScriptedRequester({ 'reports.getReport': () => report(statuses.shift() ?? 'DONE') });
		expect((await waitForReport(client, 'R1', { timeoutMs: 60_000, pollIntervalMs: 30_000 })).processingStatus).toBe('DONE');
		expect(client.clock.sleeps).toEqual([30_000]);
	});

	it('downloads a DONE report as rows (Cp1252, gzip)', async () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('item-name\tseller-sku\nTasse '), 0x80, 0x0a]);
		const client = documentClient(await gzipBytes(bytes), 'text/plain; charset=Cp1252');
		const result = await getReportResult(client, report('DONE', { reportDocumentId: 'D1' }));
		expect(result.status).toBe('DONE');
		if (result.status !== 'DONE' || result.data.format !== 'tsv') throw new Error('expected TSV data');
		expect(result.data.rows).toEqual([{ 'item-name': 'Tasse €', 'seller-sku': '' }]);
		expect(result.data.reportDocumentId).toBe('D1');
		expect(client.rdtRequests).toEqual([]);
	});

	it('fetches restricted report documents with an RDT for that very document', async () => {
		const client = documentClient(await gzipBytes('order-id\n1\n'), 'text/plain');
		await getReportResult(client, report('DONE', { reportType: 'GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING', reportDocumentId: 'D1' }));
		expect(client.rdtRequests).toEqual([{ method: 'GET', path: '/reports/2021-06-30/documents/D1' }]);
		expect(client.calls[0].restrictedDataToken).toBe('Atz.sprdt|test-rdt');
	});

	it('treats CANCELLED as no data', async () => {
		const result = await getReportResult(new ScriptedRequester({}), report('CANCELLED'));
		expect(result).toEqual({ status: 'CANCELLED', report: report('CANCELLED'), message: CANCELLED_REPORT_MESSAGE });
		expect(CANCELLED_REPORT_MESSAGE).toContain('too frequently');
	});

	it('surfaces the reason document of a FATAL report in the error', async () => {
		const client = documentClient(await gzipBytes('{"errorDetails":"Report start date is too far in the past"}'), 'application/json');
		const failure = getReportResult(client, report('FATAL', { reportDocumentId: 'D1' }));
		await expect(failure).rejects.toBeInstanceOf(SpApiError);
		await expect(failure).rejects.toThrow('Report start date is too far in the past');
		await expect(failure).rejects.toMatchObject({ code: 'FATAL', details: 'Report start date is too far in the past' });
	});

	it('reports PENDING for unfinished reports', async () => {
		expect((await getReportResult(new ScriptedRequester({}), report('IN_PROGRESS'))).status).toBe('PENDING');
	});

	it('finds the newest recent DONE report for the same marketplaces', async () => {
		const client = new ScriptedRequester({
			'reports.getReports': () => ({
				reports: [
					report('DONE', { reportId: 'old', reportDocumentId: 'D0', createdTime: '2026-01-01T00:00:00Z' }),
					report('DONE', { reportId: 'new', reportDocumentId: 'D2', createdTime: '2026-01-01T02:00:00Z' }),
					report('DONE', { reportId: 'other', reportDocumentId: 'D3', createdTime: '2026-01-01T03:00:00Z', marketplaceIds: ['X'] }),
				],
			}),
		});
		const found = await findReusableReport(client, { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: ['A1PA6795UKMFR9'] }, 3_600_000);
		expect(found?.reportId).toBe('new');
		expect(client.calls[0].query).toMatchObject({
			reportTypes: ['GET_MERCHANT_LISTINGS_ALL_DATA'],
			processingStatuses: ['DONE'],
			createdSince: new Date(client.clock.now() - 3_600_000).toISOString(),
		});
	});
});
