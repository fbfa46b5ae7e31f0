/**
 * JSON_LISTINGS_FEED (v2.0) documents for computed offers: one PATCH message per SKU, grouped per marketplace
 * (a feed names its marketplaces) and cut into feeds of at most 25,000 messages and under 10 MiB
 * (REFERENCE §9.4). Message N of a feed is `offers[N - 1]` of its chunk, which is how the processing report's
 * issues (by messageId) find their SKU again.
 */

import { SpApiInputError } from '../http/errors';
import { offerPatches } from './patches';
import type { ComputedOffer } from './rules';

export const LISTINGS_FEED_TYPE = 'JSON_LISTINGS_FEED';
export const LISTINGS_FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';
export const MAX_LISTINGS_FEED_MESSAGES = 25_000;
/** 10 MiB, Amazon's limit for a feed document; documents stay strictly below it. */
export const MAX_LISTINGS_FEED_BYTES = 10 * 1024 * 1024;

export interface ListingsFeedChunk {
	marketplaceId: string;
	/** The feed document. */
	content: string;
	/** UTF-8 size of `content`. */
	bytes: number;
	/** Message N (messageId N) is offers[N - 1]. */
	offers: ComputedOffer[];
}

export interface ListingsFeedOptions {
	sellerId: string;
	/** Messages per feed, 1–25,000 (default 25,000). */
	maxMessages?: number;
	/** Bytes per document (default and maximum: just under 10 MiB). */
	maxBytes?: number;
	issueLocale?: string;
}

const NON_ASCII = /[^\u0020-\u007e]/;

/** Bytes of `text` in UTF-8; printable ASCII (nearly every message) is one byte per character. */
function utf8Length(text: string): number {
	return NON_ASCII.test(text) ? new TextEncoder().encode(text).length : text.length;
}

/** One PATCH message; the offer must be ready and carry its product type. */
export function listingsFeedMessage(offer: ComputedOffer, messageId: number): Record<string, unknown> {
	if (!offer.productType) throw new SpApiInputError('productType', `SKU ${offer.sku} has no product type`, 'Give the product type, or let the node look it up');
	return { messageId, sku: offer.sku, operationType: 'PATCH', productType: offer.productType, patches: offerPatches(offer) };
}

function checkOptions(options: ListingsFeedOptions): { maxMessages: number; maxBytes: number } {
	const maxMessages = options.maxMessages ?? MAX_LISTINGS_FEED_MESSAGES;
	const maxBytes = options.maxBytes ?? MAX_LISTINGS_FEED_BYTES - 1;
	if (!Number.isInteger(maxMessages) || maxMessages < 1 || maxMessages > MAX_LISTINGS_FEED_MESSAGES) {
		throw new SpApiInputError('maxMessages', `${maxMessages} is not between 1 and ${MAX_LISTINGS_FEED_MESSAGES}`, 'Amazon accepts up to 25,000 messages per feed');
	}
	if (!Number.isInteger(maxBytes) || maxBytes < 1024 || maxBytes >= MAX_LISTINGS_FEED_BYTES) {
		throw new SpApiInputError('maxBytes', `${maxBytes} is not between 1 KiB and 10 MiB`);
	}
	if (!options.sellerId?.trim()) throw new SpApiInputError('sellerId', 'The seller ID is empty', 'A listings feed names the seller (merchant token) in its header');
	return { maxMessages, maxBytes };
}

/**
 * Builds the feed documents. Each message is serialised once; a chunk closes before the message that would take
 * it past the message or byte limit, so no document is ever re-serialised.
 */
export function buildListingsFeeds(offers: readonly ComputedOffer[], options: ListingsFeedOptions): ListingsFeedChunk[] {
	const { maxMessages, maxBytes } = checkOptions(options);
	const head = `{"header":${JSON.stringify({ sellerId: options.sellerId.trim(), version: '2.0', issueLocale: options.issueLocale ?? 'en_US' })},"messages":[`;
	const tail = ']}';
	const byMarketplace = new Map<string, ComputedOffer[]>();
	for (const offer of offers) {
		const group = byMarketplace.get(offer.marketplaceId);
		if (group) group.push(offer);
		else byMarketplace.set(offer.marketplaceId, [offer]);
	}
	const chunks: ListingsFeedChunk[] = [];
	for (const [marketplaceId, group] of byMarketplace) {
		let parts: string[] = [];
		let chunkOffers: ComputedOffer[] = [];
		let bytes = head.length + tail.length;
		const close = () => {
			chunks.push({ marketplaceId, content: head + parts.join(',') + tail, bytes, offers: chunkOffers });
			parts = [];
			chunkOffers = [];
			bytes = head.length + tail.length;
		};
		for (const offer of group) {
			let json = JSON.stringify(listingsFeedMessage(offer, parts.length + 1));
			let size = utf8Length(json) + (parts.length ? 1 : 0);
			if (parts.length && (parts.length >= maxMessages || bytes + size > maxBytes)) {
				close();
				json = JSON.stringify(listingsFeedMessage(offer, 1));
				size = utf8Length(json);
			}
			if (bytes + size > maxBytes) throw new SpApiInputError('sku', `The message for SKU ${offer.sku} alone exceeds the feed size limit`);
			parts.push(json);
			chunkOffers.push(offer);
			bytes += size;
		}
		if (parts.length) close();
	}
	return chunks;
}
