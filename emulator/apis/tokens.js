'use strict';

const { matchRoute, loadModels, templateToRegex } = require('../lib/models');
const { errorResult } = require('../lib/errors');

/** REFERENCE §5.1: operations that accept (or require) a restricted data token. */
const RESTRICTED_OPERATIONS = new Set([
	'ordersV0.getOrders', 'ordersV0.getOrder', 'ordersV0.getOrderItems', 'ordersV0.getOrderRegulatedInfo', 'ordersV0.getOrderAddress',
	'ordersV0.getOrderBuyerInfo', 'ordersV0.getOrderItemsBuyerInfo', 'reports.getReportDocument', 'vendorDFOrders.getOrders', 'vendorDFOrders.getOrder',
	'vendorDFShipping.getShippingLabel', 'vendorDFShipping.getCustomerInvoices', 'vendorDFShipping.getCustomerInvoice',
	'vendorDFShipping.getPackingSlips', 'vendorDFShipping.getPackingSlip',
]);
const DATA_ELEMENT_OPERATIONS = new Set(['ordersV0.getOrders', 'ordersV0.getOrder', 'ordersV0.getOrderItems']);
const DATA_ELEMENTS = ['buyerInfo', 'shippingAddress', 'buyerTaxInformation'];
// Restricted resources that expose PII without naming data elements.
const IMPLIED_ELEMENTS = { 'ordersV0.getOrderAddress': ['shippingAddress'], 'ordersV0.getOrderBuyerInfo': ['buyerInfo'], 'ordersV0.getOrderItemsBuyerInfo': ['buyerInfo'] };

const invalidRequest = (details) => errorResult(400, 'InvalidRequest', 'Request is missing or has invalid parameters', details);

/** The operation a resource path names, whether specific (`/orders/v0/orders/123-...`) or generic (`{orderId}`). */
function operationOf(method, resourcePath) {
	const concrete = matchRoute(method, resourcePath);
	if (concrete.route) return concrete.route.key;
	const generic = loadModels().routes.find((route) => route.method === method && templateToRegex(route.template).source === templateToRegex(resourcePath).source);
	return generic ? generic.key : null;
}

function createRestrictedDataToken(req, ctx) {
	const resources = req.body && req.body.restrictedResources;
	if (!Array.isArray(resources) || resources.length === 0) return invalidRequest('Resource not provided.');
	if (resources.length > 50) return invalidRequest('A maximum of 50 restricted resources is allowed.');
	const deniedElements = new Set();
	for (const resource of resources) {
		if (!resource || !['GET', 'PUT', 'POST', 'DELETE'].includes(resource.method)) return invalidRequest('Resource not provided.');
		if (typeof resource.path !== 'string' || !resource.path.startsWith('/')) return invalidRequest('Resource not provided.');
		const operation = operationOf(resource.method, resource.path);
		if (!operation || !RESTRICTED_OPERATIONS.has(operation)) {
			return errorResult(400, 'InvalidInput', 'Application do not have access to some or all requested resource', '');
		}
		const elements = resource.dataElements || [];
		if (!Array.isArray(elements) || elements.some((element) => !DATA_ELEMENTS.includes(element))) {
			return invalidRequest(`Invalid dataElements for ${resource.path}. Valid values: ${DATA_ELEMENTS.join(', ')}.`);
		}
		if (elements.length && !DATA_ELEMENT_OPERATIONS.has(operation)) {
			return invalidRequest(`dataElements are only supported for getOrders, getOrder and getOrderItems (${resource.path}).`);
		}
		for (const element of [...elements, ...(IMPLIED_ELEMENTS[operation] || [])]) deniedElements.add(element);
	}
	if (ctx.options.piiRoles === false && deniedElements.size) {
		const listed = DATA_ELEMENTS.filter((element) => deniedElements.has(element)).sort();
		return errorResult(400, 'InvalidInput', `Application does not have access to one or more requested data elements: [${listed.join(', ')}]`, '');
	}
	const normalized = resources.map(({ method, path, dataElements }) => ({ method, path, dataElements: dataElements || [] }));
	const { token, expiresIn } = ctx.tokens.issueRestrictedDataToken(req.partner, normalized);
	const log = (ctx.state.tokens = ctx.state.tokens || { issued: [] });
	log.issued.push({ partner: req.partner.id, resources: normalized, at: new Date(ctx.now()).toISOString() });
	return { status: 200, body: { restrictedDataToken: token, expiresIn } };
}

module.exports = {
	name: 'tokens',
	handlers: { 'tokens.createRestrictedDataToken': createRestrictedDataToken },
	init(ctx) {
		ctx.state.tokens = { issued: [] };
	},
	inspect: (ctx) => ({ rdtsIssued: ctx.state.tokens ? ctx.state.tokens.issued.length : 0, recent: ctx.state.tokens ? ctx.state.tokens.issued.slice(-10) : [] }),
};
