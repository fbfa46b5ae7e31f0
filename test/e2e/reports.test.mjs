// Feed, Report, FBA Order and VAT Invoice operations in a real n8n 2.41.1 (`n8n execute`) against the emulator: the
// three examples, one workflow that runs every other operation, and a 1 GiB report streamed to n8n binary data with
// the n8n process's peak RSS measured (against the same workflow on a small report).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { demoCredentials, demoEuCredential, exampleWorkflows } from '../../scripts/lib/demo-data.mjs';
import { executeWorkflow, importCredentials, importWorkflows, nodeOutput } from '../../scripts/lib/n8n-cli.mjs';
import { skipUnless } from './lib/context.mjs';
import { context, testEmulator, testInstance } from './lib/harness.mjs';
import { injectOrder } from './lib/orders.mjs';
import { allOperationsWorkflow, bigReportWorkflow } from './lib/reportWorkflows.mjs';

const NODE = 'AmazonSellerCentral/AmazonSellerCentral.node.js';
const EXAMPLES = ['fba-orders-from-report.json', 'weekly-listings-report-binary.json', 'vat-invoice-upload-b2b.json'];
const requirements = { credentials: ['AmazonSellerCentralApi.credentials.js'], nodes: [NODE], examples: EXAMPLES };
const DE = 'A1PA6795UKMFR9';
const IT = 'APJ6JRA9NG5V4';
const MIB = 1024 * 1024;
const BIG_REPORT_MB = Number(process.env.E2E_BIG_REPORT_MB || 1024);
const RSS_GROWTH_TARGET_MIB = 256;
const TWO_HOURS_AGO = () => new Date(Date.now() - 2 * 3600_000).toISOString();

function saveRun(name, run) {
	writeFileSync(join(context.artifactsDir, `reports-${name}.run.json`), JSON.stringify(run, null, 2));
}

