import { SpApiInputError } from '../http/errors';
import type { JsonObject, SpApiRequester } from '../types';
import { requireTransactionId } from './acknowledgements';
import type { PurchaseOrder, PurchaseOrderStatus } from './types';

export interface ShippedLine {
	/** Item sequence number, ASIN or vendor product ID. */
	item: string;
	quantity: number;
}

export interface ContainerInput {
	type: 'carton' | 'pallet';
	/** SSCC (18 digits) unless `identifierType` says otherwise. */
	identifier: string;
	identifierType?: 'SSCC' | 'AMZNCC' | 'GTIN' | 'BPS' | 'CID';
	trackingNumber?: string;
	/** Lines packed in it; every shipped line when absent. */
	lines?: ShippedLine[];
}

export interface AsnInput {
	shipmentIdentifier: string;
	confirmationType: 'Original' | 'Replace';
	shipFromPartyId: string;
	shipToPartyId?: string;
	sellingPartyId?: string;
	shipmentType?: 'TruckLoad' | 'LessThanTruckLoad' | 'SmallParcel';
	carrierScac?: string;
	billOfLadingNumber?: string;
	shippedDate: string;
	estimatedDeliveryDate?: string;
	confirmationDate: string;
	/** Lines to ship; every accepted quantity when absent. */
	lines?: ShippedLine[];
	containers?: ContainerInput[];
}

export interface AsnLine {
	itemSequenceNumber: string;
	amazonProductIdentifier?: string;
	vendorProductIdentifier?: string;
	accepted: number;
	shipped: number;
	unitOfMeasure: string;
}

const pad3 = (value: string | number) => String(value).padStart(3, '0');

/** Accepted (acknowledged) quantity per item sequence number, from getPurchaseOrdersStatus. */
export function acceptedQuantities(status: PurchaseOrderStatus | undefined): Map<string, number> {
	const accepted = new Map<string, number>();
	for (const item of status?.itemStatus ?? []) {
		accepted.set(String(Number(item.itemSequenceNumber)), item.acknowledgementStatus?.acceptedQuantity?.amount ?? 0);
	}
	return accepted;
}

function resolveLines(order: PurchaseOrder, accepted: Map<string, number>, lines: ShippedLine[] | undefined): AsnLine[] {
	const items = order.orderDetails?.items ?? [];
	const acceptedOf = (sequence: string) => accepted.get(String(Number(sequence))) ?? 0;
	const wanted = lines ?? items.map((item) => ({ item: item.itemSequenceNumber, quantity: acceptedOf(item.itemSequenceNumber) })).filter((line) => line.quantity > 0);
	if (!wanted.length) {
		throw new SpApiInputError('items', `PO ${order.purchaseOrderNumber} has no accepted quantity to ship`, 'Acknowledge the PO (accept some quantity) before confirming a shipment.');
	}
	return wanted.map((line) => {
		const item = items.find(
			(candidate) =>
				Number(candidate.itemSequenceNumber) === Number(line.item) || candidate.amazonProductIdentifier === line.item || candidate.vendorProductIdentifier === line.item,
		);
		if (!item) throw new SpApiInputError('items', `item "${line.item}" is not on PO ${order.purchaseOrderNumber}`, 'Use the item sequence number, ASIN or vendor product ID of a PO item.');
		const max = acceptedOf(item.itemSequenceNumber);
		if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > max) {
			throw new SpApiInputError(
				'items',
				`item ${item.itemSequenceNumber} of PO ${order.purchaseOrderNumber}: shipped quantity ${line.quantity} is not between 1 and the accepted ${max}`,
				'Ship at most what you accepted in the acknowledgement.',
			);
		}
		return {
			itemSequenceNumber: item.itemSequenceNumber,
			amazonProductIdentifier: item.amazonProductIdentifier,
			vendorProductIdentifier: item.vendorProductIdentifier,
			accepted: max,
			shipped: line.quantity,
			unitOfMeasure: item.orderedQuantity.unitOfMeasure,
		};
	});
}

function containerItems(lines: AsnLine[], packed: ShippedLine[] | undefined) {
	const chosen = packed ? packed.map((p) => ({ line: lines.find((l) => Number(l.itemSequenceNumber) === Number(p.item) || l.amazonProductIdentifier === p.item || l.vendorProductIdentifier === p.item), quantity: p.quantity })) : lines.map((line) => ({ line, quantity: line.shipped }));
	return chosen.map(({ line, quantity }) => {
		if (!line) throw new SpApiInputError('containers', 'a container holds an item that is not shipped', 'Pack only shipped items.');
		return { itemReference: pad3(line.itemSequenceNumber), shippedQuantity: { amount: quantity, unitOfMeasure: line.unitOfMeasure } };
	});
}

