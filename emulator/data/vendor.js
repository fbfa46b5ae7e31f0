'use strict';
// Seeded vendor (1P) data: retail purchase orders and direct-fulfillment (dropship) orders, plus async transactions.
const { createRandom } = require('./listings');

const VENDOR_CODE = 'EMUVC';
const DAY_MS = 86400000;
const FULFILMENT_CENTRES = [
	{ partyId: 'FRA7', name: 'Amazon FRA7', addressLine1: 'Am Schloß Eichhof 1', city: 'Bad Hersfeld', postalCode: '36251', countryCode: 'DE', currency: 'EUR' },
	{ partyId: 'LEJ1', name: 'Amazon LEJ1', addressLine1: 'Amazonstraße 1', city: 'Leipzig', postalCode: '04347', countryCode: 'DE', currency: 'EUR' },
	{ partyId: 'PHX7', name: 'Amazon PHX7', addressLine1: '800 N 75th Ave', city: 'Phoenix', stateOrRegion: 'AZ', postalCode: '85043', countryCode: 'US', currency: 'USD' },
	{ partyId: 'BHX4', name: 'Amazon BHX4', addressLine1: 'Plot 1 Kingsbury Link', city: 'Coventry', postalCode: 'CV7 8RX', countryCode: 'GB', currency: 'GBP' },
];
const BILL_TO = {
	EUR: { partyId: 'AMZN-EU', address: { name: 'Amazon EU S.à r.l.', addressLine1: '38 avenue John F. Kennedy', city: 'Luxembourg', postalCode: 'L-1855', countryCode: 'LU' }, taxInfo: { taxRegistrationType: 'VAT', taxRegistrationNumber: 'LU20260743' } },
	GBP: { partyId: 'AMZN-UK', address: { name: 'Amazon UK Services Ltd.', addressLine1: '1 Principal Place', city: 'London', postalCode: 'EC2A 2FA', countryCode: 'GB' }, taxInfo: { taxRegistrationType: 'VAT', taxRegistrationNumber: 'GB727255821' } },
	USD: { partyId: 'AMZN-US', address: { name: 'Amazon.com Services LLC', addressLine1: '410 Terry Ave N', city: 'Seattle', stateOrRegion: 'WA', postalCode: '98109', countryCode: 'US' } },
};

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function seedPurchaseOrder(random, now, index) {
	const centre = random.pick(FULFILMENT_CENTRES);
	const { partyId, currency, name, ...address } = centre;
	const createdMs = now - random.int(1, 60 * 24) * 3600000;
	const ageDays = (now - createdMs) / DAY_MS;
	const state = ageDays > 21 ? (random.chance(0.8) ? 'Closed' : 'Acknowledged') : ageDays > 5 ? random.pick(['New', 'Acknowledged', 'Acknowledged']) : 'New';
	const shipStart = createdMs + random.int(2, 5) * DAY_MS;
	const items = Array.from({ length: random.int(1, 4) }, (_, i) => {
		const cases = random.chance(0.3);
		const netCost = random.int(300, 9000) / 100;
		return {
			itemSequenceNumber: String(i + 1),
			amazonProductIdentifier: 'B0' + random.code(8),
			vendorProductIdentifier: '40' + random.code(11, '0123456789'),
			orderedQuantity: { amount: random.int(1, 40) * (cases ? 1 : 6), unitOfMeasure: cases ? 'Cases' : 'Eaches', unitSize: cases ? random.pick([6, 12]) : 1 },
			isBackOrderAllowed: random.chance(0.4),
			netCost: { currencyCode: currency, amount: netCost.toFixed(2) },
			listPrice: { currencyCode: currency, amount: (netCost * 1.6).toFixed(2) },
		};
	});
	return {
		purchaseOrderNumber: String(index).padStart(2, '0').slice(-2) + random.code(6),
		purchaseOrderState: state,
		createdMs,
		changedMs: createdMs,
		stateChangedMs: state === 'New' ? createdMs : createdMs + random.int(1, 48) * 3600000,
		purchaseOrderType: random.pick(['RegularOrder', 'RegularOrder', 'RegularOrder', 'RushOrder', 'NewProductIntroduction']),
		shipToParty: { partyId, address: { name, ...address } },
		billToParty: BILL_TO[currency],
		shipWindow: `${iso(shipStart)}--${iso(shipStart + 4 * DAY_MS)}`,
		items,
		acknowledgement: null,
	};
}

