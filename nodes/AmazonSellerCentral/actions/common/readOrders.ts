import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OrderApiVersion, ReadOrderOptions, SimplifySettings } from '../../shared/orders';
import { DEFAULT_SIMPLIFY_SETTINGS } from '../../shared/orders';

// TEMPORARY until shared/descriptions lands; the property names follow the trigger's.
export const apiVersionProperties: INodeProperties[] = [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		default: 'v2026',
		options: [
			{ name: 'Orders 2026-01-01', value: 'v2026' },
			{ name: 'Orders V0 (Deprecated)', value: 'v0' },
		],
	},
];

export const readOrderProperties: INodeProperties[] = [
	...apiVersionProperties,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
	{
		displayName: 'Options',
		name: 'readOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Include Items', name: 'includeItems', type: 'boolean', default: true },
			{ displayName: 'Include Address', name: 'includePii', type: 'boolean', default: false },
		],
	},
];

export interface OrderReadSettings extends ReadOrderOptions {
	version: OrderApiVersion;
	simplify: boolean;
	settings: SimplifySettings;
}

export function readReadOptions(this: IExecuteFunctions, itemIndex: number): OrderReadSettings {
	const options = this.getNodeParameter('readOptions', itemIndex, {}) as IDataObject;
	return {
		version: this.getNodeParameter('apiVersion', itemIndex, 'v2026') as OrderApiVersion,
		simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
		includeItems: (options.includeItems as boolean) ?? true,
		includePii: (options.includePii as boolean) ?? false,
		settings: DEFAULT_SIMPLIFY_SETTINGS,
	};
}
