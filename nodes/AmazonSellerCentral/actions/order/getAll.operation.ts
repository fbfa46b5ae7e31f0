import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	apiVersionProperty,
	orderDateFilterOptions,
	orderFiltersProperty,
	orderReadOptionsProperty,
	readOrderOptions,
	simplifyProperty,
	type OrderReadSettings,
} from '../../shared/descriptions';
import { searchOrders, type OrderSearch } from '../../../AmazonSpApi/core/orders';
import { orderToJson } from '../../output/simplify';
import { sellerClient } from '../common/client';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';

const DEFAULT_LOOKBACK_MS = 7 * 24 * 3_600_000;

const properties: INodeProperties[] = [
	apiVersionProperty,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
	orderFiltersProperty(orderDateFilterOptions),
	simplifyProperty,
	orderReadOptionsProperty(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getAll'] } },
	properties,
);

const FIELD_LABELS: Record<string, string> = {
	marketplaceIds: 'Filters → Marketplace Names or IDs',
	createdAfter: 'Filters → Created After',
	createdBefore: 'Filters → Created Before',
	lastUpdatedAfter: 'Filters → Last Updated After',
	lastUpdatedBefore: 'Filters → Last Updated Before',
};

interface Prepared {
	search: OrderSearch;
	settings: OrderReadSettings;
}

/** Builds the search, which validates marketplaces and dates (2-minute rule) before anything is sent. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const { client, account } = await sellerClient.call(this);
	const settings = readOrderOptions(this, itemIndex, account.defaultMarketplaceId);
	const filters = { ...settings.filters };
	if (!filters.createdAfter && !filters.createdBefore && !filters.lastUpdatedAfter) {
		filters.lastUpdatedAfter = new Date(client.clock.now() - DEFAULT_LOOKBACK_MS).toISOString();
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const search = guardInput(
		this.getNode(),
		itemIndex,
		(field) => FIELD_LABELS[field] ?? 'Filters',
		() => searchOrders(client, settings.version, filters, { ...settings, limit }),
	);
	return { search, settings };
}

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	{ search, settings }: Prepared,
): Promise<IDataObject[]> {
	const orders = await search.collect();
	return orders.map((order) => orderToJson(order, settings.simplify, settings.simplifySettings));
}
