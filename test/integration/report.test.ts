// Report resource through real n8n-core execution contexts against the emulator (EU credential: Cp1252 reports).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AmazonSellerCentral } from '../../nodes/AmazonSellerCentral/AmazonSellerCentral.node';
import { emulatorControl, emulatorCredentials, runActionNode, startEmulator, type EmulatorHandle } from '../harness';

// Report and feed waits poll every few seconds, as on Amazon.
jest.setTimeout(60_000);

const DE = 'A1PA6795UKMFR9';
const MISDECODED = /[\u0080-\u009f\ufffd]/;

let emulator: EmulatorHandle;
let control: ReturnType<typeof emulatorControl>;
const nodeType = new AmazonSellerCentral();

beforeAll(async () => {
	emulator = await startEmulator({ seed: 5, orders: 40, listings: 60, timeScale: 3000, reportFailureRate: 0 });
	control = emulatorControl(emulator.url);
});
afterAll(async () => await emulator.stop());

async function run(parameters: INodeParameters, inputItems: IDataObject[] = [{}], continueOnFail = false) {
	const credentials = { amazonSellerCentralApi: emulatorCredentials(emulator.url, { region: 'eu', defaultMarketplaceId: DE }) };
	return await runActionNode({ nodeType, parameters: { resource: 'report', ...parameters }, credentials, inputItems, continueOnFail });
}

async function callCount(operation?: string): Promise<number> {
	const calls = (await control.calls()) as unknown as { total: number; counts: Record<string, number> };
	return operation ? calls.counts[operation] ?? 0 : calls.total;
}

