'use strict';
// Asynchronous vendor submissions, validated when their transaction settles: each valid document is applied,
// each invalid one adds errors (the transaction then reports Failure).

const { VENDOR_CODES } = require('./vendor');

const fail = (code, message, details = '') => ({ code, message, details });
const sum = (list, pick) => list.reduce((total, entry) => total + (Number(pick(entry)) || 0), 0);

function findPoItem(po, ackItem) {
	return po.items.find(
		(i) =>
			(ackItem.itemSequenceNumber && i.itemSequenceNumber === ackItem.itemSequenceNumber) ||
			(ackItem.amazonProductIdentifier && i.amazonProductIdentifier === ackItem.amazonProductIdentifier) ||
			(ackItem.vendorProductIdentifier && i.vendorProductIdentifier === ackItem.vendorProductIdentifier),
	);
}

function acknowledgementItemErrors(po, ackItem) {
	const label = `Item ${ackItem.itemSequenceNumber || ackItem.amazonProductIdentifier || ackItem.vendorProductIdentifier || '?'} of purchase order ${po.purchaseOrderNumber}`;
	const poItem = findPoItem(po, ackItem);
	if (!poItem) return [fail('InvalidItem', `${label} does not exist on the purchase order.`)];
	const errors = [];
	const ordered = poItem.orderedQuantity.amount;
	if (ackItem.orderedQuantity?.amount !== ordered || (ackItem.orderedQuantity?.unitOfMeasure && ackItem.orderedQuantity.unitOfMeasure !== poItem.orderedQuantity.unitOfMeasure))
		errors.push(fail('InvalidQuantity', `${label}: orderedQuantity ${ackItem.orderedQuantity?.amount} ${ackItem.orderedQuantity?.unitOfMeasure || ''} does not match the ordered ${ordered} ${poItem.orderedQuantity.unitOfMeasure}.`));
	const acknowledgements = ackItem.itemAcknowledgements || [];
	const acknowledged = sum(acknowledgements, (a) => a.acknowledgedQuantity?.amount);
	if (acknowledged !== ordered)
		errors.push(fail('InvalidQuantity', `${label}: acknowledged quantities add up to ${acknowledged}, but ${ordered} were ordered.`));
	if (acknowledgements.some((a) => a.acknowledgementCode === 'Backordered') && !poItem.isBackOrderAllowed)
		errors.push(fail('BackorderNotAllowed', `${label}: Backordered is not allowed because isBackOrderAllowed is false for this item.`));
	if (!ackItem.netCost?.amount) errors.push(fail('MissingNetCost', `${label}: netCost is required.`));
	return errors;
}

function settlePoAcknowledgement(ack, store, now) {
	const po = store.purchaseOrders.get(ack.purchaseOrderNumber);
	if (!po) return [fail('InvalidPurchaseOrderNumber', `Purchase order ${ack.purchaseOrderNumber} was not found.`)];
	if (ack.sellingParty?.partyId !== po.vendorCode)
		return [fail('InvalidSellingParty', `sellingParty.partyId '${ack.sellingParty?.partyId}' is not the vendor code of purchase order ${po.purchaseOrderNumber}.`)];
	if (po.purchaseOrderState === 'Closed') return [fail('PurchaseOrderClosed', `Purchase order ${po.purchaseOrderNumber} is closed and cannot be acknowledged.`)];
	const items = ack.items || [];
	const errors = items.flatMap((item) => acknowledgementItemErrors(po, item));
	const missing = po.items.filter((poItem) => !items.some((item) => findPoItem(po, item) === poItem));
	missing.forEach((poItem) => errors.push(fail('InvalidItem', `Item ${poItem.itemSequenceNumber} of purchase order ${po.purchaseOrderNumber} is not acknowledged.`)));
	if (errors.length) return errors;
	const byCode = (item, code) => sum(item.itemAcknowledgements.filter((a) => a.acknowledgementCode === code), (a) => a.acknowledgedQuantity.amount);
	po.acknowledgement = {
		date: ack.acknowledgementDate,
		items: Object.fromEntries(
			items.map((item) => [findPoItem(po, item).itemSequenceNumber, { accepted: byCode(item, 'Accepted') + byCode(item, 'Backordered'), rejected: byCode(item, 'Rejected') }]),
		),
	};
	if (po.purchaseOrderState !== 'Acknowledged') po.stateChangedMs = now;
	po.purchaseOrderState = 'Acknowledged';
	po.acknowledgedMs = now;
	return [];
}

