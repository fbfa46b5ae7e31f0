'use strict';
// P3 benchmark: report documents streamed by the SDK core vs the npm `amazon-sp-api` client's streaming route
// (downloadStream → iconv-lite → csvtojson), both against the same emulator documents, in this process.
//  1. a 100 MiB EU (Cp1252, gzip) listings report streamed to row objects: throughput ratio and peak RSS;
//  2. a 1 GiB report streamed to a binary file by the core, gzip and plain (compression ratio 1), each in a fresh
//     child process so its peak RSS is its own; the target is under 256 MiB.
// Prints `P3 …` lines for machines; exits non-zero when a run is incomplete or the memory target is missed.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { dist, root, SELLER } = require('./lib');
const { streamingHttp, startEmulatorProcess, finishedReport, RssSampler } = require('./reportsLib');
const { redirectHttpsTo } = require('./baseline');

const DE = 'A1PA6795UKMFR9';
const MIB = 1024 * 1024;
const ROWS_MB = Number(process.env.BENCH_REPORT_MB || 100);
const BINARY_MB = Number(process.env.BENCH_BINARY_MB || 1024);
const RSS_TARGET_MIB = 256;
const ROUNDS = 3;

function coreClient(url) {
	const { SpApiClient, RateLimiter, LwaTokenCache, RdtCache } = dist('nodes/AmazonSpApi/core');
	const clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
	return new SpApiClient({
		credentials: { ...SELLER, region: 'eu', environment: 'custom', customBaseUrl: url, customTokenUrl: `${url}/auth/o2/token` },
		http: streamingHttp,
		clock,
		limiter: new RateLimiter({ clock }),
		tokens: new LwaTokenCache(),
		rdtCache: new RdtCache(),
	});
}

async function oursToRows(client, location) {
	const { downloadDocumentRows } = dist('nodes/AmazonSpApi/core');
	let rows = 0;
	const result = await downloadDocumentRows(client, location, { onRows: (batch) => void (rows += batch.length) });
	if (result.format !== 'tsv' || result.charset !== 'windows-1252') throw new Error(`ours: unexpected ${result.format} ${result.charset}`);
	return { rows };
}

async function baselineToRows(sp, location) {
	const iconv = require('iconv-lite');
	const csv = require('csvtojson');
	const stream = await sp.downloadStream({ url: location.url, compressionAlgorithm: 'GZIP' });
	let rows = 0;
	await new Promise((resolve, reject) => {
		stream
			.on('error', reject)
			.pipe(iconv.decodeStream('win1252'))
			.pipe(csv({ delimiter: '\t', quote: 'off', checkType: false, downstreamFormat: 'line' }))
			.on('data', () => rows++)
			.on('error', reject)
			.on('done', (error) => (error ? reject(error) : resolve()));
	});
	return { rows };
}

/** Compressed and plain size of a document, streamed (nothing held in this process). */
async function measureDocument(url) {
	const { createGunzip } = require('zlib');
	const response = await fetch(url);
	const gunzip = createGunzip();
	let compressedBytes = 0;
	let plainBytes = 0;
	gunzip.on('data', (chunk) => (plainBytes += chunk.length));
	const ended = new Promise((resolve, reject) => gunzip.on('end', resolve).on('error', reject));
	for await (const chunk of response.body) {
		compressedBytes += chunk.length;
		if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once('drain', resolve));
	}
	gunzip.end();
	await ended;
	return { compressedBytes, plainBytes };
}

async function timed(label, sampler, run) {
	sampler.reset();
	const began = process.hrtime.bigint();
	const result = await run();
	const seconds = Number(process.hrtime.bigint() - began) / 1e9;
	return { label, seconds, peakRssMib: sampler.peakMib(), ...result };
}

async function rowsBenchmark() {
	const emulator = await startEmulatorProcess(['--report-mb', String(ROWS_MB)]);
	try {
		const client = coreClient(emulator.url);
		const { getReportDocument } = dist('nodes/AmazonSpApi/core');
		const report = await finishedReport(client, { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE] });
		const location = () => getReportDocument(client, report.reportDocumentId);
		// Warm-up: the emulator generates and compresses the document on its first download.
		const { compressedBytes, plainBytes } = await measureDocument((await location()).url);
		const restore = redirectHttpsTo(emulator.url);
		const SellingPartner = require('amazon-sp-api');
		const sp = new SellingPartner({
			region: 'eu',
			refresh_token: SELLER.refreshToken,
			credentials: { SELLING_PARTNER_APP_CLIENT_ID: SELLER.clientId, SELLING_PARTNER_APP_CLIENT_SECRET: SELLER.clientSecret },
			options: { auto_request_tokens: false, only_grantless_operations: false },
		});
		const sampler = new RssSampler();
		const runs = { ours: [], baseline: [] };
		try {
			for (let round = 0; round < ROUNDS; round++) {
				runs.ours.push(await timed('ours', sampler, async () => oursToRows(client, await location())));
				runs.baseline.push(await timed('baseline', sampler, async () => baselineToRows(sp, await location())));
			}
		} finally {
			sampler.stop();
			restore();
		}
		return { compressedBytes, plainBytes, runs };
	} finally {
		await emulator.stop();
	}
}

