#!/usr/bin/env node
// `npm run test:e2e`: installs (or reuses) n8n, builds the package into a temp dir, installs it into a fresh n8n
// user folder, runs test/e2e/*.test.mjs with node:test, and stops every process it or the tests started.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatSeconds, info } from '../../scripts/lib/log.mjs';
import { ensureN8n } from '../../scripts/lib/n8n-install.mjs';
import { buildPackageInto, dropUnbuiltEntries, installPackageIntoUserFolder } from '../../scripts/lib/package-build.mjs';
import { REPO_ROOT } from '../../scripts/lib/paths.mjs';
import { killRegisteredGroups, PID_REGISTRY_ENV } from '../../scripts/lib/processes.mjs';
import { CONTEXT_ENV } from './lib/context.mjs';

// Order matters: cheap checks first; the browser and the 1.x host last.
const TEST_ORDER = ['credentials', 'headless', 'reports', 'listings', 'vendor', 'polling', 'queue-mode', 'browser', 'compat-n8n1'];
const E2E_DIR = join(REPO_ROOT, 'test', 'e2e');
const started = Date.now();
const keepRunDir = process.env.E2E_KEEP === '1';
const runDir = mkdtempSync(join(tmpdir(), 'amazon-spapi-e2e-'));
const pidRegistry = join(runDir, 'process-groups.txt');
process.env[PID_REGISTRY_ENV] = pidRegistry;

let cleanedUp = false;
function cleanUp() {
	if (cleanedUp) return;
	cleanedUp = true;
	const killed = killRegisteredGroups(pidRegistry);
	if (killed) info(`Stopped ${killed} process group(s) left running by the tests`);
	if (keepRunDir) info(`Kept ${runDir} (E2E_KEEP=1)`);
	else rmSync(runDir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.once(signal, () => process.exit(code));

function testFiles() {
	const present = new Set(readdirSync(E2E_DIR).filter((file) => file.endsWith('.test.mjs')));
	const ordered = TEST_ORDER.map((name) => `${name}.test.mjs`).filter((file) => present.delete(file));
	const only = process.argv.slice(2); // `node test/e2e/run.mjs polling browser` runs just those files
	const files = [...ordered, ...[...present].sort()].filter((file) => !only.length || only.some((name) => file.startsWith(name)));
	return files.map((file) => join(E2E_DIR, file));
}

async function prepare(files) {
	const hosts = { current: await ensureN8n('current') };
	// The n8n 1.x host is a separate install: only when a compat file runs.
	const needsLegacy = files.some((file) => basename(file).startsWith('compat'));
	if (needsLegacy && process.env.E2E_SKIP_LEGACY !== '1') hosts.legacy = await ensureN8n('legacy');
	const context = {
		repoRoot: REPO_ROOT,
		runDir,
		artifactsDir: join(E2E_DIR, 'artifacts'),
		userFolder: join(runDir, 'n8n-user'),
		legacyUserFolder: join(runDir, 'n8n-user-legacy'),
		packageDir: null,
		buildError: null,
		notBuilt: [],
		hosts: Object.fromEntries(Object.keys(hosts).map((name) => [name, true])),
	};
	mkdirSync(context.artifactsDir, { recursive: true });
	try {
		context.packageDir = await buildPackageInto(join(runDir, 'package'));
		context.notBuilt = dropUnbuiltEntries(context.packageDir);
		if (context.notBuilt.length) {
			info(`NOT IN THE REPO YET (left out of package.json for this run; tests needing them are skipped): ${context.notBuilt.join(', ')}`);
		}
		installPackageIntoUserFolder(context.packageDir, context.userFolder);
		if (hosts.legacy) installPackageIntoUserFolder(context.packageDir, context.legacyUserFolder);
	} catch (error) {
		context.buildError = error.message.split('\n').slice(0, 6).join(' | ');
		info(`The package does not build; tests that need it will be skipped:\n${error.message}`);
	}
	const contextFile = join(runDir, 'context.json');
	writeFileSync(contextFile, JSON.stringify(context, null, 2));
	return { context, contextFile };
}

function runNodeTest(file, contextFile) {
	return new Promise((resolvePromise) => {
		const child = spawn(process.execPath, ['--test', file], {
			cwd: REPO_ROOT,
			env: { ...process.env, [CONTEXT_ENV]: contextFile },
			stdio: 'inherit',
		});
		child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
	});
}

/** One `node --test` per file, in TEST_ORDER: given several files, node runs them in its own (alphabetical) order. */
async function runInOrder(files, contextFile) {
	const failed = [];
	for (const file of files) {
		const fileStarted = Date.now();
		const code = await runNodeTest(file, contextFile);
		info(`${basename(file)}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${formatSeconds(Date.now() - fileStarted)}`);
		if (code !== 0) failed.push(basename(file));
	}
	info(`E2E files: ${files.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}`);
	return failed.length ? 1 : 0;
}

async function main() {
	const files = testFiles();
	if (!files.length) {
		// Without files, `node --test` discovers test files on its own (the emulator CLI, nested runs) and hangs.
		info(`No E2E test file matches ${process.argv.slice(2).join(' ')}; files: ${readdirSync(E2E_DIR).filter((file) => file.endsWith('.test.mjs')).join(', ')}`);
		return 2;
	}
	const { context, contextFile } = await prepare(files);
	info(`Prepared in ${formatSeconds(Date.now() - started)}; running ${files.length} test files`);
	const code = await runInOrder(files, contextFile);
	info(`E2E suite finished in ${formatSeconds(Date.now() - started)} with exit code ${code}`);
	if (context.notBuilt.length) info(`Incomplete package: ${context.notBuilt.join(', ')} not built; their tests were SKIPPED, not passed.`);
	if (context.buildError) {
		info('FAILED: the package did not build, so the E2E suite could not test it.');
		return 1;
	}
	return code;
}

main()
	.then((code) => process.exit(code))
	.catch((error) => {
		console.error(error.stack || error.message);
		process.exit(1);
	});
