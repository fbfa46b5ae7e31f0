// FBA order import and VAT invoice upload through real n8n-core execution contexts against the emulator.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AmazonSellerCentral } from '../../nodes/AmazonSellerCentral/AmazonSellerCentral.node';
import { emulatorControl, emulatorCredentials, runActionNode, startEmulator, type EmulatorHandle } from '../harness';

// Report and feed waits poll every few seconds, as on Amazon.
jest.setTimeout(60_000);

const DE = 'A1PA6795UKMFR9';
const FR = 'A13V1IB3VIYZZH';
const DAY = 86_400_000;

let emulator: EmulatorHandle;
const nodeType = new AmazonSellerCentral();

beforeAll(async () => {
	emulator = await startEmulator({ seed: 7, orders: 300, timeScale: 3000, reportFailureRate: 0 });
});
afterAll(async () => await emulator.stop());

async function run(parameters: INodeParameters, inputItems: IDataObject[] = [{}]) {
	const credentials = { amazonSellerCentralApi: emulatorCredentials(emulator.url, { region: 'eu', defaultMarketplaceId: DE }) };
	return await runActionNode({ nodeType, parameters, credentials, inputItems });
}

async function counts(): Promise<Record<string, number>> {
	return ((await emulatorControl(emulator.url).calls()) as unknown as { counts: Record<string, number> }).counts;
}

describe('FBA Order → Import', () => {
	it('splits 90 days into month-sized reports and outputs one item per order with its lines', async () => {
		const before = (await counts())['reports.createReport'] ?? 0;
		const { items, error } = await run({ resource: 'fbaOrder', operation: 'import', marketplaceIds: [DE, FR], options: { vcsEnabled: true } });
		expect(error).toBeUndefined();
		expect((await counts())['reports.createReport'] - before).toBe(3);
		expect(items.length).toBeGreaterThan(0);
		for (const { json } of items) {
			expect(json).toMatchObject({ status: 'Shipped', fulfillmentChannel: 'AFN', pricesAreNet: true, markAsShipped: true });
			expect((json.items as IDataObject[]).length).toBeGreaterThan(0);
			expect(json.shippingAddress).toHaveProperty('countryCode');
		}
		const ids = items.map((item) => item.json.orderId);
		expect(new Set(ids).size).toBe(ids.length);
	}, 60_000);

	it('reuses the reports of an identical recent import, so no request counts against the quota', async () => {
		const before = (await counts())['reports.createReport'] ?? 0;
		const { items } = await run({ resource: 'fbaOrder', operation: 'import', marketplaceIds: [DE, FR], options: { markAsShipped: false } });
		expect((await counts())['reports.createReport'] ?? 0).toBe(before);
		expect(items[0]?.json).toMatchObject({ markAsShipped: false, pricesAreNet: false });
	}, 60_000);

	it('refuses, sending nothing, an import that would exceed the 12-per-8-hours quota', async () => {
		const before = (await counts())['reports.createReport'] ?? 0;
		const { error } = await run({
			resource: 'fbaOrder',
			operation: 'import',
			importFrom: new Date(Date.now() - 400 * DAY).toISOString(),
			options: { reuseWithinHours: 0 },
		});
		expect(error?.message).toMatch(/may be requested 12 times per 480 minutes/);
		expect((await counts())['reports.createReport'] ?? 0).toBe(before);
	});
});

describe('VAT Invoice → Upload', () => {
	const invoice = { resource: 'vatInvoice', operation: 'upload', orderId: '028-1234567-1234567', invoiceNumber: 'RE-1', marketplaceId: DE };

	it('passes consumer orders outside the export list through as skipped, sending nothing', async () => {
		const before = await counts();
		const { items } = await run(
			{ ...invoice, isBusinessOrder: false, options: { consumerMarketplaceIds: [FR] } },
			[{ orderId: '028-1234567-1234567' }],
		);
		expect(items[0].json).toMatchObject({ orderId: '028-1234567-1234567', skipped: true, reason: expect.stringContaining('consumer (B2C) orders of marketplace A1PA6795UKMFR9') });
		expect(await counts()).toEqual(before);
	});

	it.each([
		[{ orderId: '12345' }, 'Order ID'],
		[{ invoiceNumber: ' ' }, 'Invoice Number: is empty [item 0]'],
		[{ totalAmount: 10.005 }, 'Total Amount: 10.005 is not an amount with at most 2 decimals'],
		[{ documentType: 'CreditNote', transactionId: ' ' }, 'Transaction ID: is empty'],
		[{}, 'Input Binary Field: the input item has no binary field "data" [item 0]'],
	])('refuses %j before sending anything', async (overrides, message) => {
		const before = await counts();
		const { error } = await run({ ...invoice, ...overrides });
		expect(error?.message).toContain(message);
		expect(await counts()).toEqual(before);
	});
});
