'use strict';
// JSON_LISTINGS_FEED processor (run by feeds.js when the feed reaches DONE): validated against Amazon's v2 feed
// schema, applied with the Listings Items patch rules, answered with a report valid against the v2 report schema.
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const { listingsStore, renderItem, SELLER_ID, marketplaceById } = require('./listings');
const { fulfillableQuantity } = require('./inventory');
const { validatePatches, applyPatches, issue, listedIn } = require('../apis/listings');

const { SCHEMAS_DIR: SCHEMA_DIR } = require('../lib/models');
let feedValidators;
function listingsFeedValidators() {
	if (!feedValidators) {
		const ajv = new Ajv({ strict: false, allErrors: true });
		const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'listings-feed-schema-v2.json'), 'utf8'));
		feedValidators = {
			header: ajv.compile({ ...schema, properties: { ...schema.properties, messages: { type: 'array', minItems: 1, maxItems: 25000 } } }),
			message: ajv.compile({ $schema: schema.$schema, ...schema.properties.messages.items }),
		};
	}
	return feedValidators;
}
const ajvMessage = (errors) => [...new Set(errors.map((e) => `${e.instancePath || '/'} ${e.message}`))].slice(0, 3).join('; ');

function applyFeedMessage(message, marketplaceIds, ctx) {
	const { bySku } = listingsStore(ctx);
	const listing = bySku.get(message.sku);
	const exists = listing && listedIn(listing, marketplaceIds);
	if (message.operationType === 'DELETE') return exists ? (bySku.delete(message.sku), []) : [];
	if (message.operationType === 'UPDATE' && !listing) {
		bySku.set(message.sku, {
			sku: message.sku, asin: 'B0' + message.sku.replace(/[^A-Z0-9]/gi, '').slice(-8).toUpperCase().padStart(8, '0'),
			productType: message.productType, marketplaceIds, issues: [], attributes: message.attributes,
			createdDate: new Date(ctx.now()).toISOString(), lastUpdatedDate: new Date(ctx.now()).toISOString(),
		});
		return [];
	}
	if (!exists)
		return [issue('4000009', `The SKU '${message.sku}' does not exist in marketplace(s) ${marketplaceIds.join(', ')}. Use operationType UPDATE to create it.`)];
	const patches =
		message.operationType === 'PATCH'
			? message.patches
			: Object.entries(message.attributes).map(([name, value]) => ({ op: 'replace', path: `/attributes/${name}`, value }));
	const issues = validatePatches(listing, message.productType, patches);
	if (issues.length) return issues;
	if (message.operationType === 'UPDATE') listing.attributes = {};
	applyPatches(listing, patches, ctx.now());
	return [];
}

/** JSON_LISTINGS_FEED processor: per-message issues in a JSON report valid against the v2 report schema. */
function processListingsFeed({ feed, content, ctx }) {
	const report = (status, issues, header, summary = {}, items) => ({
		status,
		report: {
			contentType: 'application/json; charset=UTF-8',
			body: JSON.stringify({
				header: { sellerId: header?.sellerId || SELLER_ID, version: '2.0', feedId: feed.feedId, ...(header?.report ? { report: header.report } : {}) },
				issues,
				summary: { errors: issues.filter((i) => i.severity === 'ERROR').length, warnings: issues.filter((i) => i.severity === 'WARNING').length, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0, ...summary },
				...(items ? { items } : {}),
			}),
		},
	});
	let doc;
	try {
		doc = JSON.parse(content.toString('utf8'));
	} catch (error) {
		return report('FATAL', [{ code: '4000001', severity: 'ERROR', message: `The feed document is not valid JSON: ${error.message}` }]);
	}
	const validators = listingsFeedValidators();
	if (!validators.header(doc))
		return report('FATAL', [{ code: '4000002', severity: 'ERROR', message: `The feed does not conform to the JSON_LISTINGS_FEED schema: ${ajvMessage(validators.header.errors)}` }], doc?.header);
	if (doc.header.sellerId !== SELLER_ID)
		return report('FATAL', [{ code: '4000004', severity: 'ERROR', message: `The sellerId '${doc.header.sellerId}' in the feed header does not match the submitting selling partner.` }], doc.header);
	const issues = [];
	const accepted = new Set();
	const seenIds = new Set();
	for (const message of doc.messages) {
		const messageIssues = !validators.message(message)
			? [{ code: '100', severity: 'ERROR', message: `The message does not conform to the schema: ${ajvMessage(validators.message.errors)}` }]
			: seenIds.has(message.messageId)
				? [{ code: '4000005', severity: 'ERROR', message: `The messageId ${message.messageId} is not unique within the feed.` }]
				: applyFeedMessage(message, feed.marketplaceIds, ctx).map(({ code, message: text, severity, attributeNames }) => ({ code, message: text, severity, ...(attributeNames ? { attributeName: attributeNames[0] } : {}) }));
		seenIds.add(message.messageId);
		const idFields = { ...(Number.isInteger(message?.messageId) && message.messageId >= 1 ? { messageId: message.messageId } : {}), ...(message?.sku ? { sku: String(message.sku) } : {}) };
		issues.push(...messageIssues.map((i) => ({ ...idFields, ...i })));
		if (!messageIssues.some((i) => i.severity === 'ERROR') && message.operationType !== 'DELETE') accepted.add(message.sku);
	}
	const invalid = doc.messages.length - doc.messages.filter((m) => !issues.some((i) => i.messageId === m.messageId && i.severity === 'ERROR')).length;
	const includedData = doc.header.report?.includedData;
	const items = includedData
		? [...accepted].map((sku) => listingsStore(ctx).bySku.get(sku)).filter(Boolean).map((l) => renderItem(l, feed.marketplaceIds, includedData, fulfillableQuantity(ctx, l.sku)))
		: undefined;
	const summary = {
		messagesProcessed: doc.messages.length,
		messagesAccepted: doc.messages.length - invalid,
		messagesInvalid: invalid,
		...(items ? { itemSummary: { items: items.length, errors: 0, warnings: items.reduce((n, i) => n + (i.issues?.length || 0), 0) } } : {}),
	};
	return report('DONE', issues, doc.header, summary, items);
}

// May 2025: JSON_LISTINGS_FEED accepts 5 submissions per 5 minutes per region (on top of createFeed's plan).
const SUBMISSION_LIMIT = 5;
const SUBMISSION_WINDOW_MS = 5 * 60 * 1000;

/** Sliding-window admission of a JSON_LISTINGS_FEED createFeed; an error result (429) when the window is full. */
function admitListingsFeed(ctx, partnerId, marketplaceIds) {
	const region = marketplaceById(marketplaceIds[0])?.region || 'NA';
	const windowMs = SUBMISSION_WINDOW_MS / (ctx.timeScale > 0 ? ctx.timeScale : 1);
	const record = (ctx.state.feeds.listingsSubmissions ??= new Map());
	const key = `${partnerId}|${region}`;
	const now = ctx.now();
	const recent = (record.get(key) || []).filter((at) => at > now - windowMs);
	if (recent.length >= SUBMISSION_LIMIT) {
		record.set(key, recent);
		return ctx.error(429, 'QuotaExceeded', `You exceeded your quota for JSON_LISTINGS_FEED: ${SUBMISSION_LIMIT} submissions per 5 minutes per region (${region}).`);
	}
	recent.push(now);
	record.set(key, recent);
	return null;
}

module.exports = { processListingsFeed, admitListingsFeed };