async function execute(instance, workflowId, name) {
	const result = await executeWorkflow(instance, workflowId);
	assert.equal(result.code, 0, `n8n execute failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
	saveRun(name, result.run);
	assert.equal(result.run?.data?.resultData?.error, undefined, `workflow error: ${JSON.stringify(result.run?.data?.resultData?.error)}`);
	return result.run;
}

/** The largest file under a folder (n8n's binary data store lives in the user folder). */
function largestFile(dir) {
	let largest = { path: null, size: 0 };
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		const candidate = entry.isDirectory() ? largestFile(path) : { path, size: statSync(path).size };
		if (candidate.size > largest.size) largest = candidate;
	}
	return largest;
}

/** `n8n execute` under /usr/bin/time: the n8n process's peak RSS in MiB. */
function executeMeasured(instance, workflowId) {
	return new Promise((resolve, reject) => {
		const args = ['-f', 'MAXRSS_KB=%M', instance.installed.nodeBin, instance.installed.n8nBin, 'execute', `--id=${workflowId}`];
		const child = spawn('/usr/bin/time', args, { cwd: instance.userFolder, env: { ...instance.env, N8N_LOG_LEVEL: 'warn' } });
		let stderr = '';
		child.stdout.resume();
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('exit', (code) => {
			const match = /MAXRSS_KB=(\d+)/.exec(stderr);
			if (code !== 0 || !match) return reject(new Error(`n8n execute exited ${code}: ${stderr.slice(-2000)}`));
			resolve(Number(match[1]) / 1024);
		});
	});
}

describe('feeds, reports, FBA import and VAT invoices in n8n 2.41.1', skipUnless(context, requirements), () => {
	let emulator;
	let instance;

	before(async () => {
		emulator = await testEmulator({ orders: 0, timeScale: 60, extraArgs: ['--report-failure-rate', '0'] });
		instance = await testInstance('current');
		await importCredentials(instance, [...demoCredentials(emulator.url), demoEuCredential(emulator.url)]);
		const examples = exampleWorkflows().filter(({ file }) => EXAMPLES.includes(file)).map(({ workflow }) => workflow);
		await importWorkflows(instance, [...examples, allOperationsWorkflow()]);
	});

	test('example: FBA orders from the shipments report become one row per order line', { timeout: 300000 }, async () => {
		const shipped = await injectOrder(emulator, { marketplaceId: DE, fulfillmentChannel: 'AFN', status: 'Shipped', lastUpdateDate: TWO_HOURS_AGO() });
		const run = await execute(instance, 'amzExFbaOrders01', 'fba');
		const orders = nodeOutput(run, 'Import FBA Orders');
		const order = orders.find(({ json }) => json.orderId === shipped.orderId);
		assert.ok(order, `the shipped FBA order is imported (got ${orders.map(({ json }) => json.orderId)})`);
		assert.equal(order.json.pricesAreNet, true);
		assert.equal(order.json.markAsShipped, true);
		const rows = nodeOutput(run, 'Spreadsheet Row').filter(({ json }) => json.orderId === shipped.orderId);
		assert.equal(rows.length, shipped.items.length);
		assert.ok(rows.every(({ json }) => json.sku && json.quantity >= 1 && json.currency === 'EUR'), JSON.stringify(rows));
	});

	test('example: the weekly listings report lands as a binary file', { timeout: 300000 }, async () => {
		const run = await execute(instance, 'amzExListings01', 'listings');
		const [item] = nodeOutput(run, 'Listings Report as File');
		assert.equal(item.json.reportType, 'GET_MERCHANT_LISTINGS_ALL_DATA');
		assert.equal(item.json.charset, 'Cp1252');
		assert.equal(item.binary.listings.mimeType, 'text/tab-separated-values');
		assert.ok(item.binary.listings.bytes > 1000, `file size ${item.binary.listings.bytes}`);
	});

	test('example: VAT invoices go out for business orders of DE and FR only', { timeout: 300000 }, async () => {
		const business = await injectOrder(emulator, { marketplaceId: DE, isBusiness: true });
		const consumer = await injectOrder(emulator, { marketplaceId: DE, isBusiness: false });
		const elsewhere = await injectOrder(emulator, { marketplaceId: IT, isBusiness: true });
		const run = await execute(instance, 'amzExVatB2B01', 'vat');
		const out = nodeOutput(run, 'Upload VAT Invoice');
		const byOrder = (order) => out.find(({ json }) => json.orderReference === order.orderId || json.orderId === order.orderId);
		assert.equal(byOrder(business)?.json.processingStatus, 'DONE', JSON.stringify(byOrder(business)?.json));
		assert.equal(byOrder(business).json.success, true);
		assert.equal(byOrder(consumer)?.json.skipped, true);
		assert.equal(byOrder(elsewhere)?.json.skipped, true);
		const { invoices } = (await emulator.inspect('state')).feeds;
		assert.deepEqual(invoices.map((invoice) => invoice.orderId), [business.orderId]);
		assert.equal(invoices[0].invoiceNumber, `RE-${business.orderId.slice(-7)}`);
	});

	test('every Feed and Report operation runs', { timeout: 300000 }, async () => {
		const run = await execute(instance, 'amzE2eFeedsReports01', 'all-operations');
		const first = (name) => nodeOutput(run, name)[0]?.json;
		assert.ok(nodeOutput(run, 'Request and Download').length >= 1);
		assert.ok(first('Request and Download')['seller-sku']);
		assert.ok(first('Get Many Reports').reportId);
		assert.equal(first('Get Report').processingStatus, 'DONE');
		assert.ok(first('Download Report')['seller-sku']);
		assert.equal(first('Cancel Report').cancelled, true);
		assert.ok(first('Create Schedule').reportScheduleId);
		assert.equal(first('Get Many Schedules').period, 'P7D');
		assert.equal(first('Cancel Schedule').cancelled, true);
		assert.equal(first('Upload Listings Feed').processingStatus, 'DONE');
		assert.equal(first('Get Feed').processingStatus, 'DONE');
		assert.ok(Array.isArray(first('Get Feed Result').messages));
		assert.ok(nodeOutput(run, 'Get Many Feeds').length >= 1);
		assert.equal(first('Cancel Feed').cancelled, true);
	});
});

describe('a 1 GiB report streamed into n8n binary data', skipUnless(context, requirements), () => {
	test(`peak RSS of n8n grows by less than ${RSS_GROWTH_TARGET_MIB} MiB`, { timeout: 900000 }, async () => {
		const small = await testEmulator({ orders: 0, timeScale: 600, extraArgs: ['--report-failure-rate', '0'] });
		const big = await testEmulator({ orders: 0, timeScale: 600, extraArgs: ['--report-failure-rate', '0', '--report-mb', String(BIG_REPORT_MB)] });
		const instance = await testInstance('current');
		await importCredentials(instance, [demoEuCredential(small.url, {}), { ...demoEuCredential(big.url), id: 'amzSellerBigEU001', name: 'Emulator with a big report' }]);
		await importWorkflows(instance, [bigReportWorkflow('amzE2eSmallReport01', 'amzSellerDemoEU01'), bigReportWorkflow('amzE2eBigReport01', 'amzSellerBigEU001')]);
		const baseline = await executeMeasured(instance, 'amzE2eSmallReport01');
		const peak = await executeMeasured(instance, 'amzE2eBigReport01');
		const growth = peak - baseline;
		const line = `P3 e2e_binary_mib=${BIG_REPORT_MB} n8n_peak_rss_small_mib=${baseline.toFixed(0)} n8n_peak_rss_big_mib=${peak.toFixed(0)} growth_mib=${growth.toFixed(0)} target_mib=${RSS_GROWTH_TARGET_MIB}`;
		console.log(line);
		writeFileSync(join(context.artifactsDir, 'reports-big-binary.txt'), line + '\n');
		const file = largestFile(instance.userFolder);
		rmSync(file.path, { force: true });
		assert.ok(file.size >= BIG_REPORT_MB * MIB * 0.99, `the binary file holds the whole report (${(file.size / MIB).toFixed(0)} MiB)`);
		assert.ok(growth < RSS_GROWTH_TARGET_MIB, line);
	});
});
