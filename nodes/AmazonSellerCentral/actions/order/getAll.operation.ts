import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { orderToJson, searchOrders, type OrderFilters } from '../../shared/orders';
import { sellerClient } from '../common/client';
import { readOrderProperties, readReadOptions } from '../common/readOrders';

const properties: INodeProperties[] = [
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
	...readOrderProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { client, account } = await sellerClient.call(this);
	const options = readReadOptions.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters: OrderFilters = {
		marketplaceIds: account.defaultMarketplaceId ? [account.defaultMarketplaceId] : [],
		fulfillmentChannels: [],
		prime: 'include',
		business: 'include',
		statuses: [],
		lastUpdatedAfter: new Date(client.clock.now() - 7 * 86_400_000).toISOString(),
	};
	const results: IDataObject[] = [];
	for await (const page of searchOrders(client, options.version, filters, { ...options, limit })) {
		for (const order of page.orders) results.push(orderToJson(order, options.simplify, options.settings));
	}
	return results;
}
