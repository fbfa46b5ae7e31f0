#!/usr/bin/env node
// `npm start`: build the package, start the SP-API emulator and a real n8n with the package, demo credentials and
// example workflows; print the URL and login. Ctrl-C stops everything this command started.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from './lib/emulator.mjs';
import { DEMO_EMULATOR, demoCredentials, demoEuCredential, examplesFingerprint, exampleWorkflows } from './lib/demo-data.mjs';
import { formatSeconds, info, step } from './lib/log.mjs';
import { importCredentials, importWorkflows, n8nInstance } from './lib/n8n-cli.mjs';
import { ensureN8n } from './lib/n8n-install.mjs';
import { DEMO_OWNER, N8nRestClient } from './lib/n8n-rest.mjs';
import { startN8nServer } from './lib/n8n-server.mjs';
import { buildPackageInRepo, installPackageIntoUserFolder } from './lib/package-build.mjs';
import { DEMO_USER_FOLDER } from './lib/paths.mjs';
import { freePort } from './lib/ports.mjs';
import { isStopping, stopAllProcesses, stopProcessesOnExit } from './lib/processes.mjs';

const EMULATOR_PORT = Number(process.env.EMULATOR_PORT || 4010);
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const EXAMPLES_MARKER = '.examples-imported';

async function importExamplesIfChanged(instance) {
	const marker = join(instance.userFolder, EXAMPLES_MARKER);
	const fingerprint = examplesFingerprint();
	if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return 'unchanged';
	const examples = exampleWorkflows();
	if (examples.length) await importWorkflows(instance, examples.map(({ workflow }) => workflow));
	writeFileSync(marker, fingerprint);
	return `${examples.length} imported`;
}

async function main() {
	const started = Date.now();
	stopProcessesOnExit();
	const builtDir = await buildPackageInRepo();
	const emulator = await step('Starting the SP-API emulator', () =>
		startEmulator({ ...DEMO_EMULATOR, port: EMULATOR_PORT, logFile: join(DEMO_USER_FOLDER(), 'emulator.log') }),
	);
	const installed = await ensureN8n('current');
	const port = await freePort(N8N_PORT);
	if (port !== N8N_PORT) info(`Port ${N8N_PORT} is taken; using ${port}`);
	const instance = n8nInstance(installed, {
		userFolder: DEMO_USER_FOLDER(),
		port,
		brokerPort: await freePort(port + 3),
	});
	installPackageIntoUserFolder(builtDir, instance.userFolder);
	// Before owner set-up on the first run, so they belong to the owner. Credentials are refreshed every run: the
	// emulator URL can change.
	await step('Importing demo credentials', () => importCredentials(instance, [...demoCredentials(emulator.url), demoEuCredential(emulator.url)]));
	const examples = await step('Importing example workflows', () => importExamplesIfChanged(instance));
	info(`Example workflows: ${examples}`);
	const server = await step('Starting n8n', () => startN8nServer(instance));
	const owner = await new N8nRestClient(server.url).ensureOwner();
	console.log(`
  n8n with n8n-nodes-amazon-spapi is running (ready in ${formatSeconds(Date.now() - started)}; owner ${owner})

    Editor:    ${server.url}
    Login:     ${DEMO_OWNER.email} / ${DEMO_OWNER.password}
    Emulator:  ${emulator.url}   (inspect: ${emulator.url}/_emulator/state; a new order every 3 minutes)
    Data:      ${instance.userFolder}   (n8n log: n8n-server.log)

  Press Ctrl-C to stop n8n and the emulator.
`);
	const firstExit = await Promise.race([server.process.exited, emulator.process.exited]);
	if (isStopping()) return; // Ctrl-C: the signal handler stops the rest and exits
	info(`A child process exited unexpectedly (${JSON.stringify(firstExit)}); stopping.`);
	await stopAllProcesses();
	process.exit(1);
}

main().catch(async (error) => {
	console.error(`\n[amazon-spapi] npm start failed: ${error.stack || error.message}`);
	await stopAllProcesses();
	process.exit(1);
});
