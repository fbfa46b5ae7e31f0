import type { IDataObject } from 'n8n-workflow';

import { parseVendorCodes } from '../../AmazonSpApi/n8n/credentials';
import type { PurchaseOrderFilters } from '../../AmazonSpApi/core/vendor/purchaseOrders';
import type { PurchaseOrderState, PurchaseOrderType } from '../../AmazonSpApi/core/vendor/types';
import { mappingTable, type PurchaseOrderOutputSettings } from '../output/purchaseOrder';

export interface PurchaseOrderReadSettings {
	output: PurchaseOrderOutputSettings;
	includeStatus: boolean;
}

/** The `filters` collection → core filters; vendor codes default to the credential's. */
export function readPurchaseOrderFilters(
	filters: IDataObject,
	dateField: PurchaseOrderFilters['dateField'],
	credentialVendorCodes: string[],
): PurchaseOrderFilters {
	const codes = parseVendorCodes(String(filters.vendorCodes ?? ''));
	return {
		dateField,
		state: (filters.purchaseOrderState as PurchaseOrderState) || undefined,
		types: (filters.purchaseOrderTypes as PurchaseOrderType[] | undefined) ?? [],
		vendorCodes: codes.length ? codes : credentialVendorCodes,
		shipToPartyIds: parseVendorCodes(String(filters.shipToPartyIds ?? '')).map((id) => id.toUpperCase()),
	};
}

/** The `output` collection and Simplify → how POs are written. */
export function readOutputSettings(output: IDataObject, simplify: boolean): PurchaseOrderReadSettings {
	return {
		includeStatus: output.includeStatus === true,
		output: {
			simplify,
			fcMap: mappingTable((output.fcMapping as IDataObject | undefined)?.mapping as IDataObject[], 'fc', 'reference'),
			statusMap: mappingTable((output.statusMapping as IDataObject | undefined)?.mapping as IDataObject[], 'state', 'status'),
			creditReason: String(output.creditReason ?? '').trim() || undefined,
		},
	};
}
