'use strict';

const { resetState } = require('./context');

const PREFIX = '/_emulator';
const json = (status, body) => ({ status, body });
const MS = { advanceMs: 1, advanceSeconds: 1000, advanceMinutes: 60000, advanceHours: 3600000 };

function stateOf(ctx) {
	const modules = {};
	for (const apiModule of ctx.modules) {
		if (apiModule.inspect) {
			try {
				modules[apiModule.name] = apiModule.inspect(ctx);
			} catch (error) {
				modules[apiModule.name] = { error: error.message };
			}
		}
	}
	const { port, host, seed, timeScale, orders, purchaseOrders, listings, sandbox, reportMb, piiRoles, indexLagMs, orderItemsPageSize } = ctx.options;
	return {
		now: new Date(ctx.now()).toISOString(),
		clockOffsetMs: ctx.clock.offset(),
		options: { port, host, seed, timeScale, orders, purchaseOrders, listings, sandbox, reportMb, piiRoles, indexLagMs, orderItemsPageSize },
		modulesLoaded: ctx.modules.map((apiModule) => apiModule.name),
		moduleLoadErrors: ctx.moduleLoadErrors,
		operationsHandled: Object.keys(ctx.handlers).sort(),
		orders: ctx.orders.inspect(),
		tokensIssued: ctx.tokens.count(),
		usagePlans: ctx.usagePlans.snapshot(),
		faults: ctx.faults.describe(),
		...modules,
	};
}

/** POST /_emulator/orders body: one partial EmuOrder, an array, {orders:[...]}, or {generate: n, template?}. */
function injectOrders(ctx, body) {
	if (body && Number.isInteger(body.generate)) return ctx.orders.generate(body.generate, body.template || {});
	const partials = Array.isArray(body) ? body : body && Array.isArray(body.orders) ? body.orders : [body];
	return partials.filter(Boolean).map((partial) => ctx.orders.upsert(partial));
}

/** Inspection API; returns null when the path is not under /_emulator. */
function handleInspection(req, ctx) {
	if (req.path !== PREFIX && !req.path.startsWith(`${PREFIX}/`)) return null;
	const route = `${req.method} ${req.path.slice(PREFIX.length) || '/'}`;
	const body = req.body || {};
	try {
		switch (route) {
			case 'GET /state':
			case 'GET /':
				return json(200, stateOf(ctx));
			case 'POST /reset':
				resetState(ctx, body);
				return json(200, stateOf(ctx));
			case 'GET /orders':
				return json(200, { orders: ctx.orders.list() });
			case 'POST /orders':
				return json(200, { orders: injectOrders(ctx, req.body) });
			case 'POST /clock': {
				const advance = Object.entries(MS).reduce((sum, [key, factor]) => sum + (Number(body[key]) || 0) * factor, 0);
				ctx.clock.advance(advance);
				return json(200, { now: new Date(ctx.now()).toISOString(), offsetMs: ctx.clock.offset() });
			}
			case 'GET /calls':
				return json(200, ctx.calls.snapshot({ operation: req.query.operation, limit: req.query.limit }));
			case 'DELETE /calls':
				ctx.calls.clear();
				return { status: 204 };
			case 'GET /faults':
				return json(200, { faults: ctx.faults.describe() });
			case 'POST /faults':
				ctx.faults.set(body.spec || '', { append: Boolean(body.append) });
				return json(200, { faults: ctx.faults.describe() });
			case 'DELETE /faults':
				ctx.faults.clear();
				return { status: 204 };
			case 'POST /config':
				for (const key of ['piiRoles', 'indexLagMs', 'orderItemsPageSize']) if (key in body) ctx.options[key] = body[key];
				return json(200, stateOf(ctx).options);
			default: {
				const orderMatch = /^GET \/orders\/([^/]+)$/.exec(route);
				if (orderMatch) {
					const order = ctx.orders.get(decodeURIComponent(orderMatch[1]));
					return order ? json(200, order) : json(404, { error: 'order not found' });
				}
				return json(404, { error: `unknown inspection route ${route}` });
			}
		}
	} catch (error) {
		return json(400, { error: error.message });
	}
}

module.exports = { handleInspection };