const itemNumber = (value) => String(Number(value));

/** Shipped quantity per PO item must stay within the accepted (acknowledged) quantity. */
function shippedItemErrors(confirmation, item, store) {
	const label = `Shipment ${confirmation.shipmentIdentifier}, item ${item.itemSequenceNumber}`;
	const poNumber = item.itemDetails?.purchaseOrderNumber;
	if (!poNumber) return [fail('InvalidInput', `${label}: itemDetails.purchaseOrderNumber is required.`)];
	const po = store.purchaseOrders.get(poNumber);
	if (!po) return [fail('InvalidPurchaseOrderNumber', `${label}: purchase order ${poNumber} was not found.`)];
	if (!po.acknowledgement) return [fail('PurchaseOrderNotAcknowledged', `${label}: purchase order ${poNumber} is not acknowledged.`)];
	const poItem = po.items.find(
		(i) => (item.amazonProductIdentifier && i.amazonProductIdentifier === item.amazonProductIdentifier) ||
			(item.vendorProductIdentifier && i.vendorProductIdentifier === item.vendorProductIdentifier) ||
			(!item.amazonProductIdentifier && !item.vendorProductIdentifier && i.itemSequenceNumber === itemNumber(item.itemSequenceNumber)),
	);
	if (!poItem) return [fail('InvalidItem', `${label} is not on purchase order ${poNumber}.`)];
	const accepted = po.acknowledgement.items[poItem.itemSequenceNumber]?.accepted ?? 0;
	const shipped = Number(item.shippedQuantity?.amount);
	if (!(shipped > 0) || shipped > accepted)
		return [fail('InvalidQuantity', `${label}: shipped quantity ${item.shippedQuantity?.amount} exceeds the accepted quantity ${accepted} of purchase order ${poNumber}.`)];
	return [];
}

function settleShipmentConfirmation(confirmation, store) {
	const errors = [];
	if (!confirmation.shipmentIdentifier) errors.push(fail('InvalidInput', 'shipmentIdentifier is required.'));
	if (!VENDOR_CODES.includes(confirmation.sellingParty?.partyId))
		errors.push(fail('InvalidSellingParty', `sellingParty.partyId '${confirmation.sellingParty?.partyId}' is not a vendor code of this account.`));
	const replaces = store.shipmentConfirmations.some((c) => c.shipmentIdentifier === confirmation.shipmentIdentifier);
	if (confirmation.shipmentConfirmationType === 'Original' && replaces)
		errors.push(fail('DuplicateShipment', `Shipment ${confirmation.shipmentIdentifier} was already confirmed; send a Replace confirmation to change it.`));
	if (confirmation.shipmentConfirmationType === 'Replace' && !replaces)
		errors.push(fail('InvalidInput', `Shipment ${confirmation.shipmentIdentifier} has no Original confirmation to replace.`));
	const items = confirmation.shippedItems || [];
	if (!items.length) errors.push(fail('InvalidInput', `Shipment ${confirmation.shipmentIdentifier}: shippedItems must not be empty.`));
	for (const item of items) errors.push(...shippedItemErrors(confirmation, item, store));
	if (!errors.length) {
		store.shipmentConfirmations = store.shipmentConfirmations.filter((c) => c.shipmentIdentifier !== confirmation.shipmentIdentifier);
		store.shipmentConfirmations.push(confirmation);
	}
	return errors;
}

const DF_CODES = { '00': 'ACCEPTED', '02': 'CANCELLED', '03': 'CANCELLED' };

