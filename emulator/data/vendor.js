'use strict';
// Seeded vendor (1P) world: retail purchase orders for two vendor codes across several fulfilment centres, whose
// state moves over (virtual) time, some changed by Amazon after they were placed; direct-fulfillment (dropship)
// orders; and the asynchronous transactions of acknowledgements and confirmations.
const { createRandom } = require('./listings');

const VENDOR_CODE = 'EMUVC';
/** Vendor codes of the emulator's vendor account (the first one is the credential's partner id). */
const VENDOR_CODES = [VENDOR_CODE, 'EMUV2'];
const DAY_MS = 86400000;
const HOUR_MS = 3600000;
/** An acknowledged PO is received (Closed) this long after its acknowledgement. */
const CLOSE_AFTER_MS = 14 * DAY_MS;
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
const PO_TYPES = ['RegularOrder', 'RegularOrder', 'RegularOrder', 'RushOrder', 'NewProductIntroduction', 'ConsignedOrder'];

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function seedItems(random, currency) {
	return Array.from({ length: random.int(1, 4) }, (_, i) => {
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
}

/** A canonical PO. `fields` may fix any of them (the inspection route injects POs this way). */
function buildPurchaseOrder(random, now, fields = {}) {
	const centre = fields.shipToPartyId ? FULFILMENT_CENTRES.find((c) => c.partyId === fields.shipToPartyId) || FULFILMENT_CENTRES[0] : random.pick(FULFILMENT_CENTRES);
	const { partyId, currency, name, ...address } = centre;
	const createdMs = fields.createdMs ?? now;
	const shipStart = createdMs + random.int(2, 5) * DAY_MS;
	const po = {
		purchaseOrderNumber: random.code(8),
		vendorCode: random.pick(VENDOR_CODES),
		purchaseOrderState: 'New',
		createdMs,
		changedMs: createdMs,
		stateChangedMs: createdMs,
		visibleAfterMs: createdMs,
		purchaseOrderType: random.pick(PO_TYPES),
		shipToParty: { partyId, address: { name, ...address } },
		billToParty: BILL_TO[currency],
		shipWindow: `${iso(shipStart)}--${iso(shipStart + 4 * DAY_MS)}`,
		items: seedItems(random, currency),
		acknowledgement: null,
		acknowledgedMs: null,
		/** Scheduled Amazon change: { atMs, kind: 'quantity' | 'cancelItem' } applied when virtual time passes it. */
		pendingChange: null,
		/** Amazon's known behaviour: the acknowledgement is applied but its transaction stays Processing. */
		stuckTransactions: false,
	};
	const { shipToPartyId, ...rest } = fields;
	return { ...po, ...rest };
}

function seedPurchaseOrder(random, now) {
	const createdMs = now - random.int(1, 60 * 24) * HOUR_MS;
	const po = buildPurchaseOrder(random, now, { createdMs });
	const ageDays = (now - createdMs) / DAY_MS;
	if (ageDays > 5 && random.chance(0.75)) {
		// Acknowledged within two days; received two weeks after that (see evolve).
		po.acknowledgedMs = createdMs + random.int(1, 48) * HOUR_MS;
		po.acknowledgement = {
			date: iso(po.acknowledgedMs),
			items: Object.fromEntries(po.items.map((item) => [item.itemSequenceNumber, { accepted: item.orderedQuantity.amount, rejected: 0 }])),
		};
		po.purchaseOrderState = 'Acknowledged';
		po.stateChangedMs = po.acknowledgedMs;
	}
	if (po.purchaseOrderState === 'New' && random.chance(0.25)) {
		// Amazon changes the PO some hours after placing it (possibly still in the future).
		po.pendingChange = { atMs: createdMs + random.int(2, 96) * HOUR_MS, kind: random.pick(['quantity', 'cancelItem']) };
	}
	return po;
}

/** Applies what virtual time has made happen: scheduled Amazon changes, receipt (Closed) of acknowledged POs. */
function evolvePurchaseOrder(po, now) {
	if (po.pendingChange && po.pendingChange.atMs <= now) {
		const { atMs, kind } = po.pendingChange;
		const item = po.items[po.items.length - 1];
		if (kind === 'cancelItem') item.orderedQuantity = { ...item.orderedQuantity, amount: 0 };
		else item.orderedQuantity = { ...item.orderedQuantity, amount: Math.max(1, Math.floor(item.orderedQuantity.amount / 2)) };
		if (kind === 'cancelItem') item.cancelled = true;
		po.changedMs = atMs;
		po.pendingChange = null;
	}
	if (po.purchaseOrderState === 'Acknowledged' && po.acknowledgedMs !== null && po.acknowledgedMs + CLOSE_AFTER_MS <= now) {
		po.purchaseOrderState = 'Closed';
		po.stateChangedMs = po.acknowledgedMs + CLOSE_AFTER_MS;
	}
}

/** Last time the PO changed in any way (Amazon change or state change): what changedAfter/changedBefore filter on. */
const lastChangedMs = (po) => Math.max(po.createdMs, po.changedMs, po.stateChangedMs);

const DF_CUSTOMERS = [
	{ name: 'Jürgen Müller', addressLine1: 'Königsallee 12', city: 'Düsseldorf', stateOrRegion: 'NW', postalCode: '40212', countryCode: 'DE' },
	{ name: 'Hélène Dubois', addressLine1: '5 rue de l’Église', city: 'Lyon', stateOrRegion: 'ARA', postalCode: '69002', countryCode: 'FR' },
	{ name: 'Jane Doe', addressLine1: '123 Main St', city: 'Austin', stateOrRegion: 'TX', postalCode: '78701', countryCode: 'US' },
];

function seedDirectFulfillmentOrder(random, now) {
	const createdMs = now - random.int(1, 14 * 24) * HOUR_MS;
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
		const po = seedPurchaseOrder(random, now);
		purchaseOrders.set(po.purchaseOrderNumber, po);
	}
	const directFulfillmentOrders = new Map();
	for (let i = 0; i < Math.max(5, Math.round(poCount / 2)); i++) {
		const order = seedDirectFulfillmentOrder(random, now);
		directFulfillmentOrders.set(order.purchaseOrderNumber, order);
	}
	return { purchaseOrders, directFulfillmentOrders, transactions: new Map(), shipmentConfirmations: [], dfShipments: [], sequence: 0, random };
}

function vendorStore(ctx) {
	if (!ctx.state.vendor?.purchaseOrders) ctx.state.vendor = seedVendor(ctx.seed ?? 42, ctx.options?.purchaseOrders ?? 50, ctx.now());
	const store = ctx.state.vendor;
	const now = ctx.now();
	for (const po of store.purchaseOrders.values()) evolvePurchaseOrder(po, now);
	return store;
}

/**
 * Inserts or updates a PO (inspection route). New POs default to "placed now"; `visibleLagMs` hides a PO from list
 * queries for that long (Amazon's late-indexing and outage cases). Updating `items` counts as an Amazon change,
 * updating `purchaseOrderState` as a state change, both dated now.
 */
function upsertPurchaseOrder(ctx, partial) {
	const store = vendorStore(ctx);
	const now = ctx.now();
	const { visibleLagMs, createdAgoMs, ...fields } = partial || {};
	const existing = fields.purchaseOrderNumber && store.purchaseOrders.get(fields.purchaseOrderNumber);
	if (existing) {
		if (fields.items) existing.changedMs = now;
		if (fields.purchaseOrderState && fields.purchaseOrderState !== existing.purchaseOrderState) existing.stateChangedMs = now;
		Object.assign(existing, fields);
		if (visibleLagMs !== undefined) existing.visibleAfterMs = now + Number(visibleLagMs);
		return existing;
	}
	const createdMs = createdAgoMs !== undefined ? now - Number(createdAgoMs) : fields.createdMs ?? now;
	const po = buildPurchaseOrder(store.random, now, { createdMs, ...fields });
	po.visibleAfterMs = now + Number(visibleLagMs || 0);
	store.purchaseOrders.set(po.purchaseOrderNumber, po);
	return po;
}

module.exports = { VENDOR_CODE, VENDOR_CODES, vendorStore, upsertPurchaseOrder, lastChangedMs, iso, DAY_MS };
