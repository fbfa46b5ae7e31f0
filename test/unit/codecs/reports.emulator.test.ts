// Integration: report flows through the real SpApiClient against the emulator (gzip, Cp1252 / Cp932, CANCELLED, FATAL).
import { SpApiError } from '../../../nodes/AmazonSpApi/core/http/errors';
import {
	createReport,
	downloadReport,
	getReportResult,
	waitForReport,
} from '../../../nodes/AmazonSpApi/core/reports/reports';
import { findReusableReport } from '../../../nodes/AmazonSpApi/core/reports/requestReport';
import { startEmulator, type EmulatorHandle } from '../../harness/emulator';
import { EMULATOR_WAIT as WAIT, emulatorClient } from './emulatorClient';

const DE = 'A1PA6795UKMFR9';
const JP = 'A1VC38T7YXB528';
const DAY = 86_400_000;
// Mis-decoded windows-1252 shows up as C1 controls; a wrong multi-byte decode as U+FFFD.
const MISDECODED = /[\u0080-\u009f\ufffd]/;
// Proves the documents really exercise the charset (some non-ASCII names are present).
const NON_ASCII = /[^ -~\t]/;

describe('reports against the emulator', () => {
	let emulator: EmulatorHandle;

	beforeAll(async () => {
		emulator = await startEmulator({ seed: 3, orders: 0, listings: 40, timeScale: 3000, reportFailureRate: 0 });
	});
	afterAll(async () => await emulator.stop());

	async function finishedReport(region: 'eu' | 'fe' | 'na', input: Parameters<typeof createReport>[1]) {
		const client = emulatorClient(emulator.url, region);
		const reportId = await createReport(client, input);
		return { client, report: await waitForReport(client, reportId, WAIT) };
	}

	it('downloads an EU listings report (gzip, Cp1252) as rows by header name, and finds it again', async () => {
		const { client, report } = await finishedReport('eu', { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE] });
		const result = await getReportResult(client, report);
		if (result.status !== 'DONE' || result.data.format !== 'tsv') throw new Error(`unexpected ${result.status}`);
		expect(result.data).toMatchObject({ compressed: true, charset: 'windows-1252', truncated: false });
		expect(result.data.rowCount).toBeGreaterThan(0);
		for (const row of result.data.rows) {
			expect(row['seller-sku']).toBeTruthy();
			expect(row['item-name']).not.toMatch(MISDECODED);
		}
		expect(result.data.rows.map((row) => row['item-name']).join('')).toMatch(NON_ASCII);
		expect((await findReusableReport(client, { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE] }, DAY))?.reportId).toBe(report.reportId);
		expect(await findReusableReport(client, { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [JP] }, DAY)).toBeUndefined();
	});

	it('streams a JP report (Cp932) to onRows with a row cap', async () => {
		const { client, report } = await finishedReport('fe', { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [JP] });
		const documentId = report.reportDocumentId ?? '';
		const seen: string[] = [];
		const capped = await downloadReport(client, documentId, {
			maxRows: 5,
			onRows: (rows) => void seen.push(...rows.map((row) => row['item-name'])),
		});
		expect(capped).toMatchObject({ format: 'tsv', charset: 'shift_jis', rowCount: 5, rows: [], truncated: true });
		expect(seen).toHaveLength(5);

		const full = await downloadReport(client, documentId);
		if (full.format !== 'tsv') throw new Error('expected TSV');
		const names = full.rows.map((row) => row['item-name']);
		expect(names.slice(0, 5)).toEqual(seen);
		expect(names.join('')).toMatch(NON_ASCII);
		for (const name of names) expect(name).not.toMatch(MISDECODED);
	});

	it('reports CANCELLED (no data) as a result, not an error', async () => {
		const { client, report } = await finishedReport('na', {
			reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
			marketplaceIds: ['ATVPDKIKX0DER'],
		});
		expect(await getReportResult(client, report)).toMatchObject({ status: 'CANCELLED', message: expect.stringContaining('no data') });
	});

	it('surfaces the FATAL reason document in the error', async () => {
		const end = Date.now() - DAY;
		const { client, report } = await finishedReport('na', {
			reportType: 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL',
			marketplaceIds: ['ATVPDKIKX0DER'],
			dataStartTime: new Date(end - 60 * DAY),
			dataEndTime: new Date(end),
		});
		expect(report.processingStatus).toBe('FATAL');
		const failure = getReportResult(client, report);
		await expect(failure).rejects.toBeInstanceOf(SpApiError);
		await expect(failure).rejects.toThrow('exceeds the maximum of 30 days');
	});
});
