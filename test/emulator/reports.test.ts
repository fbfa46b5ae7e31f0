import type { IDataObject } from 'n8n-workflow';

import { downloadDocument, orderStore, startPartB, type PartB } from './conformance-b.helpers';

const US = 'ATVPDKIKX0DER';
const DE = 'A1PA6795UKMFR9';
const JP = 'A1VC38T7YXB528';
const REPORTS = '/reports/2021-06-30/reports';

async function createReport(emu: PartB, reportType: string, marketplaceId: string, extra: IDataObject = {}) {
	const response = await emu.api('POST', REPORTS, { reportType, marketplaceIds: [marketplaceId], ...extra });
	expect(response.status).toBe(202);
	return response.body.reportId as string;
}

/** Completes a report in virtual time and downloads its document (if any). */
async function finishReport(emu: PartB, reportId: string) {
	await emu.control.advanceClock(2 * 60 * 1000);
	const report = (await emu.api('GET', `${REPORTS}/${reportId}`)).body;
	if (!report.reportDocumentId) return { report, contentType: '', bytes: new Uint8Array(), text: '' };
	const document = (await emu.api('GET', `/reports/2021-06-30/documents/${report.reportDocumentId}`)).body;
	expect(document.compressionAlgorithm).toBe('GZIP');
	return { report, document, ...(await downloadDocument(document.url as string, true)) };
}

const header = (text: string) => text.split('\n')[0].split('\t');

describe('reports lifecycle (time scale 1)', () => {
	let emu: PartB;
	beforeAll(async () => (emu = await startPartB({ timeScale: 1 })));
	afterAll(async () => await emu.stop());

	it('moves IN_QUEUE -> IN_PROGRESS -> DONE and the document URL expires after 5 minutes', async () => {
		const reportId = await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', US);
		const status = async () => (await emu.api('GET', `${REPORTS}/${reportId}`)).body;
		expect((await status()).processingStatus).toBe('IN_QUEUE');
		await emu.control.advanceClock(31 * 1000);
		expect((await status()).processingStatus).toBe('IN_PROGRESS');
		await emu.control.advanceClock(60 * 1000);
		const done = await status();
		expect(done).toMatchObject({ processingStatus: 'DONE', reportDocumentId: expect.any(String), processingEndTime: expect.any(String) });
		const document = (await emu.api('GET', `/reports/2021-06-30/documents/${done.reportDocumentId}`)).body;
		expect(document.url).toContain('X-Amz-Expires=300');
		await emu.control.advanceClock(301 * 1000);
		expect((await fetch(document.url as string)).status).toBe(403);
	});

	it('cancels only IN_QUEUE reports and applies the nextToken-alone rule', async () => {
		const queued = await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', US);
		expect((await emu.api('DELETE', `${REPORTS}/${queued}`)).status).toBe(200);
		expect((await emu.api('GET', `${REPORTS}/${queued}`)).body.processingStatus).toBe('CANCELLED');
		const started = await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', US);
		await emu.control.advanceClock(31 * 1000);
		expect((await emu.api('DELETE', `${REPORTS}/${started}`)).status).toBe(400);

		expect((await emu.api('GET', REPORTS)).status).toBe(400);
		const page = await emu.api('GET', `${REPORTS}?reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA&pageSize=1`);
		const token = encodeURIComponent(page.body.nextToken as string);
		expect((await emu.api('GET', `${REPORTS}?nextToken=${token}&reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA`)).status).toBe(400);
		expect((await emu.api('GET', `${REPORTS}?nextToken=${token}`)).status).toBe(200);
	});
});

