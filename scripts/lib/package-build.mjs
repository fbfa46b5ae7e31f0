// Builds this package (tsc + icons + codex files, like `npm run build`) and installs it into an n8n user folder.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_NAME, REPO_ROOT } from './paths.mjs';
import { step } from './log.mjs';
import { runCommand } from './run-command.mjs';

// Mirrors gulpfile.js `build:assets`: nodes/**/*.svg, credentials/**/*.svg, nodes/**/*.node.json.
const ASSET_RULES = [
	{ folder: 'nodes', suffixes: ['.svg', '.node.json'] },
	{ folder: 'credentials', suffixes: ['.svg'] },
];

function assetFiles() {
	return ASSET_RULES.flatMap(({ folder, suffixes }) =>
		readdirSync(join(REPO_ROOT, folder), { recursive: true })
			.filter((relative) => suffixes.some((suffix) => relative.endsWith(suffix)))
			.map((relative) => join(folder, relative)),
	);
}

/** Compiles into `<outDir>/dist` without touching the repo's own dist/ (other builds may be running). */
export async function buildPackageInto(outDir) {
	const distDir = join(outDir, 'dist');
	rmSync(distDir, { recursive: true, force: true });
	await step('Building the package (tsc)', () =>
		runCommand(join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--outDir', distDir], {
			cwd: REPO_ROOT,
		}),
	);
	for (const relative of assetFiles()) {
		mkdirSync(dirname(join(distDir, relative)), { recursive: true });
		cpSync(join(REPO_ROOT, relative), join(distDir, relative));
	}
	cpSync(join(REPO_ROOT, 'package.json'), join(outDir, 'package.json'));
	return outDir;
}

/** `npm run build` in the repo (what `npm start` uses); the result is the repo root itself. */
export async function buildPackageInRepo() {
	await step('Building the package (npm run build)', () => runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT }));
	return REPO_ROOT;
}

/**
 * Installs the built package (package.json + dist/) as a community package:
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, so node types are `<name>.<nodeName>`.
 * n8n scans that folder on start; it needs no `.n8n/nodes/package.json`. We don't write one: n8n keeps it as the
 * ledger of packages installed from npm and would try to fetch an unpublished version on the next UI install.
 */
export function installPackageIntoUserFolder(builtDir, userFolder) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(join(builtDir, 'package.json'), join(target, 'package.json'));
	cpSync(join(builtDir, 'dist'), join(target, 'dist'), { recursive: true });
	return target;
}

/**
 * Drops `n8n.nodes` / `n8n.credentials` entries whose file is not in dist/ (n8n refuses the whole package when one
 * is missing). Only the E2E runner uses this, while parts of the package are still being written; returns the
 * dropped paths so the caller can say so.
 */
export function dropUnbuiltEntries(builtDir) {
	const manifestPath = join(builtDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const dropped = [];
	for (const key of ['nodes', 'credentials']) {
		const entries = manifest.n8n?.[key] ?? [];
		manifest.n8n[key] = entries.filter((entry) => existsSync(join(builtDir, entry)) || !dropped.push(entry));
	}
	if (dropped.length) writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	return dropped;
}
