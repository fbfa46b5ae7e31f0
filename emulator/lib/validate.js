'use strict';

const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { loadModels } = require('./models');

// Swagger 2 numeric/binary formats carry no constraint ajv needs to check.
const PASSTHROUGH_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'decimal'];
const SWAGGER_ONLY_KEYS = new Set(['discriminator', 'example', 'examples', 'readOnly', 'xml', 'externalDocs', 'collectionFormat']);

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
for (const format of PASSTHROUGH_FORMATS) ajv.addFormat(format, true);

/** Swagger 2 schema fragment -> JSON schema (draft-07 style) understood by ajv. */
function toJsonSchema(node) {
	if (Array.isArray(node)) return node.map(toJsonSchema);
	if (!node || typeof node !== 'object') return node;
	const out = {};
	for (const [key, value] of Object.entries(node)) {
		if (SWAGGER_ONLY_KEYS.has(key) || key.startsWith('x-')) continue;
		if (key === 'type' && value === 'file') continue;
		if (key === 'properties' || key === 'definitions' || key === 'patternProperties') {
			out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
		} else {
			out[key] = toJsonSchema(value);
		}
	}
	return node['x-nullable'] === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const definitionsCache = new Map();
const validatorCache = new Map();

function definitionsOf(modelFile) {
	if (!definitionsCache.has(modelFile)) {
		const model = loadModels().models[modelFile];
		if (!model) throw new Error(`Unknown model file ${modelFile}`);
		definitionsCache.set(modelFile, toJsonSchema(model.definitions || {}));
	}
	return definitionsCache.get(modelFile);
}

function findOperation(modelFile, operationId) {
	const model = loadModels().models[modelFile];
	if (!model) throw new Error(`Unknown model file ${modelFile}`);
	for (const pathItem of Object.values(model.paths || {})) {
		for (const operation of Object.values(pathItem)) {
			if (operation && operation.operationId === operationId) return operation;
		}
	}
	throw new Error(`Unknown operation ${operationId} in ${modelFile}`);
}

function validatorFor(modelFile, operationId, status) {
	const cacheKey = `${modelFile}#${operationId}#${status}`;
	if (validatorCache.has(cacheKey)) return validatorCache.get(cacheKey);
	const responses = findOperation(modelFile, operationId).responses || {};
	const response = responses[String(status)] || responses.default;
	let validator;
	if (!response) validator = { undeclared: true };
	else if (!response.schema) validator = { noBody: true };
	else {
		const schema = { ...toJsonSchema(response.schema), definitions: definitionsOf(modelFile) };
		validator = { validate: ajv.compile(schema) };
	}
	validatorCache.set(cacheKey, validator);
	return validator;
}

/**
 * Validates a response body against the operation's response schema in the Swagger model.
 * Returns a list of human-readable problems (empty when valid).
 */
function validateResponse(modelFile, operationId, status, body) {
	const validator = validatorFor(modelFile, operationId, status);
	if (validator.undeclared) return [`status ${status} is not declared for ${operationId} in ${modelFile}`];
	const empty = body === undefined || body === null || body === '' || (typeof body === 'object' && Object.keys(body).length === 0);
	if (validator.noBody) return empty ? [] : [`status ${status} of ${operationId} declares no body`];
	if (validator.validate(body)) return [];
	return validator.validate.errors.map((error) => `${error.instancePath || '/'} ${error.message}${error.params && error.params.additionalProperty ? `: ${error.params.additionalProperty}` : ''}`);
}

module.exports = { validateResponse, toJsonSchema };
