// Debian packages the queue-mode E2E needs (redis-server, postgresql), installed with apt-get when missing.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withLock } from './lock.mjs';
import { step } from './log.mjs';
import { cacheRoot } from './paths.mjs';
import { runCommand } from './run-command.mjs';

let updated = false;

/** The first existing path `find()` returns after installing `pkg` if needed; throws with the way out when it cannot. */
export async function ensureDebianPackage(pkg, find) {
	const found = find();
	if (found) return found;
	if (!existsSync('/usr/bin/apt-get')) throw new Error(`${pkg} is missing and this system has no apt-get: install ${pkg} and retry`);
	if (process.getuid?.() !== 0) throw new Error(`${pkg} is missing: run "sudo apt-get install -y ${pkg}" and retry`);
	// One apt at a time on this machine (parallel E2E runs would fight over dpkg's lock).
	mkdirSync(cacheRoot(), { recursive: true });
	await withLock(join(cacheRoot(), 'apt.lock'), async () => {
		if (find()) return;
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		await step(`Installing ${pkg} with apt-get`, async () => {
			if (!updated) await runCommand('apt-get', ['update'], { env, timeoutMs: 5 * 60 * 1000 });
			updated = true;
			await runCommand('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env, timeoutMs: 10 * 60 * 1000 });
		});
	});
	const installed = find();
	if (!installed) throw new Error(`apt-get installed ${pkg}, but its programs were not found`);
	return installed;
}

/** `/usr/lib/postgresql/<newest>/bin`, when a PostgreSQL server is installed. */
export function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

export function redisServerPath() {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path)) ?? null;
}
