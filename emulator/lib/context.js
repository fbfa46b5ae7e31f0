'use strict';

const fs = require('fs');
const path = require('path');
const { createRng } = require('./rng');
const { createClock } = require('./clock');
const { errorResult } = require('./errors');
const { createTokenRegistry } = require('./auth');
const { createUsagePlans } = require('./usagePlans');
const { createFaults } = require('./faults');
const { createCallLog } = require('./callLog');
const { createOrderStore } = require('../data/orders');

const APIS_DIR = path.join(__dirname, '..', 'apis');

const DEFAULT_OPTIONS = {
	port: 0,
	host: '127.0.0.1',
	seed: 42,
	timeScale: 1,
	orders: 200,
	purchaseOrders: 50,
	listings: 100,
	faults: '',
	sandbox: false,
	reportMb: 0,
	reportPlain: false,
	quiet: false,
	piiRoles: true,
	indexLagMs: 5 * 60 * 1000,
	orderItemsPageSize: 100,
};

/** Every module file in apis/ (part B's modules plug in when they appear); a broken one is reported, not fatal. */
function loadApiModules(log) {
	const modules = [];
	const loadErrors = {};
	const files = fs.existsSync(APIS_DIR) ? fs.readdirSync(APIS_DIR).filter((file) => file.endsWith('.js')).sort() : [];
	for (const file of files) {
		try {
			const apiModule = require(path.join(APIS_DIR, file));
			modules.push({ name: file.replace(/\.js$/, ''), ...apiModule });
		} catch (error) {
			loadErrors[file] = error.message;
			log(`SP-API emulator: could not load apis/${file}: ${error.message}`);
		}
	}
	return { modules, loadErrors };
}

/** Builds the shared ctx (CONTRACT.md) and the module registry. */
function createContext(userOptions = {}) {
	const options = { ...DEFAULT_OPTIONS, ...userOptions };
	for (const key of Object.keys(options)) if (options[key] === undefined) options[key] = DEFAULT_OPTIONS[key];
	options.timeScale = Number(options.timeScale) || 1;
	const log = (message) => {
		if (!options.quiet) process.stderr.write(`${message}\n`);
	};
	const clock = createClock();
	const { modules, loadErrors } = loadApiModules(log);
	const ctx = {
		options,
		seed: Number(options.seed),
		timeScale: options.timeScale,
		baseUrl: '',
		now: clock.now,
		clock,
		state: {},
		error: (status, code, message, details) => errorResult(status, code, message, details),
		tokens: createTokenRegistry(clock.now),
		modules,
		moduleLoadErrors: loadErrors,
		log,
	};
	ctx.handlers = Object.assign({}, ...modules.map((apiModule) => apiModule.handlers || {}));
	ctx.rawRoutes = modules.flatMap((apiModule) => apiModule.rawRoutes || []);
	resetState(ctx);
	return ctx;
}

/** (Re)seeds everything but issued tokens: clock, rng, orders, module state, buckets, faults, call log. */
function resetState(ctx, overrides = {}) {
	Object.assign(ctx.options, overrides);
	ctx.seed = Number(ctx.options.seed);
	ctx.clock.reset();
	ctx.rng = createRng(ctx.seed);
	ctx.usagePlans = createUsagePlans({ now: ctx.now, timeScale: ctx.timeScale });
	ctx.faults = createFaults(createRng(ctx.seed + 1));
	if (ctx.options.faults) ctx.faults.set(ctx.options.faults);
	ctx.calls = ctx.calls || createCallLog(ctx.now);
	ctx.calls.clear();
	ctx.state = {};
	ctx.orders = createOrderStore(ctx);
	for (const apiModule of ctx.modules) {
		try {
			if (apiModule.init) apiModule.init(ctx);
		} catch (error) {
			ctx.moduleLoadErrors[apiModule.name] = `init failed: ${error.message}`;
			ctx.log(`SP-API emulator: init of ${apiModule.name} failed: ${error.stack}`);
		}
	}
}

module.exports = { createContext, resetState, DEFAULT_OPTIONS };
