// Cross-process lock: an exclusive directory with the owner's pid; a lock whose owner died is taken over.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { info } from './log.mjs';

function ownerIsAlive(lockDir) {
	try {
		const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
		process.kill(pid, 0);
		return true;
	} catch (error) {
		if (error.code === 'EPERM') return true;
		// The pid file is written right after mkdir: a very young lock without one is still being taken.
		return error.code === 'ENOENT' && Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs < 10000;
	}
}

export async function withLock(lockDir, work, { timeoutMs = 30 * 60 * 1000 } = {}) {
	const started = Date.now();
	let announced = false;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			if (!ownerIsAlive(lockDir)) {
				rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for lock ${lockDir}`);
			if (!announced) info(`Waiting for another process to finish (lock ${lockDir}) ...`);
			announced = true;
			await sleep(1000);
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}
