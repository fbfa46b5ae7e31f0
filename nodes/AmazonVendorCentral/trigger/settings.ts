import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { PurchaseOrderFilters } from '../../AmazonSpApi/core/vendor/purchaseOrders';
import { readOutputSettings, readPurchaseOrderFilters, type PurchaseOrderReadSettings } from '../shared/settings';

export type VendorTriggerEvent = 'newPurchaseOrder' | 'purchaseOrderChanged';
export type ChangeType = 'amazonChange' | 'stateChange';

export interface VendorTriggerSettings {
	event: VendorTriggerEvent;
	changeTypes: ChangeType[];
	importFrom: 'activation' | 'date' | 'lastDays';
	importDate?: string;
	importDays: number;
	filters: PurchaseOrderFilters;
	read: PurchaseOrderReadSettings;
	catchUp?: { everyMs: number; lookbackMs: number };
}

const HOUR_MS = 3600 * 1000;

export function readVendorTriggerSettings(ctx: IPollFunctions, credentialVendorCodes: string[]): VendorTriggerSettings {
	const event = ctx.getNodeParameter('event', 'newPurchaseOrder') as VendorTriggerEvent;
	const output = ctx.getNodeParameter('output', {}) as IDataObject;
	const catchUpHours = Number(output.catchUpHours ?? 24);
	return {
		event,
		changeTypes: event === 'purchaseOrderChanged' ? (ctx.getNodeParameter('changeTypes', ['amazonChange', 'stateChange']) as ChangeType[]) : [],
		importFrom: ctx.getNodeParameter('importFrom', 'activation') as VendorTriggerSettings['importFrom'],
		importDate: String(ctx.getNodeParameter('importDate', '') ?? '') || undefined,
		importDays: Number(ctx.getNodeParameter('importDays', 7)),
		filters: readPurchaseOrderFilters(
			ctx.getNodeParameter('filters', {}) as IDataObject,
			event === 'newPurchaseOrder' ? 'created' : 'changed',
			credentialVendorCodes,
		),
		read: readOutputSettings(output, ctx.getNodeParameter('simplify', true) as boolean),
		catchUp: catchUpHours > 0 ? { everyMs: catchUpHours * HOUR_MS, lookbackMs: Number(output.catchUpDays ?? 7) * 24 * HOUR_MS } : undefined,
	};
}
