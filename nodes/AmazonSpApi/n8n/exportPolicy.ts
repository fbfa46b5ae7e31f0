/**
 * The "Export Only For" option of write operations (VAT invoice upload, shipment confirmation): which marketplaces'
 * business and consumer orders are sent. Items outside it pass through marked `skipped`, and nothing is sent for them.
 */

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { exportDecision, type ExportDecision, type ExportPolicy } from '../core/invoices/exportPolicy';

const marketplaceList = (name: string, displayName: string, kind: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getMarketplaces' },
	default: [],
	description: `Marketplaces whose ${kind} orders are sent; others are skipped. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** Add to an operation's Options collection; unset lists mean every marketplace. */
export const exportPolicyOptions: INodeProperties[] = [
	marketplaceList('businessMarketplaceIds', 'Export Business Orders For', 'business (B2B)'),
	marketplaceList('consumerMarketplaceIds', 'Export Consumer Orders For', 'consumer (B2C)'),
];

/** The policy from the Options collection; a list the user did not add stays undefined (export all). */
export function readExportPolicy(context: IExecuteFunctions, itemIndex: number, collection = 'options'): ExportPolicy {
	const options = context.getNodeParameter(collection, itemIndex, {}) as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? value.split(',').map((id) => id.trim()) : undefined);
	return { businessMarketplaceIds: list(options.businessMarketplaceIds), consumerMarketplaceIds: list(options.consumerMarketplaceIds) };
}

export { exportDecision, type ExportDecision, type ExportPolicy };

/** The output of an item that was not exported: its input, marked skipped with the reason. */
export function skippedItem(input: IDataObject, reason: string): IDataObject {
	return { ...input, skipped: true, reason };
}
