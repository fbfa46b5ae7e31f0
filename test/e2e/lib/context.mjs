// What test/e2e/run.mjs prepared for the test files: built package, shared user folder, installed n8n hosts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONTEXT_ENV = 'AMAZON_SPAPI_E2E_CONTEXT';

/**
 * @returns {{ runDir: string, packageDir: string | null, buildError: string | null, artifactsDir: string,
 *   userFolder: string, legacyUserFolder: string, hosts: Record<string, boolean> }}
 */
export function loadContext() {
	const file = process.env[CONTEXT_ENV];
	if (!file || !existsSync(file)) {
		throw new Error(`${CONTEXT_ENV} is not set: run the E2E suite through "npm run test:e2e" (test/e2e/run.mjs)`);
	}
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** Reasons a test cannot run yet (missing parts of the repo), or [] when it can. */
export function missingPrerequisites(context, { credentials = [], nodes = [], examples = [], legacy = false, emulator = true }) {
	const missing = [];
	const dist = context.packageDir ? join(context.packageDir, 'dist') : null;
	if (!dist) missing.push(`the package does not build (${context.buildError ?? 'unknown error'})`);
	if (emulator && !existsSync(join(context.repoRoot, 'emulator', 'cli.js'))) missing.push('emulator/cli.js');
	for (const file of credentials) if (!dist || !existsSync(join(dist, 'credentials', file))) missing.push(`dist/credentials/${file}`);
	for (const file of nodes) if (!dist || !existsSync(join(dist, 'nodes', file))) missing.push(`dist/nodes/${file}`);
	for (const file of examples) if (!existsSync(join(context.repoRoot, 'examples', file))) missing.push(`examples/${file}`);
	if (legacy && !context.hosts.legacy) missing.push('the n8n 1.x install (E2E_SKIP_LEGACY is set)');
	return missing;
}

/** `node:test` options that skip with a readable reason when prerequisites are missing. */
export function skipUnless(context, requirements) {
	const missing = missingPrerequisites(context, requirements);
	return missing.length ? { skip: `prerequisite not in the repo yet: ${missing.join(', ')}` } : {};
}
