// Long-running children (emulator, n8n server): each in its own process group, all stopped by pid on exit.
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const running = new Set();
// When set (by test/e2e/run.mjs), every process group started here is also recorded in this file, so the
// orchestrator can stop groups left behind by a test process that died without cleaning up.
const PID_REGISTRY_ENV = 'AMAZON_SPAPI_PID_REGISTRY';

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

export function registerProcessGroup(pid) {
	if (process.env[PID_REGISTRY_ENV] && pid) appendFileSync(process.env[PID_REGISTRY_ENV], `${pid}\n`);
}

/**
 * Starts a command in a new process group. Output goes to `logFile` (and to our stderr with `echo`).
 * `readyLine` (RegExp) resolves `ready` with the match when a line of output matches.
 */
export function startProcess(name, command, args, { cwd, env, logFile, echo = false, readyLine } = {}) {
	const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	registerProcessGroup(child.pid);
	if (logFile) mkdirSync(dirname(logFile), { recursive: true });
	const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
	let buffered = '';
	let resolveReady;
	let rejectReady;
	const ready = new Promise((resolvePromise, reject) => {
		resolveReady = resolvePromise;
		rejectReady = reject;
	});
	ready.catch(() => {});
	const onOutput = (chunk) => {
		const text = chunk.toString();
		log?.write(text);
		if (echo) process.stderr.write(text);
		if (!readyLine) return;
		buffered = (buffered + text).slice(-20000);
		const match = buffered.match(readyLine);
		if (match) resolveReady(match);
	};
	child.stdout.on('data', onOutput);
	child.stderr.on('data', onOutput);
	const handle = {
		name,
		pid: child.pid,
		child,
		ready,
		exited: new Promise((resolvePromise) => child.on('exit', (code, signal) => resolvePromise({ code, signal }))),
		output: () => buffered,
		stop: () => stopProcess(handle),
	};
	handle.exited.then(({ code, signal }) => {
		running.delete(handle);
		log?.end();
		rejectReady(new Error(`${name} exited (code ${code}, signal ${signal}) before it was ready\n${buffered.slice(-3000)}`));
	});
	running.add(handle);
	return handle;
}

/** SIGTERM to the process group, SIGKILL after `graceMs`. */
export async function stopProcess(handle, { graceMs = 10000 } = {}) {
	if (!running.has(handle)) return;
	signalGroup(handle.pid, 'SIGTERM');
	// The grace timer is cancelled as soon as the process exits; an uncancelled one kept every caller waiting graceMs.
	const grace = new AbortController();
	const timeout = sleep(graceMs, 'timeout', { signal: grace.signal }).catch(() => 'exited');
	const outcome = await Promise.race([handle.exited, timeout]);
	grace.abort();
	if (outcome === 'timeout') {
		signalGroup(handle.pid, 'SIGKILL');
		await handle.exited;
	}
	signalGroup(handle.pid, 'SIGKILL'); // leftovers in the group (task runners)
}

export async function stopAllProcesses() {
	await Promise.all([...running].reverse().map((handle) => stopProcess(handle)));
}

/** Kills every group synchronously; for process 'exit' where no async work can run. */
export function killAllProcessesNow() {
	for (const handle of running) signalGroup(handle.pid, 'SIGKILL');
}

let installed = false;
let stopping = false;
/** True once a signal handler of stopProcessesOnExit is shutting everything down (children exit on purpose then). */
export const isStopping = () => stopping;

/** On SIGINT/SIGTERM: stop children gracefully, run `beforeExit`, exit 130/143. On exit: kill what is left. */
export function stopProcessesOnExit(beforeExit = async () => {}) {
	if (installed) return;
	installed = true;
	process.on('exit', killAllProcessesNow);
	for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
		process.once(signal, async () => {
			stopping = true;
			process.stderr.write(`\n[amazon-spapi] ${signal}: stopping everything this command started ...\n`);
			await stopAllProcesses();
			await beforeExit();
			process.exit(code);
		});
	}
}

/** Stops every process group recorded in the pid registry file (see PID_REGISTRY_ENV); returns how many were alive. */
export function killRegisteredGroups(registryFile) {
	if (!existsSync(registryFile)) return 0;
	const pids = readFileSync(registryFile, 'utf8').split('\n').filter(Boolean).map(Number);
	return pids.filter((pid) => signalGroup(pid, 'SIGKILL')).length;
}

export { PID_REGISTRY_ENV };
