import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../AmazonSpApi/n8n/parameters';
import {
	apiVersionProperty,
	orderDateFilterOptions,
	orderFilterOptions,
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
import { marketplacesInRegion } from '../../../AmazonSpApi/core/marketplaces';
import type { RegionCode, SpApiRequester } from '../../../AmazonSpApi/core/types';

const DAY_MS = 24 * 3_600_000;
const marketplaceIdsOption = orderFilterOptions.find((option) => option.name === 'marketplaceIds') as INodeProperties;

const properties: INodeProperties[] = [
	apiVersionProperty,
	...returnAllProperties,
	{
		displayName: 'Marketplaces',
		name: 'marketplaceScope',
		type: 'options',
		default: 'default',
		options: [
			{
				name: 'All of the Credential\'s Region',
				value: 'region',
				description:
					'Every marketplace of the region the seller sells in, e.g. US, Canada and Mexico (asks Amazon which ones: one extra call)',
			},
			{
				name: 'Credential\'s Default Marketplace',
				value: 'default',
				description: 'Only the marketplace set in the credential; orders of its other marketplaces do not appear',
			},
			{ name: 'Selected Marketplaces', value: 'selected', description: 'The marketplaces chosen below' },
		],
	},
	{
		...marketplaceIdsOption,
		displayOptions: { show: { marketplaceScope: ['selected'] } },
		description:
			'Marketplaces to search. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Default Time Window (Days)',
		name: 'lookbackDays',
		type: 'number',
		default: 7,
		typeOptions: { minValue: 1 },
		description:
			'Without a date filter, the orders updated in this many days before now are returned. A Created or Last Updated date under Filters replaces this window.',
	},
	orderFiltersProperty(orderDateFilterOptions, ['marketplaceIds']),
	simplifyProperty,
	orderReadOptionsProperty(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getAll'] } },
	properties,
);

const FIELD_LABELS: Record<string, string> = {
	marketplaceIds: 'Marketplace Names or IDs',
	createdAfter: 'Filters → Created After',
	createdBefore: 'Filters → Created Before',
	lastUpdatedAfter: 'Filters → Last Updated After',
	lastUpdatedBefore: 'Filters → Last Updated Before',
};

interface Prepared {
	search: OrderSearch;
	settings: OrderReadSettings;
}

interface Participation {
	marketplace?: { id?: string };
	participation?: { isParticipating?: boolean };
}

/** The marketplaces of the region in which the seller sells (Sellers API). */
async function participatingMarketplaces(client: SpApiRequester, region: RegionCode): Promise<string[]> {
	const inRegion = new Set(marketplacesInRegion(region).map((entry) => entry.id));
	const response = await client.request<Participation[]>({
		operation: 'sellers.getMarketplaceParticipations',
		method: 'GET',
		path: '/sellers/v1/marketplaceParticipations',
		unwrapPayload: true,
	});
	return (response.data ?? [])
		.filter((entry) => entry.participation?.isParticipating && inRegion.has(entry.marketplace?.id ?? ''))
		.map((entry) => entry.marketplace?.id as string);
}

/** Builds the search, which validates marketplaces and dates (2-minute rule) before anything is sent. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const { client, account } = await sellerClient.call(this);
	const settings = readOrderOptions(this, itemIndex, account.defaultMarketplaceId);
	const filters = { ...settings.filters };
	const scope = this.getNodeParameter('marketplaceScope', itemIndex, 'default') as string;
	if (scope === 'region') filters.marketplaceIds = await participatingMarketplaces(client, account.region);
	if (scope === 'selected') {
		const selected = this.getNodeParameter('marketplaceIds', itemIndex, []) as string[] | string;
		filters.marketplaceIds = Array.isArray(selected) ? selected : String(selected).split(',');
	}
	if (!filters.createdAfter && !filters.createdBefore && !filters.lastUpdatedAfter) {
		const days = this.getNodeParameter('lookbackDays', itemIndex, 7) as number;
		filters.lastUpdatedAfter = new Date(client.clock.now() - days * DAY_MS).toISOString();
	}
	const limit = readLimit.call(this, itemIndex);
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
