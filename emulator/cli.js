#!/usr/bin/env node
'use strict';

const { start } = require('./index');

const FLAGS = {
	'--port': ['port', Number],
	'--seed': ['seed', Number],
	'--time-scale': ['timeScale', Number],
	'--orders': ['orders', Number],
	'--purchase-orders': ['purchaseOrders', Number],
	'--listings': ['listings', Number],
	'--faults': ['faults', String],
	'--report-mb': ['reportMb', Number],
	'--report-failure-rate': ['reportFailureRate', Number],
	'--index-lag-ms': ['indexLagMs', Number],
	'--order-items-page-size': ['orderItemsPageSize', Number],
	'--host': ['host', String],
	'--live-orders': ['liveOrders', Number],
};

function parseArgs(argv) {
	const options = { port: 4010 };
	for (let index = 0; index < argv.length; index++) {
		const [flag, inlineValue] = argv[index].split(/=(.*)/s);
		if (flag === '--sandbox') options.sandbox = true;
		else if (flag === '--quiet') options.quiet = true;
		else if (flag === '--no-pii-roles') options.piiRoles = false;
		else if (flag === '--demo') options.demo = true;
		else if (flag === '--report-plain') options.reportPlain = true;
		else if (FLAGS[flag]) {
			const [key, convert] = FLAGS[flag];
			const value = inlineValue !== undefined ? inlineValue : argv[++index];
			if (value === undefined) throw new Error(`${flag} needs a value`);
			options[key] = convert(value);
		} else throw new Error(`Unknown flag ${argv[index]}`);
	}
	return options;
}

start(parseArgs(process.argv.slice(2)))
	.then(({ url, stop }) => {
		process.stdout.write(`SP-API emulator listening on ${url}\n`);
		const shutdown = () => stop().then(() => process.exit(0));
		process.on('SIGINT', shutdown);
		process.on('SIGTERM', shutdown);
	})
	.catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
