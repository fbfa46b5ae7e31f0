'use strict';
// Seeded listings catalogue. Attributes (Amazon's product-type JSON) are the source of truth;
// summaries, offers and fulfillmentAvailability are rendered from them, so patches need no special cases.

const { createRng, rngTools } = require('../lib/rng');
const { marketplaceById } = require('../lib/marketplaces');
const { PRODUCTS: ORDER_CATALOGUE } = require('../lib/orderFixtures');

const SELLER_ID = 'A1EMULATORSELLER';

const AFN_CHANNELS = { NA: 'AMAZON_NA', EU: 'AMAZON_EU', FE: 'AMAZON_JP' };
/** Fulfillment channel code of Amazon-fulfilled offers in a marketplace's region. */
const afnChannel = (marketplace) => AFN_CHANNELS[marketplace.region];
const REGION_MARKETPLACES = {
	NA: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'],
	EU: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH', 'A1F83G8C2ARO7P', 'APJ6JRA9NG5V4', 'A1RKKUPIHCS9HS'],
	JP: ['A1VC38T7YXB528'],
};

/** Seeded random helpers salted per data set, so seeding does not depend on other modules' rng use. */
function createRandom(seed, salt) {
	const saltHash = [...salt].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);
	const tools = rngTools(createRng((Number(seed) || 0) ^ saltHash));
	const code = (length, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') =>
		Array.from({ length }, () => tools.pick(alphabet)).join('');
	return { ...tools, code };
}

// Names exercise the charsets: é ü € – ’ in EU (Cp1252), Japanese in JP (Cp932).
const PRODUCT_NAMES = {
	LUGGAGE: {
		code: 'LUG',
		en: 'Hardside Carry-On Spinner Suitcase – 55 cm',
		de: 'Hartschalenkoffer Größe M – 55 cm, „Reise’ Edition“ für 89 €',
		fr: 'Valise cabine rigide – légère, 4 roues, édition café',
		it: 'Trolley rigido da cabina – 55 cm, qualità ’Premium’',
		es: 'Maleta de cabina rígida – 55 cm, diseño pequeño',
		ja: 'スーツケース 機内持ち込み 軽量 ハードケース',
	},
	SHOES: {
		code: 'SHO',
		en: 'Men’s Trail Running Shoes – Waterproof',
		de: 'Herren Laufschuhe – wasserdicht, Übergröße, Grün',
		fr: 'Chaussures de randonnée – imperméables, été',
		it: 'Scarpe da trail running – impermeabili, qualità',
		es: 'Zapatillas de trail – impermeables, señor',
		ja: 'ランニングシューズ メンズ 防水 軽量',
	},
	HOME: {
		code: 'HOM',
		en: 'Stainless Steel French Press Coffee Maker – 1 L',
		de: 'Kaffeebereiter aus Edelstahl – 1 L, spülmaschinenfest, Café-Qualität',
		fr: 'Cafetière à piston en inox – 1 L, crème brûlée',
		it: 'Caffettiera a pistone in acciaio – 1 L, ’Caffè’',
		es: 'Cafetera de émbolo de acero – 1 L, café',
		ja: 'フレンチプレス コーヒーメーカー ステンレス 1リットル',
	},
};
const PRODUCT_TYPES = Object.keys(PRODUCT_NAMES);
const nameFor = (productType, marketplace) => {
	const names = PRODUCT_NAMES[productType];
	return names[marketplace.language.slice(0, 2)] || names.en;
};
const PRICE_FACTOR = { USD: 1, CAD: 1.35, EUR: 0.92, GBP: 0.79, JPY: 150 };
const money = (amount, currency) => (currency === 'JPY' ? Math.round(amount) : Math.round(amount * 100) / 100);

function buildListing(random, now, { sku, asin, productType, marketplaceIds, fbaChannel, basePrice, nameIn }) {
	const createdMs = now - random.int(30, 900) * 86400000;
	const marketplaces = marketplaceIds.map(marketplaceById);
	return {
		sku,
		asin,
		fnSku: fbaChannel ? 'X00' + random.code(7) : undefined,
		productType,
		createdDate: new Date(createdMs).toISOString(),
		lastUpdatedDate: new Date(createdMs + random.int(0, 20) * 86400000).toISOString(),
		marketplaceIds,
		issues: random.chance(0.1) ? [missingAttributeIssue(marketplaceIds)] : [],
		attributes: {
			condition_type: [{ value: 'new_new' }],
			item_name: marketplaces.map((m) => ({ value: nameIn(m), language_tag: m.language, marketplace_id: m.id })),
			purchasable_offer: marketplaces.map((m) => ({
				marketplace_id: m.id,
				currency: m.currency,
				audience: 'ALL',
				our_price: [{ schedule: [{ value_with_tax: money(basePrice * PRICE_FACTOR[m.currency], m.currency) }] }],
			})),
			fulfillment_availability: [
				fbaChannel
					? { fulfillment_channel_code: fbaChannel }
					: { fulfillment_channel_code: 'DEFAULT', quantity: random.int(0, 60), lead_time_to_ship_max_days: random.int(1, 3) },
			],
		},
	};
}

const listOption = (value) => (Array.isArray(value) ? value : String(value || '').split(',')).map((id) => String(id).trim()).filter(Boolean);

/**
 * The order generator's catalogue comes first (so order SKUs have listings everywhere), then generated listings.
 * `onlyIn` (option listingsMarketplaces) lists every generated listing, merchant-fulfilled, in exactly those
 * marketplaces (bulk tests: 60,000 SKUs in one marketplace).
 */
