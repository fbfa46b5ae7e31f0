// Redis as a child of the test run: a free port, no persistence, stopped by pid (scripts/lib/processes.mjs).
import { ensureDebianPackage, redisServerPath } from './apt.mjs';
import { freePort } from './ports.mjs';
import { startProcess } from './processes.mjs';

/** @returns {Promise<{ host: string, port: number, process, stop: () => Promise<void> }>} */
export async function startRedis({ logFile } = {}) {
	const redisServer = await ensureDebianPackage('redis-server', redisServerPath);
	const port = await freePort();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
	const handle = startProcess('redis-server', redisServer, args, { logFile, readyLine: /Ready to accept connections/ });
	await withTimeout(handle.ready, 30000, 'redis-server did not start within 30s');
	return { host: '127.0.0.1', port, process: handle, stop: () => handle.stop() };
}

export async function withTimeout(promise, ms, message) {
	let timer;
	const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
