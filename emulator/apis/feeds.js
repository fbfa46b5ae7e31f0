'use strict';
// Feeds API 2021-06-30: pre-signed upload, lazy IN_QUEUE -> IN_PROGRESS -> DONE lifecycle, feed content applied
// once when the feed reaches DONE, gzip processing reports served from pre-signed download URLs.
const docs = require('../lib/documents');
const { SELLER_ID } = require('../data/listings');
const { processListingsFeed, admitListingsFeed } = require('../data/listingsFeed');
const orderFeeds = require('../data/orderFeeds');
const genericFeeds = require('../data/genericFeeds');

const QUEUE_MS = 30000;
const PROCESSING_MS = 60000;
const UPLOAD_PREFIX = '/_docs/feeds/upload/';
const DOWNLOAD_PREFIX = '/_docs/feeds/download/';
const RETIRED_LISTINGS_FEEDS = [
	'POST_PRODUCT_DATA', 'POST_INVENTORY_AVAILABILITY_DATA', 'POST_PRODUCT_OVERRIDES_DATA', 'POST_PRODUCT_PRICING_DATA',
	'POST_PRODUCT_IMAGE_DATA', 'POST_PRODUCT_RELATIONSHIP_DATA', 'POST_FLAT_FILE_INVLOADER_DATA', 'POST_FLAT_FILE_LISTINGS_DATA',
	'POST_FLAT_FILE_BOOKLOADER_DATA', 'POST_FLAT_FILE_CONVERGENCE_LISTINGS_DATA', 'POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA',
	'POST_UIEE_BOOKLOADER_DATA',
];

const state = (ctx) => ctx.state.feeds;
const newDocumentId = (ctx) => `amzn1.tortuga.4.na.${(++state(ctx).sequence).toString(16).padStart(8, '0')}-emu.T1EMULATOR`;

// ---------- processing ----------
const PROCESSORS = {
	POST_ORDER_ACKNOWLEDGEMENT_DATA: orderFeeds.xmlAcknowledgementFeed,
	POST_ORDER_FULFILLMENT_DATA: orderFeeds.xmlFulfillmentFeed,
	POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA: orderFeeds.flatAcknowledgementFeed,
	POST_FLAT_FILE_FULFILLMENT_DATA: orderFeeds.flatFulfillmentFeed,
	JSON_LISTINGS_FEED: processListingsFeed,
	UPLOAD_VAT_INVOICE: orderFeeds.vatInvoiceFeed,
	...genericFeeds,
};

const fatalReport = (feed, description) => ({
	status: 'FATAL',
	report: {
		contentType: 'text/xml; charset=UTF-8',
		body: docs.xmlProcessingReport({
			transactionId: feed.feedId,
			merchantId: SELLER_ID,
			processed: 0,
			results: [{ messageId: 0, type: 'Error', code: 90001, description }],
		}),
	},
});

/** Runs the feed's processor exactly once; never throws (a crash becomes a FATAL feed with a reason document). */
function processFeed(feed, ctx) {
	const input = state(ctx).documents.get(feed.inputFeedDocumentId);
	if (RETIRED_LISTINGS_FEEDS.includes(feed.feedType))
		return fatalReport(feed, `The feed type ${feed.feedType} has been retired. Use JSON_LISTINGS_FEED or the Listings Items API.`);
	const processor = PROCESSORS[feed.feedType];
	if (!processor) return fatalReport(feed, `The feed type ${feed.feedType} is not supported.`);
	try {
		return processor({ feed, content: input.content, contentType: input.contentType, ctx });
	} catch (error) {
		return fatalReport(feed, `An internal error occurred while processing the feed: ${error.message}`);
	}
}

const phaseOf = (feed, ctx) =>
	docs.processingPhase(feed.createdMs, ctx.now(), ctx.timeScale, { queueMs: QUEUE_MS, processingMs: PROCESSING_MS });

function complete(feed, ctx) {
	const { status, report } = processFeed(feed, ctx);
	feed.outcome = { status, resultFeedDocumentId: report ? storeResult(ctx, report) : undefined };
}

function resolveStatus(feed, ctx) {
	if (feed.cancelled) return { status: 'CANCELLED' };
	const phase = phaseOf(feed, ctx);
	if (phase.status !== 'DONE') return phase;
	if (!feed.outcome) {
		// Amazon applies feeds in submission order: finish every earlier due feed first (e.g. acknowledge before ship).
		for (const earlier of state(ctx).feeds.values())
			if (earlier.createdMs <= feed.createdMs && !earlier.outcome && !earlier.cancelled && phaseOf(earlier, ctx).status === 'DONE') complete(earlier, ctx);
	}
	return { ...phase, status: feed.outcome.status };
}

function storeResult(ctx, { contentType, body }) {
	const feedDocumentId = newDocumentId(ctx);
	state(ctx).documents.set(feedDocumentId, { feedDocumentId, kind: 'result', contentType, content: docs.gzip(body) });
	return feedDocumentId;
}

function renderFeed(feed, ctx) {
	const { status, startMs, endMs } = resolveStatus(feed, ctx);
	return {
		feedId: feed.feedId,
		feedType: feed.feedType,
		marketplaceIds: feed.marketplaceIds,
		createdTime: docs.isoTime(feed.createdMs),
		processingStatus: status,
		...(startMs ? { processingStartTime: docs.isoTime(startMs) } : {}),
		...(endMs ? { processingEndTime: docs.isoTime(endMs) } : {}),
		...(feed.outcome?.resultFeedDocumentId ? { resultFeedDocumentId: feed.outcome.resultFeedDocumentId } : {}),
	};
}

