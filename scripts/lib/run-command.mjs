// Runs a command to completion, capturing its output to a log file (shown on failure) or returning it.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { registerProcessGroup } from './processes.mjs';

function tail(text, lines = 40) {
	return text.split('\n').slice(-lines).join('\n');
}

/**
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 * Options: cwd, env, logFile (output appended there), allowFailure, timeoutMs, input.
 */
export function runCommand(command, args, { cwd, env = process.env, logFile, allowFailure = false, timeoutMs = 0 } = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		registerProcessGroup(child.pid);
		let stdout = '';
		let stderr = '';
		const record = (chunk, sink) => {
			const text = chunk.toString();
			if (logFile) appendFileSync(logFile, text);
			return sink + text;
		};
		child.stdout.on('data', (chunk) => (stdout = record(chunk, stdout)));
		child.stderr.on('data', (chunk) => (stderr = record(chunk, stderr)));
		const killGroup = () => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
		};
		const onParentExit = () => killGroup();
		process.once('exit', onParentExit);
		const timer = timeoutMs ? setTimeout(killGroup, timeoutMs) : undefined;
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			process.removeListener('exit', onParentExit);
			const result = { code: code ?? 1, stdout, stderr };
			if (code === 0 || allowFailure) return resolvePromise(result);
			const log = logFile ? tail(readFileSync(logFile, 'utf8')) : tail(stdout + stderr);
			const reason = signal ? `signal ${signal}` : `exit code ${code}`;
			reject(new Error(`${command} ${args.join(' ')} failed (${reason})\n${log}`));
		});
	});
}
