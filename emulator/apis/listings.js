'use strict';
// Listings Items API 2021-08-01. Patch validation/application is shared with JSON_LISTINGS_FEED (data/listingsFeed.js).
const { listingsStore, renderItem, marketplaceById, statusFor } = require('../data/listings');
const { fulfillableQuantity } = require('../data/inventory');

const ATTRIBUTE_PATH = /^\/attributes\/([a-z][a-z0-9_]*)$/;
const PATCH_OPS = ['add', 'replace', 'merge', 'delete'];
// Entries of these attributes are identified by a key, so merge/delete/replace act per key.
const ENTRY_KEYS = { fulfillment_availability: 'fulfillment_channel_code', purchasable_offer: 'marketplace_id' };

const issue = (code, message, attributeNames, severity = 'ERROR') => ({
	code,
	message,
	severity,
	...(attributeNames ? { attributeNames } : {}),
	categories: [attributeNames ? 'INVALID_ATTRIBUTE' : 'INVALID_REQUEST'],
});

function validateFulfillmentEntry(entry) {
	if (typeof entry.fulfillment_channel_code !== 'string' || !entry.fulfillment_channel_code)
		return issue('90220', "'fulfillment_channel_code' is required but not supplied.", ['fulfillment_availability']);
	const quantityRequired = entry.fulfillment_channel_code === 'DEFAULT';
	if (entry.quantity === undefined && !quantityRequired) return null;
	if (!Number.isInteger(entry.quantity) || entry.quantity < 0 || entry.quantity > 999999999)
		return issue(
			'99010',
			`The value '${entry.quantity}' provided for 'quantity' in 'fulfillment_availability' is invalid. Provide a whole number between 0 and 999999999.`,
			['fulfillment_availability'],
		);
	return null;
}

function validateOfferEntry(entry, listing) {
	const marketplace = marketplaceById(entry.marketplace_id);
	if (!marketplace || !listing.marketplaceIds.includes(entry.marketplace_id))
		return issue('90220', `'marketplace_id' '${entry.marketplace_id ?? ''}' is missing or not valid for this listing.`, ['purchasable_offer']);
	if (entry.currency && entry.currency !== marketplace.currency)
		return issue('99300', `The currency '${entry.currency}' is not valid for marketplace ${marketplace.id}. Use '${marketplace.currency}'.`, ['purchasable_offer']);
	const price = entry.our_price?.[0]?.schedule?.[0]?.value_with_tax;
	if (entry.our_price !== undefined && !(typeof price === 'number' && price > 0))
		return issue(
			'99022',
			"The field 'value_with_tax' for the attribute 'purchasable_offer.our_price' must be a number greater than 0.",
			['purchasable_offer.our_price'],
		);
	return null;
}

const ENTRY_VALIDATORS = { fulfillment_availability: validateFulfillmentEntry, purchasable_offer: validateOfferEntry };

/** -> issues (empty when the patch set may be applied to the listing). */
function validatePatches(listing, productType, patches) {
	if (listing.productType !== productType)
		return [
			issue(
				'4000003',
				`The provided product type '${productType}' does not match the product type '${listing.productType}' of the existing listing.`,
			),
		];
	const issues = [];
	for (const patch of patches || []) {
		const match = ATTRIBUTE_PATH.exec(patch?.path ?? '');
		if (!PATCH_OPS.includes(patch?.op) || !match) {
			issues.push(issue('4000001', `The patch operation '${patch?.op}' with path '${patch?.path}' is not valid. Use '/attributes/{attributeName}'.`));
			continue;
		}
		const [, attribute] = match;
		if (patch.op === 'delete' && patch.value === undefined) continue;
		if (!Array.isArray(patch.value) || !patch.value.length || patch.value.some((v) => !v || typeof v !== 'object' || Array.isArray(v))) {
			issues.push(issue('90244', `The value of attribute '${attribute}' must be a non-empty array of objects.`, [attribute]));
			continue;
		}
		const validate = ENTRY_VALIDATORS[attribute];
		if (validate && patch.op !== 'delete') for (const entry of patch.value) {
			const found = validate(entry, listing);
			if (found) issues.push(found);
		}
	}
	return issues;
}

