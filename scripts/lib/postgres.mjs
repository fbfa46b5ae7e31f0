// PostgreSQL as a child of the test run: its own cluster in a temporary folder, a free port, trust auth on loopback,
// stopped by pid (scripts/lib/processes.mjs) and removed afterwards. PostgreSQL refuses to run as root, so as root
// the cluster belongs to the "postgres" system user the Debian package creates.
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensureDebianPackage, postgresBinDir } from './apt.mjs';
import { freePort } from './ports.mjs';
import { startProcess } from './processes.mjs';
import { withTimeout } from './redis.mjs';
import { runCommand } from './run-command.mjs';

const DB_USER = 'n8n';

function systemUser(name) {
	const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
	const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
	return { uid, gid };
}

/** Runs `binary` as the postgres user when we are root (setpriv execs in place: the pid stays the server's). */
function asPostgres(binary, args) {
	if (process.getuid?.() !== 0) return [binary, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', binary, ...args]];
}

/** @returns {Promise<{ host: string, port: number, database: string, user: string, password: string, stop: () => Promise<void> }>} */
export async function startPostgres({ logFile, database = 'n8n' } = {}) {
	const bin = await ensureDebianPackage('postgresql', postgresBinDir);
	const root = mkdtempSync(join(tmpdir(), 'amazon-spapi-pg-'));
	const dataDir = join(root, 'data');
	if (process.getuid?.() === 0) {
		const { uid, gid } = systemUser('postgres');
		chmodSync(root, 0o755);
		chownSync(root, uid, gid);
	}
	const run = (binary, args) => runCommand(...asPostgres(join(bin, binary), args), { cwd: root, logFile });
	await run('initdb', ['-D', dataDir, '-U', DB_USER, '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const port = await freePort();
	const [command, args] = asPostgres(join(bin, 'postgres'), [
		'-D', dataDir, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=100',
	]);
	const handle = startProcess('postgres', command, args, { cwd: root, logFile, readyLine: /database system is ready to accept connections/ });
	await withTimeout(handle.ready, 60000, 'postgres did not start within 60s');
	await run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, database]);
	const stop = async () => {
		await handle.stop();
		rmSync(root, { recursive: true, force: true });
	};
	process.once('exit', () => rmSync(root, { recursive: true, force: true }));
	return { host: '127.0.0.1', port, database, user: DB_USER, password: 'unused-trust-auth', process: handle, stop };
}
