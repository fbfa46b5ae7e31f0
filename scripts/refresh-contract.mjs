#!/usr/bin/env node
// Refreshes emulator/contract (Amazon's models, schemas and sandbox vectors) from a folder with the same layout,
// then records the source and date in PROVENANCE.md. Usage: node scripts/refresh-contract.mjs <folder> [commit]
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTRACT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'emulator', 'contract');
const ENTRIES = ['models', 'schemas', 'vendor-report-schemas', 'sandbox-vectors.json'];

const [source, commit] = process.argv.slice(2);
if (!source) {
	console.error('usage: node scripts/refresh-contract.mjs <folder with models/, schemas/, sandbox-vectors.json> [commit]');
	process.exit(2);
}
const from = resolve(source);
const missing = ENTRIES.filter((entry) => !existsSync(join(from, entry)));
if (missing.length) {
	console.error(`${from} lacks ${missing.join(', ')}; nothing changed.`);
	process.exit(1);
}
for (const entry of ENTRIES) {
	rmSync(join(CONTRACT, entry), { recursive: true, force: true });
	cpSync(join(from, entry), join(CONTRACT, entry), { recursive: true });
}
// Amazon's licence files sit beside the models upstream; keep them at the contract's top.
for (const licence of ['LICENSE', 'NOTICE']) {
	const upstream = join(CONTRACT, 'models', licence);
	if (existsSync(upstream)) {
		cpSync(upstream, join(CONTRACT, licence));
		rmSync(upstream);
	}
}
const provenance = join(CONTRACT, 'PROVENANCE.md');
const today = new Date().toISOString().slice(0, 10);
let text = readFileSync(provenance, 'utf8').replace(/Copied on \d{4}-\d{2}-\d{2}\./, `Copied on ${today}.`);
if (commit) text = text.replace(/commit `[0-9a-f]{7,40}`/g, `commit \`${commit}\``);
writeFileSync(provenance, text);
console.log(`emulator/contract refreshed from ${from}${commit ? ` at ${commit}` : ''} (${today}).`);
