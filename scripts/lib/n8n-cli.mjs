// Runs n8n CLI commands (import, execute, publish) against one user folder with a quiet, offline-friendly env.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.mjs';

/**
 * An n8n "instance": an installed n8n (from ensureN8n) + a user folder + the ports its server would use.
 * @returns {{ installed, userFolder: string, port: number, brokerPort: number, url: string, env: object }}
 */
export function n8nInstance(installed, { userFolder, port, brokerPort, extraEnv = {} }) {
	mkdirSync(userFolder, { recursive: true });
	const env = installed.env({
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort), // default 5679 would collide with a second instance
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'warn',
		...extraEnv,
	});
	return { installed, userFolder, port, brokerPort, url: `http://127.0.0.1:${port}`, env };
}

export function runN8n(instance, args, options = {}) {
	return runCommand(instance.installed.nodeBin, [instance.installed.n8nBin, ...args], {
		cwd: instance.userFolder,
		env: instance.env,
		timeoutMs: 5 * 60 * 1000,
		...options,
	});
}

function writeInput(instance, fileName, content) {
	const dir = join(instance.userFolder, 'imports');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, fileName);
	writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	return file;
}

/** `credentials`: [{ id, name, type, data: { ...plain fields } }] — n8n encrypts them on import. */
export async function importCredentials(instance, credentials) {
	const file = writeInput(instance, `credentials-${Date.now()}.json`, credentials);
	await runN8n(instance, ['import:credentials', `--input=${file}`]);
}

/** `workflow`: an exported workflow object (with `id`) or an array of them. */
export async function importWorkflows(instance, workflows) {
	const list = Array.isArray(workflows) ? workflows : [workflows];
	const file = writeInput(instance, `workflows-${Date.now()}.json`, list);
	await runN8n(instance, ['import:workflow', `--input=${file}`]);
}

/**
 * Parses the run JSON printed by `execute --rawOutput`: pretty-printed, from a line that is `{` to a line that is `}`;
 * log lines may surround it.
 */
export function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	const end = lines.findIndex((line, index) => index >= start && line.trimEnd() === '}');
	if (start === -1 || end === -1) throw new Error(`No JSON in n8n output:\n${stdout.slice(-3000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

/**
 * `n8n execute --id=<id> --rawOutput`. Never `--file`: it prints '"--id" has to be set!' and exits 0.
 * @returns {Promise<{ code: number, run: object | null, stdout: string, stderr: string }>}
 */
export async function executeWorkflow(instance, workflowId) {
	// The JSON is written through n8n's logger at level info: N8N_LOG_LEVEL=warn or error prints nothing.
	const result = await runN8n(instance, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		allowFailure: true,
		env: { ...instance.env, N8N_LOG_LEVEL: 'info' },
	});
	let run = null;
	try {
		run = parseRawOutput(result.stdout);
	} catch {
		run = null;
	}
	return { ...result, run };
}

/** Items a node produced in a run: `[{ json, ... }]` of its first output of its last run. */
export function nodeOutput(run, nodeName, outputIndex = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(run?.data?.resultData?.runData ?? {})}`);
	return runs.at(-1).data?.main?.[outputIndex] ?? [];
}

/** Activates a workflow (needed for polling triggers): `publish:workflow` on 2.x, `update:workflow --active` on 1.x. */
export async function activateWorkflow(instance, workflowId) {
	const major = Number(instance.installed.host.n8nVersion.split('.')[0]);
	const args = major >= 2 ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true'];
	await runN8n(instance, args);
}

export async function exportWorkflow(instance, workflowId) {
	const file = join(instance.userFolder, 'imports', `export-${workflowId}-${Date.now()}.json`);
	await runN8n(instance, ['export:workflow', `--id=${workflowId}`, `--output=${file}`]);
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	return Array.isArray(exported) ? exported[0] : exported;
}