/** Child mode: stream one report document to a file with the core and print the process's peak RSS. */
async function binaryChild(url, reportDocumentId) {
	const client = coreClient(url);
	const { getReportDocument, openDocument } = dist('nodes/AmazonSpApi/core');
	const file = path.join(os.tmpdir(), `p3-binary-${process.pid}.tsv`);
	const began = process.hrtime.bigint();
	const document = await openDocument(client, await getReportDocument(client, reportDocumentId));
	const out = fs.createWriteStream(file);
	let written = 0;
	for await (const chunk of document.chunks) {
		written += chunk.length;
		if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
	}
	await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
	const seconds = Number(process.hrtime.bigint() - began) / 1e9;
	fs.rmSync(file, { force: true });
	const peakRssMib = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(JSON.stringify({ written, received: document.bytesReceived(), seconds, peakRssMib }) + '\n');
}

async function binaryBenchmark(plain) {
	const emulator = await startEmulatorProcess(['--report-mb', String(BINARY_MB), ...(plain ? ['--report-plain'] : [])]);
	try {
		const client = coreClient(emulator.url);
		const report = await finishedReport(client, { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE] });
		if (!plain) {
			// Let the emulator compress the document once, as S3 holds it, so the run measures the client only.
			const { getReportDocument } = dist('nodes/AmazonSpApi/core');
			const response = await fetch((await getReportDocument(client, report.reportDocumentId)).url);
			for await (const chunk of response.body) void chunk;
		}
		const output = await new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [__filename, '--binary-child', emulator.url, report.reportDocumentId], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
			let text = '';
			child.stdout.on('data', (chunk) => (text += chunk));
			child.on('error', reject);
			child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`binary child exited with ${code}`))));
		});
		return JSON.parse(output.trim().split('\n').pop());
	} finally {
		await emulator.stop();
	}
}

const mibps = (bytes, seconds) => bytes / MIB / seconds;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const rows = await rowsBenchmark();
	const ours = rows.runs.ours;
	const base = rows.runs.baseline;
	const expectedRows = ours[0].rows;
	const complete = [...ours, ...base].every((run) => run.rows === expectedRows && expectedRows > 0);
	const oursSpeed = median(ours.map((run) => mibps(rows.plainBytes, run.seconds)));
	const baseSpeed = median(base.map((run) => mibps(rows.plainBytes, run.seconds)));
	console.log(`Report rows: ${(rows.plainBytes / MIB).toFixed(1)} MiB Cp1252 (${(rows.compressedBytes / MIB).toFixed(1)} MiB gzip), ${expectedRows} rows, ${ROUNDS} rounds`);
	console.log(`  ours      ${oursSpeed.toFixed(1)} MiB/s  peak RSS ${Math.max(...ours.map((r) => r.peakRssMib)).toFixed(0)} MiB`);
	console.log(`  baseline  ${baseSpeed.toFixed(1)} MiB/s  peak RSS ${Math.max(...base.map((r) => r.peakRssMib)).toFixed(0)} MiB  (amazon-sp-api downloadStream + iconv-lite + csvtojson)`);
	console.log(`P3 rows_mib=${(rows.plainBytes / MIB).toFixed(1)} ours_mibps=${oursSpeed.toFixed(1)} baseline_mibps=${baseSpeed.toFixed(1)} ratio=${(oursSpeed / baseSpeed).toFixed(2)} rows=${expectedRows} complete=${complete}`);
	let ok = complete;
	for (const plain of [false, true]) {
		const run = await binaryBenchmark(plain);
		const label = plain ? 'plain' : 'gzip';
		const full = run.written >= BINARY_MB * MIB * 0.99;
		const underTarget = run.peakRssMib < RSS_TARGET_MIB;
		console.log(`Binary ${label}: ${(run.written / MIB).toFixed(0)} MiB written from ${(run.received / MIB).toFixed(1)} MiB received in ${run.seconds.toFixed(1)} s (${mibps(run.written, run.seconds).toFixed(0)} MiB/s), peak RSS ${run.peakRssMib.toFixed(0)} MiB (target < ${RSS_TARGET_MIB})`);
		console.log(`P3 binary=${label} written_mib=${(run.written / MIB).toFixed(0)} received_mib=${(run.received / MIB).toFixed(1)} peak_rss_mib=${run.peakRssMib.toFixed(0)} target_mib=${RSS_TARGET_MIB} complete=${full} ok=${full && underTarget}`);
		ok = ok && full && underTarget;
	}
	if (!ok) throw new Error('P3 benchmark incomplete or over its memory target');
}

if (process.argv[2] === '--binary-child') {
	binaryChild(process.argv[3], process.argv[4]).catch((error) => {
		process.stderr.write(String(error.stack || error) + '\n');
		process.exit(1);
	});
}

module.exports = { main, rowsBenchmark, binaryBenchmark };

if (require.main === module && process.argv[2] !== '--binary-child') {
	main().catch((error) => {
		process.stderr.write(String(error.stack || error) + '\n');
		process.exit(1);
	});
}