const listings = { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', maxWaitMinutes: 2 };

describe('Report → Request and Download', () => {
	it('outputs one item per row, keyed by column name, decoded from Cp1252', async () => {
		const { items, error } = await run({ operation: 'requestAndDownload', ...listings });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(10);
		expect(items[0].json).toEqual(expect.objectContaining({ 'seller-sku': expect.any(String), asin1: expect.any(String) }));
		expect(items.some((item) => MISDECODED.test(JSON.stringify(item.json)))).toBe(false);
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('reuses a recent identical report instead of requesting a new one', async () => {
		const before = await callCount('reports.createReport');
		const { items } = await run({ operation: 'requestAndDownload', ...listings, reuseWithinHours: 1, output: 'binary' });
		expect(await callCount('reports.createReport')).toBe(before);
		expect(items[0].json).toMatchObject({ reused: true, reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', charset: 'Cp1252', compressed: true });
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'text/tab-separated-values', fileExtension: 'tsv' });
	});

	it('stops at Max Rows with a hint that says how to get the rest', async () => {
		const { items, run: execution } = await run({ operation: 'requestAndDownload', ...listings, reuseWithinHours: 1, maxRows: 5 });
		expect(items).toHaveLength(5);
		const hints = execution.data.resultData.runData['Amazon Seller Central']?.[0]?.hints ?? [];
		expect(JSON.stringify(hints)).toContain('Binary File output');
	});

	it('says what CANCELLED means when the report has no data', async () => {
		const { items, error } = await run({
			operation: 'requestAndDownload',
			reportType: 'GET_FLAT_FILE_VAT_INVOICE_DATA_REPORT',
			dataStartTime: '2020-01-01T00:00:00Z',
			dataEndTime: '2020-01-02T00:00:00Z',
			maxWaitMinutes: 2,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ processingStatus: 'CANCELLED', message: expect.stringMatching(/no data.*too\s+frequently/s) });
	}, 30_000);

	it("fails a FATAL report with Amazon's error document", async () => {
		const { error } = await run({ operation: 'requestAndDownload', reportType: 'custom', reportTypeCustom: 'GET_EMULATOR_UNKNOWN_DATA', maxWaitMinutes: 2 });
		expect(error?.message).toMatch(/could not generate report .*not supported by the emulator/);
	});
});

describe('Report → Create, Get, Get Many, Download, Cancel', () => {
	it('creates, lists, reads and downloads a report by report ID and by document ID', async () => {
		const created = await run({ operation: 'create', reportType: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA' });
		const reportId = String(created.items[0].json.reportId);
		await control.advanceClock(10 * 60_000);
		const got = await run({ operation: 'get', reportId });
		expect(got.items[0].json).toMatchObject({ reportId, processingStatus: 'DONE' });
		const listed = await run({ operation: 'getAll', types: ['GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA'], returnAll: true });
		expect(listed.items.map((item) => item.json.reportId)).toContain(reportId);
		const byReport = await run({ operation: 'download', reportId });
		expect(byReport.items[0].json).toHaveProperty('afn-fulfillable-quantity');
		const byDocument = await run({ operation: 'download', downloadBy: 'documentId', reportDocumentId: String(got.items[0].json.reportDocumentId) });
		expect(byDocument.items.map((item) => item.json)).toEqual(byReport.items.map((item) => item.json));
	});

	it('cancels a report still in the queue', async () => {
		const slow = await startEmulator({ timeScale: 1, orders: 0 });
		try {
			const credentials = { amazonSellerCentralApi: emulatorCredentials(slow.url, { region: 'eu', defaultMarketplaceId: DE }) };
			const create = await runActionNode({ nodeType, parameters: { resource: 'report', operation: 'create' }, credentials });
			const reportId = String(create.items[0].json.reportId);
			const cancel = await runActionNode({ nodeType, parameters: { resource: 'report', operation: 'cancel', reportId }, credentials });
			expect(cancel.items[0].json).toEqual({ reportId, cancelled: true });
		} finally {
			await slow.stop();
		}
	});
});

describe('Report schedules', () => {
	it('creates, lists and cancels a schedule', async () => {
		const created = await run({ operation: 'createSchedule', reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', period: 'P7D' });
		const reportScheduleId = String(created.items[0].json.reportScheduleId);
		const listed = await run({ operation: 'getSchedules', types: ['GET_MERCHANT_LISTINGS_ALL_DATA'] });
		expect(listed.items[0].json).toMatchObject({ reportScheduleId, period: 'P7D', marketplaceIds: [DE] });
		const cancelled = await run({ operation: 'cancelSchedule', reportScheduleId });
		expect(cancelled.items[0].json).toEqual({ reportScheduleId, cancelled: true });
		expect((await run({ operation: 'getSchedules', types: ['GET_MERCHANT_LISTINGS_ALL_DATA'] })).items).toHaveLength(0);
	});
});

describe('Report input errors: named field and item, nothing sent', () => {
	it.each([
		[{ operation: 'create', reportType: 'custom', reportTypeCustom: 'merchant listings' }, 'Report Type: "merchant listings" is not a type Amazon knows [item 0]'],
		[{ operation: 'create', dataStartTime: '2999-01-01T00:00:00Z' }, 'Data Start: 2999-01-01T00:00:00.000Z is in the future [item 0]'],
		[{ operation: 'create', dataStartTime: '2026-01-05T00:00:00Z', dataEndTime: '2026-01-01T00:00:00Z' }, 'Data Start: 2026-01-05T00:00:00.000Z is after Data End'],
		[{ operation: 'get', reportId: 'amzn1.spdoc.1.4.eu.x' }, 'Report ID: "amzn1.spdoc.1.4.eu.x" is not a report ID (report IDs are numbers) [item 0]'],
		[{ operation: 'create', reportOptions: { pairs: [{ key: 'custom', value: 'true' }, { key: 'custom', value: 'false' }] } }, 'Report Options → Key: "custom" is given twice [item 0]'],
		[{ operation: 'getAll', types: ['custom'], customTypes: 'open orders' }, 'Other Types: "open orders" is not a type Amazon knows [item 0]'],
	])('%j', async (parameters, message) => {
		const before = await callCount();
		const { error } = await run(parameters);
		expect(error?.message).toContain(message);
		expect(await callCount()).toBe(before);
	});
});
