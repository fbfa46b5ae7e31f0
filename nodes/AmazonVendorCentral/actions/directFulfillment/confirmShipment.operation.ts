import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	buildDfShipmentConfirmation,
	getDirectFulfillmentOrder,
	submitDfShipmentConfirmations,
	type DfContainerInput,
} from '../../../AmazonSpApi/core/vendor/directFulfillment';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { vendorClient } from '../common/client';
import { readOptionalDate } from '../common/parameters';
import { transactionWaitProperties } from '../common/transactionWait';
import { dfOrderNumberProperty, dfPartyOptions, readDfOrderNumber } from './common';
import { submitAndWait } from './submit';

const properties: INodeProperties[] = [
	dfOrderNumberProperty,
	{
		displayName: 'Packages',
		name: 'packages',
		type: 'fixedCollection',
		placeholder: 'Add Package',
		default: {},
		required: true,
		typeOptions: { multipleValues: true },
		description: 'The cartons of the order with their tracking numbers; the whole order ships (fill-or-kill)',
		options: [
			{
				displayName: 'Package',
				name: 'package',
				values: [
					{ displayName: 'Carrier', name: 'carrier', type: 'string', default: '', placeholder: 'e.g. DHL', description: 'Carrier name (EU vendors)' },
					{ displayName: 'SCAC', name: 'scacCode', type: 'string', default: '', placeholder: 'e.g. UPSN', description: 'Standard Carrier Alpha Code (North American vendors)' },
					{ displayName: 'Ship Method', name: 'shipMethod', type: 'string', default: '', placeholder: 'e.g. UPS_GROUND' },
					{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', default: '' },
					{ displayName: 'Weight (Kg)', name: 'weightKg', type: 'number', default: 1, typeOptions: { minValue: 0 } },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...dfPartyOptions, { displayName: 'Shipped Date', name: 'shippedDate', type: 'dateTime', default: '', description: 'Empty: now' }],
	},
	...transactionWaitProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['directFulfillment'], operation: ['confirmShipment'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const purchaseOrderNumber = readDfOrderNumber.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const rows = ((this.getNodeParameter('packages', itemIndex, {}) as IDataObject).package ?? []) as IDataObject[];
	const containers: DfContainerInput[] = rows.map((row) => ({
		trackingNumber: String(row.trackingNumber ?? ''),
		shipMethod: String(row.shipMethod ?? '').trim() || undefined,
		carrier: String(row.carrier ?? '').trim() || undefined,
		scacCode: String(row.scacCode ?? '').trim() || undefined,
		weightKg: Number(row.weightKg ?? 1),
	}));
	const { client } = await vendorClient.call(this);
	const label = (field: string) => (field === 'containers' ? 'Packages' : field === 'purchaseOrderNumber' ? 'Order Number' : field);
	const order = await getDirectFulfillmentOrder(client, purchaseOrderNumber);
	return guardInput(this.getNode(), itemIndex, label, () =>
		buildDfShipmentConfirmation(order, {
			shippedDate: readOptionalDate(options.shippedDate) ?? new Date(client.clock.now()).toISOString(),
			containers,
			sellingPartyId: String(options.vendorCode ?? '').trim() || undefined,
			shipFromPartyId: String(options.shipFromPartyId ?? '').trim() || undefined,
		}),
	);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject> {
	return await submitAndWait.call(this, itemIndex, body, submitDfShipmentConfirmations);
}
