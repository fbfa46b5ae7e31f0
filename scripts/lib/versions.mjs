// The n8n hosts the package is run and tested on. `current` is the supported release line; `legacy` is the last 1.x.
export const N8N_HOSTS = {
	current: {
		label: 'n8n 2.41.1 on Node 24',
		n8nVersion: '2.41.1', // exact: 2.41.3 needs @n8n/agents@0.26.2, which the registry lacks
		nodeVersion: '24.9.0',
		overrides: {},
		env: {},
	},
	legacy: {
		label: 'n8n 1.123.81 on Node 20',
		n8nVersion: '1.123.81', // newest 1.x on npm
		nodeVersion: '20.20.2',
		overrides: { xlsx: '0.18.5' }, // n8n-nodes-base pins xlsx to a CDN tarball that is unreachable here
		env: { N8N_EXPRESSION_ENGINE: 'legacy' }, // the default engine needs isolated-vm 6.2.0, no Node 20 build
	},
};
