import Ajv from 'ajv';
import { assertFeedTypeAccepted } from '../../../nodes/AmazonSpApi/core/feeds/feedTypes';

import feedSchema from '../../../emulator/contract/schemas/listings-feed-schema-v2.json';
import {
	buildListingsFeeds,
	compileListingRules,
	computeListingRows,
	MAX_LISTINGS_FEED_BYTES,
	offerPatches,
	planSubmissionTimes,
	SubmissionWindow,
	type ComputedOffer,
} from '../../../nodes/AmazonSpApi/core/listings';

const NOW = Date.parse('2026-12-01T12:00:00Z');

function offers(count: number, extra: Record<string, unknown> = {}, rules = {}): ComputedOffer[] {
	const compiled = compileListingRules({ defaultMarketplace: 'US', handlingTimeDays: 2, allowSalePrice: true, ...rules }, NOW);
	const rows = Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i + 1}`, quantity: i % 9, price: 10 + i / 100, productType: 'LUGGAGE', ...extra }));
	return computeListingRows(compiled, rows);
}

describe('patches', () => {
	it('follows REFERENCE §9.4: fulfillment_availability and purchasable_offer with a sale schedule', () => {
		const [offer] = offers(1, { quantity: 7, price: 19.99, salePrice: 15, saleStartDate: '2026-12-10', saleEndDate: '2026-12-24' });
		expect(offerPatches(offer)).toEqual([
			{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7, lead_time_to_ship_max_days: 2 }] },
			{
				op: 'replace',
				path: '/attributes/purchasable_offer',
				value: [
					{
						marketplace_id: 'ATVPDKIKX0DER',
						currency: 'USD',
						audience: 'ALL',
						our_price: [{ schedule: [{ value_with_tax: 19.99 }] }],
						discounted_price: [{ schedule: [{ start_at: '2026-12-10T00:00:00.000Z', end_at: '2026-12-24T00:00:00.000Z', value_with_tax: 15 }] }],
					},
				],
			},
		]);
	});

	it('sends only the patch of what is updated', () => {
		const [inventoryOnly] = offers(1, {}, { update: 'inventory' });
		expect(offerPatches(inventoryOnly).map((p) => p.path)).toEqual(['/attributes/fulfillment_availability']);
	});
});

describe('JSON_LISTINGS_FEED documents', () => {
	const ajv = new Ajv({ strict: false });
	const validate = ajv.compile(feedSchema);

	it('builds documents valid against Amazon\'s v2 schema, message N = offers[N-1]', () => {
		const list = offers(3);
		const [chunk] = buildListingsFeeds(list, { sellerId: 'A1SELLER' });
		const document = JSON.parse(chunk.content);
		expect(validate(document)).toBe(true);
		expect(document.header).toEqual({ sellerId: 'A1SELLER', version: '2.0', issueLocale: 'en_US' });
		expect(document.messages.map((m: { messageId: number; sku: string }) => [m.messageId, m.sku])).toEqual([[1, 'SKU-1'], [2, 'SKU-2'], [3, 'SKU-3']]);
		expect(chunk.offers).toEqual(list);
		expect(chunk.bytes).toBe(Buffer.byteLength(chunk.content));
	});

	it('splits 60,000 SKUs into 3 feeds of at most 25,000 messages', () => {
		const inventoryOnly = buildListingsFeeds(offers(60_000, {}, { update: 'inventory' }), { sellerId: 'A1SELLER' });
		expect(inventoryOnly.map((c) => c.offers.length)).toEqual([25_000, 25_000, 10_000]);
	});

	it('keeps every document under 10 MiB: 60,000 SKUs with stock, handling time and price are 3 feeds cut by size', () => {
		const chunks = buildListingsFeeds(offers(60_000), { sellerId: 'A1SELLER' });
		expect(chunks).toHaveLength(3);
		expect(chunks.reduce((n, c) => n + c.offers.length, 0)).toBe(60_000);
		for (const chunk of chunks.slice(0, 2)) expect(chunk.bytes).toBeGreaterThan(MAX_LISTINGS_FEED_BYTES - 1024);
		for (const chunk of chunks) {
			expect(chunk.offers.length).toBeLessThanOrEqual(25_000);
			expect(chunk.bytes).toBeLessThan(MAX_LISTINGS_FEED_BYTES);
			const messages = JSON.parse(chunk.content).messages;
			expect(messages[0].messageId).toBe(1);
			expect(messages[messages.length - 1].messageId).toBe(chunk.offers.length);
		}
	});

	it('closes a feed before 10 MiB when messages are large', () => {
		const long = offers(30_000).map((offer, i) => ({ ...offer, sku: `SKU-${'X'.repeat(30)}-${i}`, productType: 'A_VERY_LONG_PRODUCT_TYPE_NAME_FOR_SIZE' }));
		const chunks = buildListingsFeeds(long, { sellerId: 'A1SELLER', maxBytes: 4 * 1024 * 1024 });
		expect(chunks.length).toBeGreaterThan(2);
		for (const chunk of chunks) expect(chunk.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
		expect(chunks.reduce((n, c) => n + c.offers.length, 0)).toBe(30_000);
	});

	it('counts UTF-8 bytes, not characters', () => {
		const [offer] = offers(1);
		const [chunk] = buildListingsFeeds([{ ...offer, sku: 'SKU-ÄÖÜ-€' }], { sellerId: 'A1SELLER' });
		expect(chunk.bytes).toBe(Buffer.byteLength(chunk.content));
	});

	it('groups per marketplace and honours a smaller chunk size', () => {
		const us = offers(5);
		const gb = offers(3, { marketplaceId: 'GB', currency: 'GBP' });
		const chunks = buildListingsFeeds([...us, ...gb], { sellerId: 'A1SELLER', maxMessages: 2 });
		expect(chunks.map((c) => [c.marketplaceId, c.offers.length])).toEqual([
			['ATVPDKIKX0DER', 2], ['ATVPDKIKX0DER', 2], ['ATVPDKIKX0DER', 1], ['A1F83G8C2ARO7P', 2], ['A1F83G8C2ARO7P', 1],
		]);
	});

	it('refuses chunk sizes Amazon does not accept, offers without product type and a missing seller ID', () => {
		expect(() => buildListingsFeeds(offers(1), { sellerId: 'A', maxMessages: 25_001 })).toThrow(expect.objectContaining({ field: 'maxMessages' }));
		expect(() => buildListingsFeeds(offers(1), { sellerId: 'A', maxMessages: 0 })).toThrow(expect.objectContaining({ field: 'maxMessages' }));
		expect(() => buildListingsFeeds(offers(1, { productType: '' }), { sellerId: 'A' })).toThrow(expect.objectContaining({ field: 'productType' }));
		expect(() => buildListingsFeeds(offers(1), { sellerId: ' ' })).toThrow(expect.objectContaining({ field: 'sellerId' }));
	});

	it('refuses the retired XML and flat-file listings feeds', () => {
		expect(() => assertFeedTypeAccepted('POST_INVENTORY_AVAILABILITY_DATA')).toThrow(/Amazon retired on July 31, 2025/);
		expect(() => assertFeedTypeAccepted('POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA')).toThrow(expect.objectContaining({ field: 'feedType' }));
		expect(() => assertFeedTypeAccepted('JSON_LISTINGS_FEED')).not.toThrow();
		expect(() => assertFeedTypeAccepted('POST_ORDER_ACKNOWLEDGEMENT_DATA')).not.toThrow();
	});
});

describe('submission window: 5 per 5 minutes per region', () => {
	const MIN = 60_000;

	it('lets the first five go at once and holds the sixth until the first leaves the window', () => {
		expect(planSubmissionTimes([], 3, 0)).toEqual([0, 0, 0]);
		expect(planSubmissionTimes([], 7, 0)).toEqual([0, 0, 0, 0, 0, 5 * MIN, 5 * MIN]);
		expect(planSubmissionTimes([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN], 2, 4 * MIN)).toEqual([5 * MIN, 6 * MIN]);
		expect(planSubmissionTimes([0, MIN], 1, 6 * MIN)).toEqual([6 * MIN]);
	});

	it('keeps a record per partner and region', () => {
		const window = new SubmissionWindow();
		for (let i = 0; i < 5; i++) window.record('p|na', 1000);
		expect(window.delayFor('p|na', 1000)).toBe(5 * MIN);
		expect(window.delayFor('p|eu', 1000)).toBe(0);
		expect(window.delayFor('p|na', 1000 + 5 * MIN)).toBe(0);
	});
});
