// Shared pieces of the E2E test files: the n8n instance on the run's user folder, its server, the emulator.
import { after } from 'node:test';
import { startEmulator } from '../../../scripts/lib/emulator.mjs';
import { n8nInstance } from '../../../scripts/lib/n8n-cli.mjs';
import { ensureN8n } from '../../../scripts/lib/n8n-install.mjs';
import { N8nRestClient } from '../../../scripts/lib/n8n-rest.mjs';
import { startN8nServer } from '../../../scripts/lib/n8n-server.mjs';
import { freePortPair } from '../../../scripts/lib/ports.mjs';
import { stopAllProcesses, stopProcessesOnExit } from '../../../scripts/lib/processes.mjs';
import { loadContext } from './context.mjs';

export const context = loadContext();

stopProcessesOnExit();
after(() => stopAllProcesses());

/** The run's n8n (current host by default) on free ports. */
export async function testInstance(hostName = 'current') {
	const installed = await ensureN8n(hostName);
	const [port, brokerPort] = await freePortPair();
	const userFolder = hostName === 'current' ? context.userFolder : context.legacyUserFolder;
	return n8nInstance(installed, { userFolder, port, brokerPort });
}

/** Emulator child for one test file; stopped after the file. */
export async function testEmulator(options = {}) {
	return startEmulator({ seed: 42, orders: 30, timeScale: 60, ...options });
}

/** Starts `n8n start` and returns `{ server, rest }` with the owner logged in. */
export async function startServerWithOwner(instance) {
	const server = await startN8nServer(instance);
	const rest = new N8nRestClient(server.url, { n8nDir: instance.installed.dir });
	await rest.ensureOwner();
	return { server, rest };
}
