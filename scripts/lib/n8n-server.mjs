// `n8n start` as a child process group; resolves when /healthz answers.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startProcess } from './processes.mjs';

async function waitForHealth(url, handle, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	handle.exited.then(() => (exited = true));
	while (Date.now() < deadline && !exited) {
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) return;
		} catch {}
		await sleep(250);
	}
	const why = exited ? 'n8n exited during start-up' : `n8n did not become ready within ${timeoutMs / 1000}s`;
	throw new Error(`${why}\n${handle.output().slice(-4000)}`);
}

/** @returns {Promise<{ url: string, process, stop: () => Promise<void>, startedInMs: number }>} */
export async function startN8nServer(instance, { logFile = join(instance.userFolder, 'n8n-server.log'), echo = false, timeoutMs = 120000 } = {}) {
	const started = Date.now();
	const handle = startProcess('n8n', instance.installed.nodeBin, [instance.installed.n8nBin, 'start'], {
		cwd: instance.userFolder,
		env: instance.env,
		logFile,
		echo,
		readyLine: /Editor is now accessible/,
	});
	await waitForHealth(instance.url, handle, timeoutMs);
	return { url: instance.url, process: handle, stop: () => handle.stop(), startedInMs: Date.now() - started };
}