/** Builds a shipment confirmation (ASN) for one PO and checks quantities against the accepted ones. */
export function buildShipmentConfirmation(
	order: PurchaseOrder,
	status: PurchaseOrderStatus | undefined,
	input: AsnInput,
): { body: JsonObject; lines: AsnLine[] } {
	if (!input.shipmentIdentifier.trim()) throw new SpApiInputError('shipmentIdentifier', 'is empty', 'Enter a shipment ID not used in the last 365 days.');
	if (order.purchaseOrderState === 'New') {
		throw new SpApiInputError('purchaseOrderNumber', `PO ${order.purchaseOrderNumber} is not acknowledged yet`, 'Acknowledge the PO first, then confirm the shipment.');
	}
	const lines = resolveLines(order, acceptedQuantities(status), input.lines);
	const details = order.orderDetails;
	const sellingPartyId = input.sellingPartyId || details?.sellingParty?.partyId;
	const shipToPartyId = input.shipToPartyId || details?.shipToParty?.partyId;
	if (!sellingPartyId || !shipToPartyId) throw new SpApiInputError('shipToPartyId', 'the PO names no ship-to or selling party', 'Enter them in the options.');
	const containers = input.containers ?? [];
	const container = (c: ContainerInput, index: number) => ({
		identifiers: [{ containerIdentificationType: c.identifierType ?? 'SSCC', containerIdentificationNumber: c.identifier }],
		items: containerItems(lines, c.lines),
		index,
	});
	const cartons = containers.filter((c) => c.type === 'carton').map((c, i) => {
		const { identifiers, items } = container(c, i);
		return { cartonIdentifiers: identifiers, cartonSequenceNumber: pad3(i + 1), items, ...(c.trackingNumber ? { trackingNumber: c.trackingNumber } : {}) };
	});
	const pallets = containers.filter((c) => c.type === 'pallet').map((c, i) => {
		const { identifiers, items } = container(c, i);
		return { palletIdentifiers: identifiers, items };
	});
	const body: JsonObject = {
		shipmentIdentifier: input.shipmentIdentifier.trim(),
		shipmentConfirmationType: input.confirmationType,
		...(input.shipmentType ? { shipmentType: input.shipmentType } : {}),
		shipmentConfirmationDate: input.confirmationDate,
		shippedDate: input.shippedDate,
		...(input.estimatedDeliveryDate ? { estimatedDeliveryDate: input.estimatedDeliveryDate } : {}),
		sellingParty: { partyId: sellingPartyId },
		shipFromParty: { partyId: input.shipFromPartyId },
		shipToParty: { partyId: shipToPartyId },
		...(input.carrierScac || input.billOfLadingNumber
			? {
					transportationDetails: {
						...(input.carrierScac ? { carrierScac: input.carrierScac } : {}),
						...(input.billOfLadingNumber ? { billOfLadingNumber: input.billOfLadingNumber } : {}),
					},
				}
			: {}),
		shippedItems: lines.map((line) => ({
			itemSequenceNumber: pad3(line.itemSequenceNumber),
			...(line.amazonProductIdentifier ? { amazonProductIdentifier: line.amazonProductIdentifier } : {}),
			...(line.vendorProductIdentifier ? { vendorProductIdentifier: line.vendorProductIdentifier } : {}),
			shippedQuantity: { amount: line.shipped, unitOfMeasure: line.unitOfMeasure },
			itemDetails: { purchaseOrderNumber: order.purchaseOrderNumber },
		})),
		...(cartons.length ? { cartons } : {}),
		...(pallets.length ? { pallets } : {}),
	};
	return { body, lines };
}

export async function submitShipmentConfirmations(requester: SpApiRequester, confirmations: JsonObject[]): Promise<string> {
	const response = await requester.request<{ transactionId?: string }>({
		operation: 'vendorShipments.SubmitShipmentConfirmations',
		method: 'POST',
		path: '/vendor/shipping/v1/shipmentConfirmations',
		body: { shipmentConfirmations: confirmations },
		unwrapPayload: true,
		idempotent: false,
	});
	return requireTransactionId(response.data, 'vendorShipments.SubmitShipmentConfirmations');
}
