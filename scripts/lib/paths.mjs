// Where the launcher and the E2E suite keep n8n installs and user folders (outside the repo).
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-amazon-spapi';

export function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, PACKAGE_NAME);
}

export const DEMO_USER_FOLDER = () => join(cacheRoot(), 'demo-user');
