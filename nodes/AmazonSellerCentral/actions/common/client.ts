import type { IExecuteFunctions } from 'n8n-workflow';

import { getSpApiClient } from '../../../AmazonSpApi/transport';

export const CREDENTIAL_TYPE = 'amazonSellerCentralApi';

type SellerClient = Awaited<ReturnType<typeof getSpApiClient>>;

// One client per execution, so every item shares the same rate-limit state and token.
const clients = new WeakMap<IExecuteFunctions, Promise<SellerClient>>();

export async function sellerClient(this: IExecuteFunctions): Promise<SellerClient> {
	let client = clients.get(this);
	if (!client) {
		client = Promise.resolve(getSpApiClient.call(this, CREDENTIAL_TYPE));
		clients.set(this, client);
	}
	return await client;
}
