// Debian's Chromium for the browser tests (Playwright's own browser download does not work offline).
import { existsSync } from 'node:fs';
import { step } from './log.mjs';
import { runCommand } from './run-command.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling Google hosts, which a closed network refuses.
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** Installs Debian's `chromium` when missing (needs root, as in CI); returns its path. */
export async function ensureChromium() {
	if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
	if (process.getuid?.() !== 0) {
		throw new Error(`${CHROMIUM_PATH} is missing; install it with: sudo apt-get update && sudo apt-get install -y chromium`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await step('Installing Debian chromium (apt-get)', async () => {
		await runCommand('apt-get', ['update'], { env, timeoutMs: 5 * 60 * 1000 });
		await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, timeoutMs: 10 * 60 * 1000 });
	}, { hint: 'about 30 seconds' });
	return CHROMIUM_PATH;
}