function seedListings(seed, count, now, onlyIn = []) {
	const random = createRandom(seed, 'listings');
	const listings = new Map();
	const everywhere = Object.values(REGION_MARKETPLACES).flat();
	for (const product of ORDER_CATALOGUE.slice(0, count)) {
		const listing = buildListing(random, now, {
			...product, productType: 'HOME', marketplaceIds: everywhere, basePrice: product.price, nameIn: () => product.title,
		});
		listings.set(listing.sku, listing);
	}
	for (let n = listings.size + 1; n <= count; n++) {
		const productType = PRODUCT_TYPES[(n - 1) % PRODUCT_TYPES.length];
		const marketplaceIds = onlyIn.length ? onlyIn : REGION_MARKETPLACES[random.pick(['EU', 'EU', 'EU', 'NA', 'NA', 'JP'])].filter((id, i) => i === 0 || random.chance(0.6));
		const listing = buildListing(random, now, {
			sku: `EMU-${PRODUCT_NAMES[productType].code}-${String(n).padStart(4, '0')}`,
			asin: 'B0' + random.code(8),
			productType,
			marketplaceIds,
			fbaChannel: !onlyIn.length && random.chance(0.3) ? afnChannel(marketplaceById(marketplaceIds[0])) : null,
			basePrice: random.int(999, 19999) / 100,
			nameIn: (m) => nameFor(productType, m),
		});
		listings.set(listing.sku, listing);
	}
	return listings;
}

const missingAttributeIssue = (marketplaceIds) => ({
	code: '18448',
	message:
		'Attributes tagged as relevant_attributes are incomplete. Provide values for the following attribute(s): item_weight, item_dimensions',
	severity: 'WARNING',
	attributeNames: ['item_weight', 'item_dimensions'],
	categories: ['MISSING_ATTRIBUTE'],
	marketplaceIds,
});

/** Listings store in ctx.state.listings, seeded on first use (modules may initialise in any order). */
function listingsStore(ctx) {
	if (!ctx.state.listings?.bySku) {
		const count = ctx.options?.listings ?? 100;
		const onlyIn = listOption(ctx.options?.listingsMarketplaces);
		ctx.state.listings = { bySku: seedListings(ctx.seed ?? 42, count, ctx.now(), onlyIn), submissions: 0 };
	}
	return ctx.state.listings;
}

// ---------- derived views ----------
const fulfillmentEntries = (listing) => listing.attributes.fulfillment_availability || [];
const isFba = (listing) => fulfillmentEntries(listing).some((e) => e.fulfillment_channel_code !== 'DEFAULT');
const mfnQuantity = (listing) =>
	fulfillmentEntries(listing).find((e) => e.fulfillment_channel_code === 'DEFAULT')?.quantity ?? 0;
const offerFor = (listing, marketplaceId) =>
	(listing.attributes.purchasable_offer || []).find((o) => o.marketplace_id === marketplaceId);
const priceFor = (listing, marketplaceId) => offerFor(listing, marketplaceId)?.our_price?.[0]?.schedule?.[0]?.value_with_tax;
const itemNameFor = (listing, marketplaceId) =>
	(listing.attributes.item_name || []).find((n) => n.marketplace_id === marketplaceId)?.value ??
	listing.attributes.item_name?.[0]?.value;

function statusFor(listing, marketplaceId, fbaQuantity) {
	const available = isFba(listing) ? fbaQuantity > 0 : mfnQuantity(listing) > 0;
	return priceFor(listing, marketplaceId) !== undefined && available ? ['BUYABLE', 'DISCOVERABLE'] : ['DISCOVERABLE'];
}

/** Renders the Listings Items 2021-08-01 `Item` for the requested marketplaces and includedData. */
function renderItem(listing, marketplaceIds, includedData, fbaQuantity = 0) {
	const ids = marketplaceIds.filter((id) => listing.marketplaceIds.includes(id));
	const item = { sku: listing.sku };
	const sections = {
		summaries: () =>
			ids.map((id) => ({
				marketplaceId: id,
				asin: listing.asin,
				productType: listing.productType,
				conditionType: listing.attributes.condition_type?.[0]?.value || 'new_new',
				status: statusFor(listing, id, fbaQuantity),
				...(listing.fnSku ? { fnSku: listing.fnSku } : {}),
				itemName: itemNameFor(listing, id),
				createdDate: listing.createdDate,
				lastUpdatedDate: listing.lastUpdatedDate,
			})),
		attributes: () => listing.attributes,
		issues: () => listing.issues,
		offers: () =>
			ids
				.filter((id) => priceFor(listing, id) !== undefined)
				.map((id) => ({
					marketplaceId: id,
					offerType: 'B2C',
					price: { currencyCode: offerFor(listing, id).currency, amount: String(priceFor(listing, id)) },
					audience: { value: 'ALL', displayName: 'Sell on Amazon' },
				})),
		fulfillmentAvailability: () =>
			fulfillmentEntries(listing).map((e) => ({
				fulfillmentChannelCode: e.fulfillment_channel_code,
				quantity: e.fulfillment_channel_code === 'DEFAULT' ? e.quantity ?? 0 : fbaQuantity,
			})),
		productTypes: () => ids.map((id) => ({ marketplaceId: id, productType: listing.productType })),
		procurement: () => [],
		relationships: () => ids.map((id) => ({ marketplaceId: id, relationships: [] })),
	};
	for (const name of includedData) if (sections[name]) item[name] = sections[name]();
	return item;
}

module.exports = {
	SELLER_ID,
	afnChannel,
	marketplaceById,
	createRandom,
	listingsStore,
	renderItem,
	isFba,
	mfnQuantity,
	priceFor,
	itemNameFor,
	statusFor,
	PRODUCT_TYPES,
	nameFor,
};
