import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type {
	FulfillmentChannel,
	OrderApiVersion,
	OrderFilters,
	OrderStatus,
	ReadOrderOptions,
	SimplifySettings,
	TriState,
} from '../../../AmazonSpApi/core/orders/types';

export interface OrderReadSettings extends ReadOrderOptions {
	version: OrderApiVersion;
	filters: OrderFilters;
	simplify: boolean;
	simplifySettings: SimplifySettings;
}

function dateOrUndefined(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function asList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' && value.trim() ? value.split(',').map((entry) => entry.trim()) : [];
}

/** Filters from the `filters` collection; an empty marketplace list falls back to `defaultMarketplaceId`. */
export function readOrderFilters(filters: IDataObject, defaultMarketplaceId?: string): OrderFilters {
	const channel = (filters.fulfillmentChannel as string) ?? 'both';
	const marketplaceIds = asList(filters.marketplaceIds);
	return {
		marketplaceIds: marketplaceIds.length || !defaultMarketplaceId ? marketplaceIds : [defaultMarketplaceId],
		fulfillmentChannels: channel === 'both' ? [] : [channel as FulfillmentChannel],
		prime: ((filters.prime as TriState) ?? 'include') as TriState,
		business: ((filters.business as TriState) ?? 'include') as TriState,
		statuses: asList(filters.statuses) as OrderStatus[],
		createdAfter: dateOrUndefined(filters.createdAfter),
		createdBefore: dateOrUndefined(filters.createdBefore),
		lastUpdatedAfter: dateOrUndefined(filters.lastUpdatedAfter),
		lastUpdatedBefore: dateOrUndefined(filters.lastUpdatedBefore),
	};
}

/**
 * Reads apiVersion, filters, simplify and options (see orderProperties.ts). Missing parameters take their defaults,
 * so a node may show only some of them.
 */
export function readOrderOptions(
	ctx: IExecuteFunctions | IPollFunctions,
	itemIndex: number,
	defaultMarketplaceId?: string,
): OrderReadSettings {
	const get = <T>(name: string, fallback: T): T =>
		('getInputData' in ctx
			? ctx.getNodeParameter(name, itemIndex, fallback)
			: (ctx as IPollFunctions).getNodeParameter(name, fallback)) as T;
	const options = get<IDataObject>('options', {});
	return {
		version: get<OrderApiVersion>('apiVersion', 'v2026'),
		filters: readOrderFilters(get<IDataObject>('filters', {}), defaultMarketplaceId),
		simplify: get<boolean>('simplify', true),
		includeItems: (options.includeItems as boolean) ?? true,
		includePii: (options.includePii as boolean) ?? false,
		simplifySettings: {
			packingStationLayout: (options.packingStationLayout as SimplifySettings['packingStationLayout']) ?? 'addressLine',
			markFbaAsShipped: (options.markFbaAsShipped as boolean) ?? false,
		},
	};
}