const sameEntry = (attribute, a, b) => {
	const key = ENTRY_KEYS[attribute];
	return key ? a[key] === b[key] : false;
};

/** Applies already validated patches to the listing (JSON Patch semantics scoped per entry key). */
function applyPatches(listing, patches, nowMs) {
	for (const { op, path, value } of patches) {
		const attribute = ATTRIBUTE_PATH.exec(path)[1];
		const current = listing.attributes[attribute] || [];
		const keyed = Boolean(ENTRY_KEYS[attribute]);
		if (op === 'delete') {
			const kept = value && keyed ? current.filter((e) => !value.some((v) => sameEntry(attribute, e, v))) : [];
			if (kept.length) listing.attributes[attribute] = kept;
			else delete listing.attributes[attribute];
		} else if (op === 'merge' || (keyed && attribute === 'purchasable_offer')) {
			// purchasable_offer is marketplace-scoped: replacing one marketplace's offer keeps the others.
			const merged = current.map((e) => {
				const update = value.find((v) => sameEntry(attribute, e, v));
				return update ? (op === 'merge' ? { ...e, ...update } : update) : e;
			});
			for (const v of value) if (!merged.some((e) => sameEntry(attribute, e, v))) merged.push(v);
			listing.attributes[attribute] = merged;
		} else listing.attributes[attribute] = value;
	}
	listing.lastUpdatedDate = new Date(nowMs).toISOString();
}

// ---------- handlers ----------
const sellerMismatch = (req, ctx) =>
	req.params.sellerId !== req.partner?.id
		? ctx.error(403, 'Unauthorized', 'Access to requested resource is denied.', 'The seller ID in the path does not match the authorized selling partner.')
		: null;
const marketplaceIdsOf = (req) => req.list('marketplaceIds');
const includedDataOf = (req, fallback) => (req.list('includedData').length ? req.list('includedData') : fallback);
const listedIn = (listing, marketplaceIds) => marketplaceIds.some((id) => listing.marketplaceIds.includes(id));

function findListing(req, ctx) {
	const listing = listingsStore(ctx).bySku.get(req.params.sku);
	if (listing && listedIn(listing, marketplaceIdsOf(req))) return { listing };
	return {
		error: ctx.error(404, 'NOT_FOUND', `SKU '${req.params.sku}' not found in marketplace ${marketplaceIdsOf(req).join(',')}`),
	};
}

function getListingsItem(req, ctx) {
	const denied = sellerMismatch(req, ctx);
	if (denied) return denied;
	const { listing, error } = findListing(req, ctx);
	if (error) return error;
	const body = renderItem(listing, marketplaceIdsOf(req), includedDataOf(req, ['summaries']), fulfillableQuantity(ctx, listing.sku));
	return { status: 200, body };
}

function patchListingsItem(req, ctx) {
	const denied = sellerMismatch(req, ctx);
	if (denied) return denied;
	const { productType, patches } = req.body || {};
	if (!productType || !Array.isArray(patches) || !patches.length)
		return ctx.error(400, 'InvalidInput', "Request body must contain 'productType' and a non-empty 'patches' array.");
	const store = listingsStore(ctx);
	const submissionId = `emu-${(++store.submissions).toString(16).padStart(8, '0')}`;
	const { listing, error } = findListing(req, ctx);
	if (error) return error;
	const issues = validatePatches(listing, productType, patches).map((i) => ({ ...i, marketplaceIds: marketplaceIdsOf(req) }));
	const preview = req.query.mode === 'VALIDATION_PREVIEW';
	if (!issues.length && !preview) applyPatches(listing, patches, ctx.now());
	const status = issues.length ? 'INVALID' : preview ? 'VALID' : 'ACCEPTED';
	const identifiers = req.list('includedData').includes('identifiers')
		? { identifiers: marketplaceIdsOf(req).map((marketplaceId) => ({ marketplaceId, asin: listing.asin })) }
		: {};
	return { status: 200, body: { sku: listing.sku, status, submissionId, issues, ...identifiers } };
}

