'use strict';

const { LOCALES, MARKETPLACE_WEIGHTS, PRODUCTS, SHIP_LEVELS, CARRIERS } = require('./orderFixtures');
const { marketplaceByCode } = require('./marketplaces');

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// The first orders cycle through every status so even tiny data sets contain each one.
const STATUS_CYCLE = ['Unshipped', 'Shipped', 'Pending', 'PartiallyShipped', 'Canceled', 'Unfulfillable', 'InvoiceUnconfirmed', 'PendingAvailability'];
const STATUS_WEIGHTS = [['Shipped', 45], ['Unshipped', 20], ['Pending', 10], ['Canceled', 8], ['PartiallyShipped', 6], ['Unfulfillable', 2], ['InvoiceUnconfirmed', 3], ['PendingAvailability', 2]];
const TLD = { US: 'com', CA: 'ca', DE: 'de', GB: 'co.uk', FR: 'fr', IT: 'it', ES: 'es', JP: 'co.jp', AU: 'com.au' };

const money = (amount, decimals) => amount.toFixed(decimals);

function shuffled(tools, list) {
	const copy = [...list];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = tools.int(0, index);
		[copy[index], copy[other]] = [copy[other], copy[index]];
	}
	return copy;
}

function pickChannel(tools, status) {
	if (status === 'Unfulfillable') return 'AFN';
	if (status === 'InvoiceUnconfirmed' || status === 'PartiallyShipped' || status === 'PendingAvailability') return 'MFN';
	return tools.chance(0.3) ? 'AFN' : 'MFN';
}

function pickShipLevel(tools, { channel, isPrime }) {
	if (isPrime && channel === 'MFN') return 'prime';
	if (channel === 'AFN') return tools.chance(0.7) ? 'standard' : 'expedited';
	return tools.weighted([['standard', 60], ['expedited', 20], ['nextDay', 8], ['secondDay', 7], ['freeEconomy', 5]]);
}

/** Purchase and last-update offsets (ms before now) that fit the status' life cycle. */
function pickTimeline(tools, status, now) {
	const ago = (min, max) => now - tools.int(min, max);
	if (status === 'Pending') {
		const purchase = ago(MINUTE, 30 * MINUTE);
		return { purchase, lastUpdate: purchase };
	}
	const purchase = status === 'Unshipped' ? ago(10 * MINUTE, 3 * DAY) : ago(10 * MINUTE, 30 * DAY);
	const delay = status === 'Unshipped' || status === 'PendingAvailability' ? tools.int(MINUTE, 40 * MINUTE) : tools.int(HOUR, 3 * DAY);
	return { purchase, lastUpdate: Math.min(now - tools.int(0, 5 * MINUTE), purchase + delay) };
}

function buildAddress(tools, locale, countryCode, { isBusiness, name }) {
	const [city, stateOrRegion, postalCode] = tools.pick(locale.cities);
	const street = tools.pick(locale.streets);
	const number = tools.int(1, 220);
	const address = {
		name,
		addressLine1: locale.streetFirst ? `${street} ${number}` : `${number} ${street}`,
		addressLine2: tools.chance(0.2) ? `Apt ${tools.int(1, 40)}` : null,
		addressLine3: null,
		city,
		stateOrRegion,
		postalCode,
		countryCode,
		phone: `${locale.phone}${tools.digits(4)}`,
		addressType: isBusiness ? 'Commercial' : 'Residential',
	};
	if (countryCode === 'DE' && tools.chance(0.25)) {
		// DHL Packstation: station number in line 1, the customer's PostNummer in line 2 or the company field.
		address.addressLine1 = `Packstation ${tools.int(100, 250)}`;
		const postNummer = tools.digits(tools.int(8, 10));
		if (tools.chance(0.5)) address.addressLine2 = postNummer;
		else {
			address.addressLine2 = null;
			address.companyName = postNummer;
		}
	}
	return address;
}

