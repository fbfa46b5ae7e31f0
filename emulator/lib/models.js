'use strict';

const fs = require('fs');
const path = require('path');

// Amazon's contract is vendored in emulator/contract (see its PROVENANCE.md); SPAPI_CONTRACT_DIR may point at a
// newer copy with the same layout.
const CONTRACT_DIR = process.env.SPAPI_CONTRACT_DIR || path.resolve(__dirname, '../contract');
const MODELS_DIR = path.join(CONTRACT_DIR, 'models');
const SCHEMAS_DIR = path.join(CONTRACT_DIR, 'schemas');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Model file stem -> usage-plan api prefix (the operation key is `<api>.<operationId>`). */
const API_PREFIXES = {
	ordersV0: 'ordersV0',
	orders: 'orders',
	reports: 'reports',
	feeds: 'feeds',
	vendorOrders: 'vendorOrders',
	vendorTransactionStatus: 'vendorTransactionStatus',
	vendorShipments: 'vendorShipments',
	vendorDirectFulfillmentOrders: 'vendorDFOrders',
	vendorDirectFulfillmentShipping: 'vendorDFShipping',
	vendorDirectFulfillmentTransactions: 'vendorDFTransactions',
	vendorDirectFulfillmentSandboxData: 'vendorDFSandbox',
	listingsItems: 'listingsItems',
	definitionsProductTypes: 'productTypeDefinitions',
	sellers: 'sellers',
	tokens: 'tokens',
	fbaInventory: 'fbaInventory',
};

/** `orders_2026-01-01.json` -> `orders`; unknown stems map to themselves. */
function apiPrefixFor(modelFile) {
	const stem = modelFile.replace(/\.json$/, '').replace(/_\d{4}-\d{2}-\d{2}$/, '');
	return API_PREFIXES[stem] || stem;
}

let cache;

function loadModels() {
	if (cache) return cache;
	const models = {};
	for (const file of listModelFiles()) {
		models[file] = JSON.parse(fs.readFileSync(path.join(MODELS_DIR, file), 'utf8'));
	}
	const routes = compileRoutes(models);
	const byKey = new Map(routes.map((route) => [route.key, route]));
	cache = { models, routes, byKey };
	return cache;
}

function listModelFiles() {
	let files = [];
	try {
		files = fs.readdirSync(MODELS_DIR).filter((name) => name.endsWith('.json')).sort();
	} catch (error) {
		throw new Error(`SP-API emulator: cannot read Amazon's models in ${MODELS_DIR} (${error.code || error.message}). ` +
			'They ship with the repository in emulator/contract; restore them with `git checkout -- emulator/contract` ' +
			'or set SPAPI_CONTRACT_DIR to a folder with models/ and schemas/.');
	}
	if (!files.length) throw new Error(`SP-API emulator: no Amazon model (*.json) in ${MODELS_DIR}.`);
	return files;
}

function compileRoutes(models) {
	const routes = [];
	for (const [file, model] of Object.entries(models)) {
		const api = apiPrefixFor(file);
		for (const [template, pathItem] of Object.entries(model.paths || {})) {
			for (const method of HTTP_METHODS) {
				const operation = pathItem[method];
				if (!operation || !operation.operationId) continue;
				const paramNames = [];
				const pattern = template
					.split('/')
					.map((segment) => {
						const match = /^\{(.+)\}$/.exec(segment);
						if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
						paramNames.push(match[1]);
						return '([^/]*)';
					})
					.join('/');
				routes.push({
					key: `${api}.${operation.operationId}`,
					api,
					operationId: operation.operationId,
					modelFile: file,
					method: method.toUpperCase(),
					template,
					regex: new RegExp(`^${pattern}$`),
					paramNames,
					parameters: [...(pathItem.parameters || []), ...(operation.parameters || [])],
				});
			}
		}
	}
	// Literal segments win over templated ones (`/items/inventory` before `/items/{sellerSku}`).
	return routes.sort((a, b) => a.paramNames.length - b.paramNames.length || b.template.length - a.template.length);
}

/** -> { route, params } | { pathKnown: boolean } */
function matchRoute(method, urlPath) {
	const { routes } = loadModels();
	let pathKnown = false;
	for (const route of routes) {
		const match = route.regex.exec(urlPath);
		if (!match) continue;
		pathKnown = true;
		if (route.method !== method) continue;
		const params = {};
		route.paramNames.forEach((name, index) => {
			params[name] = safeDecode(match[index + 1]);
		});
		return { route, params };
	}
	return { pathKnown };
}

function safeDecode(value) {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Template path with `{x}` placeholders -> regex matching concrete paths (used for RDT resources). */
function templateToRegex(template) {
	const pattern = template
		.split('/')
		.map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('/');
	return new RegExp(`^${pattern}$`);
}

module.exports = { CONTRACT_DIR, MODELS_DIR, SCHEMAS_DIR, apiPrefixFor, loadModels, matchRoute, templateToRegex };
