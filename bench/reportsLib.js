'use strict';
// Pieces of the report benchmark: a streaming HttpClient, an emulator in a child process (its memory is not
// ours), waiting for a report, and an RSS sampler.
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');
const { root, dist } = require('./lib');

async function readAll(stream) {
	const parts = [];
	for await (const chunk of stream) parts.push(chunk);
	return new Uint8Array(Buffer.concat(parts));
}

/**
 * HttpClient on node:http that streams document bodies as an IncomingMessage, like n8n's adapter (n8n's helper
 * returns the response stream of its HTTP client), so TCP backpressure reaches the emulator.
 */
function streamingHttp(request) {
	return new Promise((resolve, reject) => {
		const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : Buffer.from(request.body);
		const req = http.request(request.url, { method: request.method, headers: request.headers }, (res) => {
			const headers = {};
			for (const [key, value] of Object.entries(res.headers)) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
			const ok = res.statusCode >= 200 && res.statusCode < 300;
			if (request.stream && ok) return resolve({ status: res.statusCode, headers, body: new Uint8Array(), stream: res });
			readAll(res).then((bytes) => resolve({ status: res.statusCode, headers, body: bytes }), reject);
		});
		req.on('error', reject);
		req.end(body);
	});
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

module.exports = { streamingHttp, startEmulatorProcess, finishedReport, RssSampler };