const DF_CUSTOMERS = [
	{ name: 'Jürgen Müller', addressLine1: 'Königsallee 12', city: 'Düsseldorf', stateOrRegion: 'NW', postalCode: '40212', countryCode: 'DE' },
	{ name: 'Hélène Dubois', addressLine1: '5 rue de l’Église', city: 'Lyon', stateOrRegion: 'ARA', postalCode: '69002', countryCode: 'FR' },
	{ name: 'Jane Doe', addressLine1: '123 Main St', city: 'Austin', stateOrRegion: 'TX', postalCode: '78701', countryCode: 'US' },
];

function seedDirectFulfillmentOrder(random, now) {
	const createdMs = now - random.int(1, 14 * 24) * 3600000;
	const customer = random.pick(DF_CUSTOMERS);
	const currency = customer.countryCode === 'US' ? 'USD' : 'EUR';
	const items = Array.from({ length: random.int(1, 2) }, (_, i) => {
		const price = random.int(999, 14999) / 100;
		return {
			itemSequenceNumber: String(i + 1).padStart(5, '0'),
			buyerProductIdentifier: 'B0' + random.code(8),
			vendorProductIdentifier: '40' + random.code(11, '0123456789'),
			title: random.pick(['Kaffeemühle – Edelstahl', 'Wanderrucksack 20 L', 'LED desk lamp']),
			orderedQuantity: { amount: random.int(1, 3), unitOfMeasure: 'Each' },
			netPrice: { currencyCode: currency, amount: price.toFixed(2) },
		};
	});
	return {
		purchaseOrderNumber: random.code(8),
		customerOrderNumber: `${random.code(3, '0123456789')}-${random.code(7, '0123456789')}-${random.code(7, '0123456789')}`,
		createdMs,
		status: createdMs < now - 7 * DAY_MS ? random.pick(['SHIPPED', 'ACCEPTED']) : random.pick(['NEW', 'NEW', 'ACCEPTED']),
		shipMethod: random.pick(['UPS_GROUND', 'DHL_PAKET', 'FEDEX_PTP_HOME_DELIVERY']),
		shipFromParty: { partyId: 'EMUWH' },
		shipToParty: { ...customer },
		items,
		acknowledgement: null,
	};
}

function seedVendor(seed, poCount, now) {
	const random = createRandom(seed, 'vendor');
	const purchaseOrders = new Map();
	for (let i = 1; i <= poCount; i++) {
		const po = seedPurchaseOrder(random, now, i);
		purchaseOrders.set(po.purchaseOrderNumber, po);
	}
	const directFulfillmentOrders = new Map();
	for (let i = 0; i < Math.max(5, Math.round(poCount / 2)); i++) {
		const order = seedDirectFulfillmentOrder(random, now);
		directFulfillmentOrders.set(order.purchaseOrderNumber, order);
	}
	return { purchaseOrders, directFulfillmentOrders, transactions: new Map(), shipmentConfirmations: [], sequence: 0 };
}

function vendorStore(ctx) {
	if (!ctx.state.vendor?.purchaseOrders) ctx.state.vendor = seedVendor(ctx.seed ?? 42, ctx.options?.purchaseOrders ?? 50, ctx.now());
	return ctx.state.vendor;
}

module.exports = { VENDOR_CODE, vendorStore, iso, DAY_MS };