const SORT_KEYS = { sku: 'sku', createdDate: 'createdDate', lastUpdatedDate: 'lastUpdatedDate' };

function searchFilters(req, ctx) {
	const identifiers = req.list('identifiers');
	const identifiersType = req.query.identifiersType;
	const field = { SKU: 'sku', ASIN: 'asin', FNSKU: 'fnSku' }[identifiersType];
	const after = (name, value) => !req.query[name] || value > new Date(req.query[name]).toISOString();
	const before = (name, value) => !req.query[name] || value < new Date(req.query[name]).toISOString();
	const marketplaceId = marketplaceIdsOf(req)[0];
	const status = (l) => statusFor(l, marketplaceId, fulfillableQuantity(ctx, l.sku));
	return [
		(l) => listedIn(l, marketplaceIdsOf(req)),
		(l) => !identifiers.length || identifiers.includes(l[field]),
		(l) => after('createdAfter', l.createdDate) && before('createdBefore', l.createdDate),
		(l) => after('lastUpdatedAfter', l.lastUpdatedDate) && before('lastUpdatedBefore', l.lastUpdatedDate),
		(l) => !req.query.withStatus || req.list('withStatus').every((s) => status(l).includes(s)),
		(l) => !req.query.withoutStatus || !req.list('withoutStatus').some((s) => status(l).includes(s)),
		(l) => !req.query.withIssueSeverity || l.issues.some((i) => req.list('withIssueSeverity').includes(i.severity)),
	];
}

function searchListingsItems(req, ctx) {
	const denied = sellerMismatch(req, ctx);
	if (denied) return denied;
	if (req.query.identifiers && !['SKU', 'ASIN', 'FNSKU'].includes(req.query.identifiersType))
		return ctx.error(400, 'INVALID_ARGUMENT', "'identifiersType' is required when 'identifiers' is provided.");
	const pageSize = Number(req.query.pageSize || 10);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20)
		return ctx.error(400, 'INVALID_ARGUMENT', 'pageSize must be between 1 and 20.');
	const filters = searchFilters(req, ctx);
	const sortKey = SORT_KEYS[req.query.sortBy] || 'lastUpdatedDate';
	const direction = req.query.sortOrder === 'ASC' ? 1 : -1;
	const matches = [...listingsStore(ctx).bySku.values()]
		.filter((l) => filters.every((f) => f(l)))
		.sort((a, b) => (a[sortKey] < b[sortKey] ? -direction : a[sortKey] > b[sortKey] ? direction : 0));
	const offset = req.query.pageToken ? Number(Buffer.from(req.query.pageToken, 'base64url').toString()) || 0 : 0;
	const token = (n) => Buffer.from(String(n)).toString('base64url');
	const pagination = {
		...(offset + pageSize < matches.length ? { nextToken: token(offset + pageSize) } : {}),
		...(offset > 0 ? { previousToken: token(Math.max(0, offset - pageSize)) } : {}),
	};
	const includedData = includedDataOf(req, ['summaries']);
	const items = matches
		.slice(offset, offset + pageSize)
		.map((l) => renderItem(l, marketplaceIdsOf(req), includedData, fulfillableQuantity(ctx, l.sku)));
	return { status: 200, body: { numberOfResults: matches.length, ...(Object.keys(pagination).length ? { pagination } : {}), items } };
}

module.exports = {
	name: 'listings',
	handlers: {
		'listingsItems.getListingsItem': getListingsItem,
		'listingsItems.patchListingsItem': patchListingsItem,
		'listingsItems.searchListingsItems': searchListingsItems,
	},
	init(ctx) {
		ctx.state.listings = undefined;
		listingsStore(ctx);
	},
	inspect(ctx) {
		const { bySku } = listingsStore(ctx);
		return { count: bySku.size, skus: [...bySku.keys()].slice(0, 20) };
	},
	validatePatches,
	applyPatches,
	issue,
	listedIn,
};
