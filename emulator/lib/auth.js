'use strict';

const crypto = require('crypto');
const { templateToRegex } = require('./models');
const { PARTNERS } = require('./credentials');

const TOKEN_LIFETIME_SECONDS = 3600;
const VENDOR_API = /^vendor/;
// Operations a client_credentials (grantless) token may call (REFERENCE §2.2).
const GRANTLESS_OPERATIONS = new Set(
	['createDestination', 'getDestinations', 'getDestination', 'deleteDestination', 'getSubscriptionById', 'deleteSubscriptionById', 'sendTestNotification'].map(
		(operationId) => `notifications.${operationId}`,
	),
);
const SELLER_ONLY_APIS = new Set(['ordersV0', 'orders', 'sellers', 'fbaInventory', 'productPricingV0', 'productPricing', 'productFeesV0']);

const randomToken = (prefix) => `${prefix}${crypto.randomBytes(48).toString('base64url')}`;

/** Whether a partner kind may call an operation at all (seller vs vendor vs grantless). */
function partnerMayCall(partner, route) {
	if (partner.kind === 'grantless') return GRANTLESS_OPERATIONS.has(route.key);
	if (VENDOR_API.test(route.api)) return partner.kind === 'vendor';
	if (SELLER_ONLY_APIS.has(route.api)) return partner.kind === 'seller';
	return true;
}

/** LWA access tokens and restricted data tokens, expiring against virtual time. Survives /reset. */
function createTokenRegistry(now) {
	const tokens = new Map();

	function issue(prefix, record) {
		const token = randomToken(prefix);
		tokens.set(token, { ...record, expiresAt: now() + TOKEN_LIFETIME_SECONDS * 1000 });
		return { token, expiresIn: TOKEN_LIFETIME_SECONDS };
	}

	return {
		issueAccessToken: (partner, scope) => issue('Atza|', { type: 'access', partner, scope }),
		issueRestrictedDataToken: (partner, resources) =>
			issue('Atz.sprdt|', {
				type: 'rdt',
				partner,
				resources: resources.map((resource) => ({ ...resource, pathRegex: templateToRegex(resource.path) })),
			}),
		/** -> { partner, rdt } | { error: 'missing' | 'invalid' | 'expired' } */
		resolve(token) {
			if (!token) return { error: 'missing' };
			const record = tokens.get(token);
			if (!record) return { error: 'invalid' };
			if (record.expiresAt <= now()) return { error: 'expired' };
			return { partner: record.partner, rdt: record.type === 'rdt' ? { resources: record.resources } : null };
		},
		expire(token) {
			const record = tokens.get(token);
			if (record) record.expiresAt = now();
		},
		count: () => tokens.size,
	};
}

/** The RDT resource covering this request (method + concrete path), if any. */
function coveringResource(rdt, method, urlPath) {
	return rdt.resources.find((resource) => resource.method === method && resource.pathRegex.test(urlPath)) || null;
}

/** Data elements an RDT grants for the current request (empty without an RDT). */
function grantedDataElements(req) {
	return new Set((req.rdt && req.rdt.matched && req.rdt.matched.dataElements) || []);
}

module.exports = { PARTNERS, TOKEN_LIFETIME_SECONDS, partnerMayCall, createTokenRegistry, coveringResource, grantedDataElements };
