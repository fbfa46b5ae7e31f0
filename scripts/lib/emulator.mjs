// Starts the SP-API emulator (emulator/cli.js) as a child process and talks to its inspection API.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';
import { freePort } from './ports.mjs';
import { startProcess } from './processes.mjs';

export const EMULATOR_CLI = join(REPO_ROOT, 'emulator', 'cli.js');

export function emulatorAvailable() {
	return existsSync(EMULATOR_CLI);
}

/** @returns {Promise<{ url: string, port: number, process, inspect: (path, init?) => Promise<any> }>} */
export async function startEmulator({ port = 0, seed = 42, timeScale = 1, orders = 200, logFile, extraArgs = [] } = {}) {
	const chosenPort = await freePort(port);
	const args = [EMULATOR_CLI, '--port', String(chosenPort), '--seed', String(seed), '--time-scale', String(timeScale)];
	args.push('--orders', String(orders), ...extraArgs);
	const child = startProcess('SP-API emulator', process.execPath, args, {
		cwd: REPO_ROOT,
		logFile,
		readyLine: /SP-API emulator listening on (http:\/\/\S+)/,
	});
	const [, url] = await Promise.race([
		child.ready,
		new Promise((_, reject) => setTimeout(() => reject(new Error('Emulator did not start within 30s')), 30000).unref()),
	]);
	return { url, port: chosenPort, process: child, inspect: (path, init) => emulatorRequest(url, path, init) };
}

/** Calls `/_emulator/<path>`; `init.json` is sent as a JSON body. */
export async function emulatorRequest(baseUrl, path, { method = 'GET', json } = {}) {
	const response = await fetch(`${baseUrl}/_emulator/${path}`, {
		method: json !== undefined && method === 'GET' ? 'POST' : method,
		headers: json !== undefined ? { 'content-type': 'application/json' } : {},
		body: json !== undefined ? JSON.stringify(json) : undefined,
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`Emulator ${path}: HTTP ${response.status} ${text}`);
	return text ? JSON.parse(text) : null;
}