// ---------- handlers ----------
function createFeedDocument(req, ctx) {
	const contentType = req.body?.contentType;
	if (typeof contentType !== 'string' || !contentType.trim())
		return ctx.error(400, 'InvalidInput', "Request body must contain 'contentType'.");
	const feedDocumentId = newDocumentId(ctx);
	state(ctx).documents.set(feedDocumentId, { feedDocumentId, kind: 'input', contentType, content: null, createdMs: ctx.now() });
	const url = docs.presign(ctx, { method: 'PUT', path: UPLOAD_PREFIX + feedDocumentId, contentType });
	return { status: 201, body: { feedDocumentId, url } };
}

function uploadDocument(req, ctx) {
	const rejected = docs.verifyPresigned(req, ctx);
	if (rejected) return rejected;
	const document = state(ctx).documents.get(req.path.slice(UPLOAD_PREFIX.length));
	if (!document || document.kind !== 'input') return { status: 404, raw: '' };
	document.content = Buffer.from(req.rawBody || '');
	return { status: 200, headers: { etag: `"${document.feedDocumentId.slice(-16)}"` } };
}

function createFeed(req, ctx) {
	const { feedType, marketplaceIds, inputFeedDocumentId, feedOptions } = req.body || {};
	if (!feedType || !Array.isArray(marketplaceIds) || !marketplaceIds.length || !inputFeedDocumentId)
		return ctx.error(400, 'InvalidInput', "Request body must contain 'feedType', 'marketplaceIds' and 'inputFeedDocumentId'.");
	const input = state(ctx).documents.get(inputFeedDocumentId);
	if (!input || input.kind !== 'input')
		return ctx.error(400, 'InvalidInput', `Invalid inputFeedDocumentId: '${inputFeedDocumentId}' does not exist.`);
	if (!input.content)
		return ctx.error(400, 'InvalidInput', `No content was uploaded for the input feed document '${inputFeedDocumentId}'.`);
	if (feedType === 'JSON_LISTINGS_FEED') {
		const refused = admitListingsFeed(ctx, req.partner?.id, marketplaceIds);
		if (refused) return refused;
	}
	const feedId = String(50000000000 + ++state(ctx).sequence);
	state(ctx).feeds.set(feedId, { feedId, feedType, marketplaceIds, inputFeedDocumentId, feedOptions: feedOptions || {}, createdMs: ctx.now() });
	return { status: 202, body: { feedId } };
}

function findFeed(req, ctx) {
	const feed = state(ctx).feeds.get(req.params.feedId);
	return feed ? { feed } : { error: ctx.error(404, 'NotFound', `The feed ${req.params.feedId} was not found.`) };
}

function getFeed(req, ctx) {
	const { feed, error } = findFeed(req, ctx);
	return error || { status: 200, body: renderFeed(feed, ctx) };
}

function cancelFeed(req, ctx) {
	const { feed, error } = findFeed(req, ctx);
	if (error) return error;
	if (resolveStatus(feed, ctx).status !== 'IN_QUEUE')
		return ctx.error(400, 'InvalidInput', `The feed ${feed.feedId} cannot be cancelled because its processing has already started.`);
	feed.cancelled = true;
	return { status: 200 };
}

function getFeeds(req, ctx) {
	const jobs = [...state(ctx).feeds.values()].map((feed) => ({ ...feed, type: feed.feedType, feed }));
	const { error, page, nextToken } = docs.listJobs(req, ctx, { typesParam: 'feedTypes', jobs, render: (job) => renderFeed(job.feed, ctx) });
	return error || { status: 200, body: { feeds: page, ...(nextToken ? { nextToken } : {}) } };
}

function getFeedDocument(req, ctx) {
	const document = state(ctx).documents.get(req.params.feedDocumentId);
	if (!document) return ctx.error(404, 'NotFound', `The feed document ${req.params.feedDocumentId} was not found.`);
	const isResult = document.kind === 'result';
	const url = docs.downloadUrl(ctx, DOWNLOAD_PREFIX + document.feedDocumentId, isResult && req.query.enableContentEncodingUrlHeader === 'true');
	const compression = isResult ? { compressionAlgorithm: 'GZIP' } : {};
	return { status: 200, body: { feedDocumentId: document.feedDocumentId, url, ...compression } };
}

const downloadDocument = (req, ctx) => docs.serveDocument(req, ctx, state(ctx).documents.get(req.path.slice(DOWNLOAD_PREFIX.length)));

module.exports = {
	name: 'feeds',
	handlers: {
		'feeds.createFeedDocument': createFeedDocument,
		'feeds.createFeed': createFeed,
		'feeds.getFeed': getFeed,
		'feeds.getFeeds': getFeeds,
		'feeds.cancelFeed': cancelFeed,
		'feeds.getFeedDocument': getFeedDocument,
	},
	rawRoutes: [
		{ method: 'PUT', prefix: UPLOAD_PREFIX, handle: uploadDocument },
		{ method: 'GET', prefix: DOWNLOAD_PREFIX, handle: downloadDocument },
	],
	init(ctx) {
		ctx.state.feeds = { sequence: 0, documents: new Map(), feeds: new Map(), invoices: [] };
	},
	inspect(ctx) {
		const feeds = [...state(ctx).feeds.values()].map((f) => ({ ...renderFeed(f, ctx), feedOptions: f.feedOptions }));
		return { feeds, invoices: state(ctx).invoices };
	},
};