describe('report documents', () => {
	let emu: PartB;
	beforeAll(async () => (emu = await startPartB()));
	afterAll(async () => await emu.stop());

	it('encodes EU documents as windows-1252 (Cp1252)', async () => {
		const { contentType, bytes, text } = await finishReport(emu, await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', DE));
		expect(contentType).toBe('text/plain; charset=Cp1252');
		// € is 0x80 and – is 0x96 in windows-1252 (both are C1 controls in ISO-8859-1).
		expect(bytes).toContain(0x80);
		expect(bytes).toContain(0x96);
		expect(text).toMatch(/€/);
		expect(text).toMatch(/–/);
		expect(text).toMatch(/[üé]/);
		expect(header(text)).toContain('seller-sku');
	});

	it('encodes JP documents as Shift_JIS (Cp932) and NA documents as UTF-8', async () => {
		const jp = await finishReport(emu, await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', JP));
		expect(jp.contentType).toBe('text/plain; charset=Cp932');
		expect(jp.text).toMatch(/[\u3040-\u30ff]/);
		const us = await finishReport(emu, await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', US));
		expect(us.contentType).toBe('text/plain; charset=UTF-8');
	});

	it('renders the all-orders report from the order store within the data range', async () => {
		const end = Date.parse((await emu.control.state()).now as string);
		const start = end - 3 * 86400000;
		const expected = orderStore(emu)
			.list()
			.filter((o) => o.marketplaceId === US && Date.parse((o as unknown as { lastUpdateDate: string }).lastUpdateDate) >= start);
		const reportId = await createReport(emu, 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL', US, {
			dataStartTime: new Date(start).toISOString(),
			dataEndTime: new Date(end).toISOString(),
		});
		const { text } = await finishReport(emu, reportId);
		expect(header(text).slice(0, 5)).toEqual(['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status']);
		const orderIds = new Set(text.trim().split('\n').slice(1).map((line) => line.split('\t')[0]));
		expect(orderIds).toEqual(new Set(expected.map((o) => o.orderId)));
	});

	it('lists AFN shipments and FBA inventory', async () => {
		const shipments = await finishReport(emu, await createReport(emu, 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', US));
		expect(shipments.report.processingStatus).toBe('DONE');
		expect(shipments.text.split('\n')[1]).toMatch(/\tAFN\t/);
		const inventory = await finishReport(emu, await createReport(emu, 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', DE));
		expect(header(inventory.text)).toEqual(expect.arrayContaining(['sku', 'fnsku', 'afn-fulfillable-quantity']));
	});

	it('reports no data as CANCELLED and an over-long FBA range as FATAL with a reason document', async () => {
		const empty = await finishReport(emu, await createReport(emu, 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', US, {
			dataStartTime: '2020-01-01T00:00:00Z',
			dataEndTime: '2020-01-02T00:00:00Z',
		}));
		expect(empty.report.processingStatus).toBe('CANCELLED');
		expect(empty.report.reportDocumentId).toBeUndefined();
		const fatal = await finishReport(emu, await createReport(emu, 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', US, {
			dataStartTime: '2026-01-01T00:00:00Z',
			dataEndTime: '2026-04-01T00:00:00Z',
		}));
		expect(fatal.report.processingStatus).toBe('FATAL');
		expect(JSON.parse(fatal.text).errorDetails).toMatch(/30 days/);
	});
});

describe('seeded failures and sized reports', () => {
	it('fails every report when reportFailureRate is 1', async () => {
		const emu = await startPartB({ reportFailureRate: 1 });
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await finishReport(emu, await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', US))).report.processingStatus);
		await emu.stop();
		expect(new Set(statuses)).toEqual(new Set(['CANCELLED', 'FATAL']));
	});

	it('pads GET_MERCHANT_LISTINGS_ALL_DATA to about reportMb megabytes', async () => {
		const emu = await startPartB({ reportMb: 2 });
		const { bytes } = await finishReport(emu, await createReport(emu, 'GET_MERCHANT_LISTINGS_ALL_DATA', US));
		await emu.stop();
		expect(bytes.length).toBeGreaterThanOrEqual(2 * 1024 * 1024);
		expect(bytes.length).toBeLessThan(2.2 * 1024 * 1024);
	});
});