function buildItems(tools, locale, { isGift, isPrime, channel, status }) {
	const count = tools.weighted([[1, 70], [2, 20], [3, 7], [4, 3]]);
	const products = shuffled(tools, PRODUCTS).slice(0, count);
	const taxOf = (gross) => (locale.taxIncluded ? gross - gross / (1 + locale.tax) : gross * locale.tax);
	const round = (value) => Number(value.toFixed(locale.decimals));
	return products.map((product, index) => {
		const quantity = tools.weighted([[1, 80], [2, 15], [3, 5]]);
		const unit = round(product.price * locale.priceScale * (0.9 + tools.rng() * 0.2));
		const itemPrice = round(unit * quantity);
		const shipping = isPrime || channel === 'AFN' || index > 0 ? 0 : round(4.99 * locale.priceScale);
		const discount = tools.chance(0.15) ? round(itemPrice * 0.1) : 0;
		const giftWrap = isGift && tools.chance(0.5) ? round(2.99 * locale.priceScale) : 0;
		const shipped = status === 'Shipped' || status === 'InvoiceUnconfirmed' || (status === 'PartiallyShipped' && index === 0);
		return {
			orderItemId: tools.digits(14),
			asin: product.asin,
			sellerSku: product.sku,
			title: product.title,
			quantityOrdered: quantity,
			quantityShipped: shipped ? quantity : 0,
			quantityCanceled: status === 'Canceled' ? quantity : 0,
			itemPrice: money(itemPrice, locale.decimals),
			itemTax: money(taxOf(itemPrice), locale.decimals),
			shippingPrice: money(shipping, locale.decimals),
			shippingTax: money(taxOf(shipping), locale.decimals),
			promotionDiscount: money(discount, locale.decimals),
			isGift,
			giftWrapPrice: giftWrap ? money(giftWrap, locale.decimals) : null,
			giftMessage: isGift ? tools.pick(['Happy birthday!', 'Enjoy!', 'Frohe Weihnachten!', 'With love']) : null,
		};
	});
}

function buildShipments(tools, order) {
	const shippedItems = order.items.filter((item) => item.quantityShipped > 0);
	if (order.fulfillmentChannel !== 'MFN' || !shippedItems.length) return [];
	return [
		{
			packageReferenceId: '1',
			carrierCode: tools.pick(CARRIERS[order.shippingAddress.countryCode] || CARRIERS.US),
			carrierName: null,
			shippingMethod: 'Standard',
			trackingNumber: `1Z${tools.digits(16)}`,
			shipDate: order.lastUpdateDate,
			items: shippedItems.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantityShipped })),
		},
	];
}

/**
 * One realistic EmuOrder (CONTRACT.md), deterministic for a given rng state. `fixed` pins status, channel, Prime,
 * ship level (a SHIP_LEVELS key) and the age in ms (purchase = last update = now - age); unpinned ones are random.
 */
function generateOrder(tools, { now, index = Infinity, marketplaceCode, fixed = {} }) {
	const code = marketplaceCode || tools.weighted(MARKETPLACE_WEIGHTS);
	const marketplace = marketplaceByCode(code);
	const locale = LOCALES[code] || LOCALES.US;
	const status = fixed.status || (index < STATUS_CYCLE.length ? STATUS_CYCLE[index] : tools.weighted(STATUS_WEIGHTS));
	const channel = fixed.channel || pickChannel(tools, status);
	const isBusiness = tools.chance(0.12);
	const isPrime = fixed.isPrime ?? tools.chance(channel === 'AFN' ? 0.6 : 0.15);
	const isGift = tools.chance(0.08);
	const level = SHIP_LEVELS[fixed.level || pickShipLevel(tools, { channel, isPrime })];
	const { purchase, lastUpdate } =
		fixed.ageMs === undefined ? pickTimeline(tools, status, now) : { purchase: now - fixed.ageMs, lastUpdate: now - fixed.ageMs };
	const name = `${tools.pick(locale.first)} ${tools.pick(locale.last)}`;
	const company = isBusiness ? `${tools.pick(locale.last)} ${tools.pick(['GmbH', 'Ltd', 'LLC', 'SARL', 'S.p.A.', 'KK', 'Pty Ltd'])}` : null;
	const order = {
		orderId: `${tools.pick(locale.orderPrefix)}-${tools.digits(7)}-${tools.digits(7)}`,
		merchantOrderId: null,
		marketplaceId: marketplace.id,
		purchaseDate: new Date(purchase).toISOString(),
		lastUpdateDate: new Date(lastUpdate).toISOString(),
		visibleAfter: new Date(lastUpdate).toISOString(),
		status,
		fulfillmentChannel: channel,
		isPrime,
		isBusiness,
		isPremium: tools.chance(0.05),
		shipServiceLevel: level[0].replace('{cc}', code === 'GB' ? 'UK' : code),
		shipmentServiceLevelCategory: level[1],
		fulfillmentServiceLevel: level[2],
		currency: marketplace.currency,
		buyer: {
			name,
			email: `${tools.digits(4)}${Math.floor(tools.rng() * 36 ** 8).toString(36)}@marketplace.amazon.${TLD[code] || 'com'}`,
			companyName: company,
			purchaseOrderNumber: isBusiness && tools.chance(0.5) ? `PO-${tools.digits(6)}` : null,
		},
		shippingAddress: buildAddress(tools, locale, code, { isBusiness, name }),
		items: buildItems(tools, locale, { isGift, isPrime, channel, status }),
		shipments: [],
		acknowledged: status !== 'Pending' && tools.chance(0.5),
	};
	order.shipments = buildShipments(tools, order);
	return order;
}

module.exports = { generateOrder, STATUS_CYCLE, MINUTE };
