'use strict';

const { createContext } = require('./lib/context');
const { createHttpServer } = require('./lib/server');
const { CREDENTIALS } = require('./lib/credentials');
const { validateResponse } = require('./lib/validate');
const { loadModels } = require('./lib/models');

/**
 * Starts the SP-API emulator. Options: see CONTRACT.md (port 0 = any free port).
 * -> Promise<{ url, port, stop(), ctx }>
 */
async function start(options = {}) {
	// Fail here, before listening, rather than answer every call with a 500 when Amazon's models are missing.
	loadModels();
	const ctx = createContext(options);
	const server = createHttpServer(ctx);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(Number(ctx.options.port) || 0, ctx.options.host, resolve);
	});
	const { port } = server.address();
	const url = `http://${ctx.options.host}:${port}`;
	ctx.baseUrl = url;
	ctx.options.port = port;
	const stop = () =>
		new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return { url, port, stop, ctx };
}

module.exports = { start, CREDENTIALS, validateResponse };
