// Plain JS: n8n's lint forbids fs/path/__dirname in every .ts file of the package, tests included.
const { readdirSync, readFileSync, statSync } = require('fs');
const { join, relative } = require('path');

const CORE = join(__dirname, '../../../nodes/AmazonSpApi/core');

function sourceFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
	});
}

const IMPORT = /(?:from|import|require\()\s*['"]([^'"]+)['"]/g;

describe('SDK core', () => {
	const files = sourceFiles(CORE);

	it('has files to check', () => expect(files.length).toBeGreaterThan(20));

	it.each(files.map((file) => [relative(CORE, file), file]))('%s imports neither n8n nor the node layer', (_name, file) => {
		const specifiers = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => match[1]);
		const offending = specifiers.filter(
			(specifier) =>
				/^n8n-(workflow|core)(\/|$)/.test(specifier) ||
				// a relative path that leaves the core (into ../n8n or a node folder)
				(specifier.startsWith('.') && !join(file, '..', specifier).startsWith(CORE)),
		);
		expect(offending).toEqual([]);
	});
});
