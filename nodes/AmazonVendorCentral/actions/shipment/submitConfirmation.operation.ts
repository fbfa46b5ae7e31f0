import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPurchaseOrder, getPurchaseOrderStatus } from '../../../AmazonSpApi/core/vendor/purchaseOrders';
import { buildShipmentConfirmation, submitShipmentConfirmations, type AsnInput, type ContainerInput } from '../../../AmazonSpApi/core/vendor/shipments';
import { waitForTransaction } from '../../../AmazonSpApi/core/vendor/transactions';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { readRequiredString } from '../../../AmazonSpApi/n8n/parameters';
import { purchaseOrderNumberProperty } from '../../shared/descriptions';
import { vendorClient } from '../common/client';
import { parseLines } from '../common/lines';
import { readOptionalDate, readPurchaseOrderNumber } from '../common/parameters';
import { pollIntervalMs, transactionOutput, transactionWaitProperties } from '../common/transactionWait';
import { shipmentProperties } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['shipment'], operation: ['submitConfirmation'] } },
	[{ ...purchaseOrderNumberProperty, description: 'The acknowledged PO this shipment fulfils' }, ...shipmentProperties, ...transactionWaitProperties],
);

const LABELS: Record<string, string> = {
	items: 'Shipped Items',
	containers: 'Containers',
	purchaseOrderNumber: 'Purchase Order Number',
	shipmentIdentifier: 'Shipment ID',
	shipToPartyId: 'Options → Ship-To Fulfilment Centre',
};

interface Prepared {
	purchaseOrderNumber: string;
	body: IDataObject;
	lines: IDataObject[];
}

function readContainers(this: IExecuteFunctions, itemIndex: number): ContainerInput[] {
	const rows = ((this.getNodeParameter('containers', itemIndex, {}) as IDataObject).container ?? []) as IDataObject[];
	return rows.map((row) => ({
		type: row.type === 'pallet' ? 'pallet' : 'carton',
		identifier: String(row.identifier ?? '').trim(),
		identifierType: (row.identifierType as ContainerInput['identifierType']) || 'SSCC',
		trackingNumber: String(row.trackingNumber ?? '').trim() || undefined,
		lines: String(row.items ?? '').trim() ? parseLines(String(row.items), 'containers') : undefined,
	}));
}

/** Reads the PO and its accepted quantities, then builds and checks the ASN: nothing is sent for bad input. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const purchaseOrderNumber = readPurchaseOrderNumber.call(this, itemIndex);
	const shipmentIdentifier = readRequiredString.call(this, itemIndex, 'shipmentIdentifier', 'Shipment ID', 'Enter a shipment ID not used in the last 365 days');
	const shipFromPartyId = readRequiredString.call(this, itemIndex, 'shipFromPartyId', 'Ship-From Party ID', 'Enter your warehouse code as agreed with Amazon');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { client } = await vendorClient.call(this);
	const label = (field: string) => LABELS[field] ?? field;
	const input = guardInput(this.getNode(), itemIndex, label, (): AsnInput => {
		const listed = this.getNodeParameter('shippedItems', itemIndex, 'allAccepted') === 'listed';
		return {
			shipmentIdentifier,
			confirmationType: this.getNodeParameter('confirmationType', itemIndex, 'Original') as AsnInput['confirmationType'],
			shipFromPartyId,
			shipToPartyId: String(options.shipToPartyId ?? '').trim() || undefined,
			sellingPartyId: String(options.vendorCode ?? '').trim() || undefined,
			shipmentType: (options.shipmentType as AsnInput['shipmentType']) || undefined,
			carrierScac: String(options.carrierScac ?? '').trim() || undefined,
			billOfLadingNumber: String(options.billOfLadingNumber ?? '').trim() || undefined,
			shippedDate: readOptionalDate(options.shippedDate) ?? new Date(client.clock.now()).toISOString(),
			estimatedDeliveryDate: readOptionalDate(options.estimatedDeliveryDate),
			confirmationDate: new Date(client.clock.now()).toISOString(),
			lines: listed ? parseLines(String(this.getNodeParameter('items', itemIndex, '')), 'items') : undefined,
			containers: readContainers.call(this, itemIndex),
		};
	});
	const order = await getPurchaseOrder(client, purchaseOrderNumber);
	const status = await getPurchaseOrderStatus(client, purchaseOrderNumber);
	const built = guardInput(this.getNode(), itemIndex, label, () => buildShipmentConfirmation(order, status, input));
	return { purchaseOrderNumber, body: built.body, lines: built.lines as unknown as IDataObject[] };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared: Prepared): Promise<IDataObject> {
	const { client } = await vendorClient.call(this);
	const transactionId = await submitShipmentConfirmations(client, [prepared.body]);
	const wait = this.getNodeParameter('waitForResult', itemIndex, false) as boolean;
	const maxWaitMs = (this.getNodeParameter('maxWaitSeconds', itemIndex, 60) as number) * 1000;
	const outcome = wait ? await waitForTransaction(client, transactionId, { maxWaitMs, intervalMs: pollIntervalMs(maxWaitMs) }) : undefined;
	return {
		purchaseOrderNumber: prepared.purchaseOrderNumber,
		shipmentIdentifier: prepared.body.shipmentIdentifier,
		transactionId,
		...(outcome ? transactionOutput(outcome) : { transactionStatus: 'Submitted' }),
		items: prepared.lines,
	};
}
