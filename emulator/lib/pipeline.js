'use strict';

const { matchRoute } = require('./models');
const { errors, errorForStatus, MESSAGES } = require('./errors');
const { partnerMayCall, coveringResource } = require('./auth');
const { replaySandbox } = require('./sandbox');
const { sleep } = require('./http');

const TOKEN_ERRORS = { missing: MESSAGES.tokenMissing, invalid: MESSAGES.tokenInvalid, expired: MESSAGES.tokenExpired };
const SANDBOX_PREFIX = '/sandbox';

const sendsRateLimit = (status) => (status >= 200 && status < 300) || status === 400 || status === 404;

/** Static sandbox: the --sandbox option, a `/sandbox/...` path or a `sandbox.` host. -> { sandbox, path } */
function detectSandbox(ctx, urlPath, host = '') {
	if (urlPath === SANDBOX_PREFIX || urlPath.startsWith(`${SANDBOX_PREFIX}/`)) return { sandbox: true, path: urlPath.slice(SANDBOX_PREFIX.length) || '/' };
	return { sandbox: Boolean(ctx.options.sandbox) || host.startsWith('sandbox.'), path: urlPath };
}

/** Applies an injected fault. -> { result } | { dropped: true } | null (continue normally) */
async function applyFault(outcome, { req, ctx, token }) {
	if (!outcome) return null;
	if (outcome.delayMs) await sleep(outcome.delayMs);
	if (outcome.drop) return { dropped: true };
	if (outcome.expired) {
		if (token) ctx.tokens.expire(token);
		return { result: errors.unauthorized(MESSAGES.tokenExpired) };
	}
	if (outcome.status) return { result: errorForStatus(outcome.status) };
	return null;
}

/**
 * SP-API request pipeline: route -> auth -> fault -> usage plan -> sandbox replay or handler.
 * -> { result, operation, partner, rateLimit?, fault?, sandbox, dropped? }
 */
async function runSpApi(req, ctx, handlers) {
	// fetch() cannot set Host, so tests and proxies may name the Amazon host in x-forwarded-host.
	const host = req.headers['x-forwarded-host'] || req.headers.host;
	const { sandbox, path: urlPath } = detectSandbox(ctx, req.path, host);
	req.path = urlPath;
	const matched = matchRoute(req.method, urlPath);
	if (!matched.route) {
		return { operation: 'unknown', sandbox, result: errors.notFound(`Resource ${urlPath} is not found.`) };
	}
	const { route, params } = matched;
	Object.assign(req, { params, operation: route.key, route });
	const outcome = { operation: route.key, sandbox };

	const token = req.headers['x-amz-access-token'];
	const resolved = ctx.tokens.resolve(token);
	if (resolved.error) return { ...outcome, result: errors.unauthorized(TOKEN_ERRORS[resolved.error]) };
	req.partner = resolved.partner;
	outcome.partner = resolved.partner.id;
	if (!partnerMayCall(req.partner, route)) return { ...outcome, result: errors.unauthorized(MESSAGES.accessDenied) };
	if (resolved.rdt) {
		const matchedResource = coveringResource(resolved.rdt, req.method, urlPath);
		if (!matchedResource) return { ...outcome, result: errors.unauthorized('The restricted data token does not cover this resource.') };
		req.rdt = { resources: resolved.rdt.resources, matched: matchedResource };
	} else req.rdt = null;

	const fault = ctx.faults.next(route.key);
	const faulted = await applyFault(fault, { req, ctx, token });
	if (faulted) return { ...outcome, ...faulted, fault: describeFault(fault) };

	const plan = ctx.usagePlans.take(req.partner.id, route.key, { sandbox });
	if (!plan.allowed) return { ...outcome, result: errors.quotaExceeded() };

	if (req.bodyError) return { ...outcome, rateLimit: plan.rate, result: errors.invalidInput('The request body is not valid JSON.', req.bodyError) };
	const handler = handlers[route.key];
	let result;
	if (sandbox) result = replaySandbox(route, req);
	else if (!handler) result = errors.notImplemented(route.key);
	else result = await handler(req, ctx);
	return { ...outcome, rateLimit: sendsRateLimit(result.status) ? plan.rate : undefined, result, fault: fault ? describeFault(fault) : undefined };
}

function describeFault(fault) {
	return [fault.delayMs ? `delay=${fault.delayMs}` : '', fault.drop ? 'drop' : '', fault.expired ? 'expired' : '', fault.status || ''].filter(Boolean).join('+') || 'ok';
}

module.exports = { runSpApi, applyFault, describeFault, detectSandbox };