function settleDirectFulfillmentAcknowledgement(ack, store) {
	const order = store.directFulfillmentOrders.get(ack.purchaseOrderNumber);
	if (!order) return [fail('InvalidPurchaseOrderNumber', `Purchase order ${ack.purchaseOrderNumber} was not found.`)];
	if (order.status !== 'NEW') return [fail('InvalidInput', `Purchase order ${order.purchaseOrderNumber} is ${order.status} and cannot be acknowledged again.`)];
	const newStatus = DF_CODES[ack.acknowledgementStatus?.code];
	if (!newStatus) return [fail('InvalidInput', `acknowledgementStatus.code '${ack.acknowledgementStatus?.code}' is not valid.`)];
	const errors = [];
	for (const item of order.items) {
		const acked = (ack.itemAcknowledgements || []).find((a) => a.itemSequenceNumber === item.itemSequenceNumber);
		// Direct fulfillment is fill-or-kill: a shipping acknowledgement must cover each full line.
		if (newStatus === 'ACCEPTED' && acked?.acknowledgedQuantity?.amount !== item.orderedQuantity.amount)
			errors.push(fail('InvalidQuantity', `Item ${item.itemSequenceNumber} of purchase order ${order.purchaseOrderNumber}: partial acknowledgements are not allowed; acknowledge ${item.orderedQuantity.amount}.`));
	}
	if (!errors.length) order.status = newStatus;
	return errors;
}

function settleDirectFulfillmentShipment(confirmation, store) {
	const order = store.directFulfillmentOrders.get(confirmation.purchaseOrderNumber);
	if (!order) return [fail('InvalidPurchaseOrderNumber', `Purchase order ${confirmation.purchaseOrderNumber} was not found.`)];
	if (order.status !== 'ACCEPTED') return [fail('InvalidInput', `Purchase order ${order.purchaseOrderNumber} is ${order.status}; only ACCEPTED orders can be confirmed as shipped.`)];
	if (!confirmation.shipmentDetails?.shippedDate) return [fail('InvalidInput', 'shipmentDetails.shippedDate is required.')];
	const errors = [];
	for (const item of order.items) {
		const shipped = (confirmation.items || []).find((i) => Number(i.itemSequenceNumber) === Number(item.itemSequenceNumber));
		if (shipped?.shippedQuantity?.amount !== item.orderedQuantity.amount)
			errors.push(fail('InvalidQuantity', `Item ${item.itemSequenceNumber} of purchase order ${order.purchaseOrderNumber}: ship the full ${item.orderedQuantity.amount}.`));
	}
	if ((confirmation.containers || []).some((c) => !c.trackingNumber))
		errors.push(fail('InvalidInput', `Purchase order ${order.purchaseOrderNumber}: every container needs a trackingNumber.`));
	if (!errors.length) {
		order.status = confirmation.shipmentDetails.shipmentStatus === 'FLOOR_DENIAL' ? 'CANCELLED' : 'SHIPPED';
		store.dfShipments.push(confirmation);
	}
	return errors;
}

const SETTLERS = {
	poAcknowledgement: settlePoAcknowledgement,
	shipmentConfirmation: settleShipmentConfirmation,
	dfAcknowledgement: settleDirectFulfillmentAcknowledgement,
	dfShipmentConfirmation: settleDirectFulfillmentShipment,
};

/**
 * -> { status: 'Success' } | { status: 'Failure', errors } (applied once, when the transaction settles); `stuck`
 * when a PO of the transaction is marked to keep its transactions in Processing.
 */
function settleTransaction(transaction, store, now) {
	const errors = transaction.payload.flatMap((document) => SETTLERS[transaction.kind](document || {}, store, now));
	const stuck = transaction.payload.some((document) => store.purchaseOrders.get(document?.purchaseOrderNumber)?.stuckTransactions);
	return { ...(errors.length ? { status: 'Failure', errors } : { status: 'Success' }), ...(stuck ? { stuck: true } : {}) };
}

module.exports = { settleTransaction };
