// Kept in .js on purpose: n8n's lint applies cloud rules (no process/setTimeout) to every .ts file, tests included.
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER || require('path').join(require('os').tmpdir(), 'n8n-nodes-amazon-spapi-jest');

const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];
const common = { preset: undefined, testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest } };

module.exports = {
	// Two workers: the simulated-day suite alone takes minutes; the others run beside it instead of after it.
	maxWorkers: 2,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/unit/**/*.test.js'] },
		{ ...common, displayName: 'emulator', testMatch: ['<rootDir>/test/emulator/**/*.test.ts'] },
		{ ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
	],
};
