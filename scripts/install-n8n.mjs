#!/usr/bin/env node
// Pre-fills the n8n cache: `node scripts/install-n8n.mjs [current|legacy|all]`.
import { ensureN8n } from './lib/n8n-install.mjs';
import { N8N_HOSTS } from './lib/versions.mjs';

const wanted = process.argv[2] || 'current';
const names = wanted === 'all' ? Object.keys(N8N_HOSTS) : [wanted];
for (const name of names) {
	const started = Date.now();
	const installed = await ensureN8n(name);
	console.log(`${installed.host.label}: ${installed.n8nBin} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}
