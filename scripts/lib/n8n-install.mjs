// Installs a pinned n8n into the user cache once (idempotent, locked, with progress) and says how to run it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from './paths.mjs';
import { withLock } from './lock.mjs';
import { info, step } from './log.mjs';
import { ensureNodeRuntime, envForRuntime } from './node-runtime.mjs';
import { runCommand } from './run-command.mjs';
import { N8N_HOSTS } from './versions.mjs';

const MARKER = '.install-complete.json';

function installDir(host) {
	return join(cacheRoot(), `n8n-${host.n8nVersion}-node${host.nodeVersion.split('.')[0]}`);
}

function expectedMarker(host) {
	return { n8n: host.n8nVersion, node: host.nodeVersion, overrides: host.overrides };
}

function isInstalled(dir, host) {
	const markerPath = join(dir, MARKER);
	if (!existsSync(markerPath)) return false;
	const { completedAt, ...recorded } = JSON.parse(readFileSync(markerPath, 'utf8'));
	return JSON.stringify(recorded) === JSON.stringify(expectedMarker(host));
}

async function installInto(dir, host, runtime) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const manifest = { private: true, dependencies: { n8n: host.n8nVersion } };
	if (Object.keys(host.overrides).length) manifest.overrides = host.overrides;
	writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	const env = envForRuntime(runtime);
	const logFile = join(dir, 'install.log');
	// Install scripts stay off: @confluentinc/kafka-javascript's build fails offline; only sqlite3 needs a native build.
	await step(`Installing n8n@${host.n8nVersion}`, () =>
		runCommand('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-fund', '--no-audit', '--loglevel=error'], {
			cwd: dir,
			env,
			logFile,
		}),
		{ hint: 'first run only, about 2-3 minutes' },
	);
	// `--ignore-scripts=false`: under `npm test`/`npm start` npm exports the project's ignore-scripts=true to children
	// as npm_config_ignore_scripts, which would turn this rebuild into a silent no-op.
	await step(
		`Compiling sqlite3 for Node ${host.nodeVersion}`,
		() => runCommand('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], { cwd: dir, env, logFile }),
		{ hint: 'first run only, about 1 minute' },
	);
	const binding = join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (!existsSync(binding)) throw new Error(`sqlite3 was not built (${binding} is missing); see ${logFile}`);
	writeFileSync(join(dir, MARKER), JSON.stringify({ ...expectedMarker(host), completedAt: new Date().toISOString() }));
}

/**
 * Ensures `hostName` (a key of N8N_HOSTS) is installed.
 * @returns {Promise<{ host, dir: string, nodeBin: string, n8nBin: string, env: (extra?: object) => object }>}
 */
export async function ensureN8n(hostName = 'current') {
	const host = N8N_HOSTS[hostName];
	if (!host) throw new Error(`Unknown n8n host "${hostName}"`);
	const runtime = await ensureNodeRuntime(host.nodeVersion);
	const dir = installDir(host);
	if (isInstalled(dir, host)) {
		info(`Using cached ${host.label} (${dir})`);
	} else {
		await withLock(`${dir}.lock`, async () => {
			if (!isInstalled(dir, host)) await installInto(dir, host, runtime);
		});
	}
	return {
		host,
		dir,
		nodeBin: runtime.nodeBin,
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env: (extra = {}) => envForRuntime(runtime, { ...host.env, ...extra }),
	};
}

export function installedN8nDir(hostName = 'current') {
	return installDir(N8N_HOSTS[hostName]);
}
