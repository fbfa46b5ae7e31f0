import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CarrierMapping, ResolvedCarrier, ResolveCarrierOptions } from '../../../AmazonSpApi/core/orders/carriers';
import { resolveCarrier } from '../../../AmazonSpApi/core/orders/carriers';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';

/** The outbound mapping table and fallback of `carrierMappingProperties`, as core options. */
export function readCarrierOptions(this: IExecuteFunctions, itemIndex: number): ResolveCarrierOptions {
	const table = this.getNodeParameter('carrierMappings.mapping', itemIndex, []) as IDataObject[];
	const mappings: CarrierMapping[] = table
		.filter((row) => String(row.from ?? '').trim())
		.map((row) => ({
			from: String(row.from),
			carrierCode: String(row.carrierCode ?? 'Other'),
			carrierName: String(row.carrierName ?? '').trim() || undefined,
			shippingMethod: String(row.shippingMethod ?? '').trim() || undefined,
		}));
	const fallback = this.getNodeParameter('carrierFallback', itemIndex, 'error') as string;
	if (fallback === 'default') {
		const carrierName = String(this.getNodeParameter('fallbackCarrierName', itemIndex, '')).trim();
		return {
			mappings,
			fallback: {
				carrierCode: this.getNodeParameter('fallbackCarrierCode', itemIndex, 'Other') as string,
				carrierName: carrierName || undefined,
			},
		};
	}
	return { mappings, fallback: fallback === 'error' ? 'error' : 'other' };
}

/** Resolves the item's Carrier parameter; bad input becomes an error naming the field and item. */
export function resolveItemCarrier(this: IExecuteFunctions, itemIndex: number): ResolvedCarrier {
	const input = String(this.getNodeParameter('carrier', itemIndex, '') ?? '');
	const options = readCarrierOptions.call(this, itemIndex);
	return guardInput(this.getNode(), itemIndex, 'Carrier', () => resolveCarrier(input, options));
}
