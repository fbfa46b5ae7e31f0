'use strict';
// Asynchronous vendor submissions, validated when their transaction settles: each valid document is applied,
// each invalid one adds errors (the transaction then reports Failure).

const { VENDOR_CODE } = require('./vendor');

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
	if (ack.sellingParty?.partyId !== VENDOR_CODE)
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
	po.purchaseOrderState = 'Acknowledged';
	po.stateChangedMs = now;
	return [];
}

function settleShipmentConfirmation(confirmation, store) {
	const errors = [];
	if (!confirmation.shipmentIdentifier) errors.push(fail('InvalidInput', 'shipmentIdentifier is required.'));
	if (confirmation.sellingParty?.partyId !== VENDOR_CODE)
		errors.push(fail('InvalidSellingParty', `sellingParty.partyId '${confirmation.sellingParty?.partyId}' is not a vendor code of this account.`));
	const items = confirmation.shippedItems || [];
	if (!items.length) errors.push(fail('InvalidInput', `Shipment ${confirmation.shipmentIdentifier}: shippedItems must not be empty.`));
	for (const item of items) {
		const poNumber = item.itemDetails?.purchaseOrderNumber;
		if (poNumber && !store.purchaseOrders.has(poNumber))
			errors.push(fail('InvalidPurchaseOrderNumber', `Shipment ${confirmation.shipmentIdentifier}: purchase order ${poNumber} was not found.`));
	}
	if (!errors.length) store.shipmentConfirmations.push(confirmation);
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

const SETTLERS = {
	poAcknowledgement: settlePoAcknowledgement,
	shipmentConfirmation: settleShipmentConfirmation,
	dfAcknowledgement: settleDirectFulfillmentAcknowledgement,
};

/** -> { status: 'Success' } | { status: 'Failure', errors } (applied once, when the transaction settles). */
function settleTransaction(transaction, store, now) {
	const errors = transaction.payload.flatMap((document) => SETTLERS[transaction.kind](document || {}, store, now));
	return errors.length ? { status: 'Failure', errors } : { status: 'Success' };
}

module.exports = { settleTransaction };
