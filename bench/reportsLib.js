'use strict';
// Pieces of the report benchmark: a streaming fetch HttpClient, an emulator in a child process (its memory is not
// ours), waiting for a report, and an RSS sampler.
const { spawn } = require('child_process');
const path = require('path');
const { root, dist } = require('./lib');

/** fetch-based HttpClient that streams document bodies, as n8n's adapter does. */
async function streamingFetchHttp(request) {
	const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
	const headers = {};
	res.headers.forEach((value, key) => (headers[key] = value));
	if (request.stream && res.ok && res.body) return { status: res.status, headers, body: new Uint8Array(), stream: res.body };
	return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
}

/** The emulator CLI on a free port, fast virtual time, no seeded report failures. */
function startEmulatorProcess(extraArgs) {
	const args = [path.join(root, 'emulator/cli.js'), '--port', '0', '--time-scale', '20000', '--report-failure-rate', '0', '--orders', '0', ...extraArgs];
	const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolve, reject) => {
		let text = '';
		child.on('error', reject);
		child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
		child.stdout.on('data', (chunk) => {
			text += chunk;
			const match = /listening on (\S+)/.exec(text);
			if (!match) return;
			child.stdout.removeAllListeners('data');
			child.stdout.resume();
			resolve({
				url: match[1],
				stop: () =>
					new Promise((done) => {
						child.removeAllListeners('exit');
						child.once('exit', done);
						child.kill('SIGTERM');
					}),
			});
		});
	});
}

async function finishedReport(client, input) {
	const { createReport, waitForReport } = dist('nodes/AmazonSpApi/core');
	const reportId = await createReport(client, input);
	const report = await waitForReport(client, reportId, { timeoutMs: 60_000, pollIntervalMs: 50 });
	if (report.processingStatus !== 'DONE') throw new Error(`report ${reportId} ended ${report.processingStatus}`);
	return report;
}

/** Samples this process's RSS every 10 ms; peakMib() since the last reset(). */
class RssSampler {
	constructor() {
		this.peak = 0;
		this.timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage.rss())), 10);
	}
	reset() {
		this.peak = process.memoryUsage.rss();
	}
	peakMib() {
		return Math.max(this.peak, process.memoryUsage.rss()) / 1024 / 1024;
	}
	stop() {
		clearInterval(this.timer);
	}
}

module.exports = { streamingFetchHttp, startEmulatorProcess, finishedReport, RssSampler };
