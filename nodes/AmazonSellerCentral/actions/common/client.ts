import type { IExecuteFunctions } from 'n8n-workflow';

import { getSpApiClient, type SpApiSession } from '../../../AmazonSpApi/n8n/session';

export const SELLER_CREDENTIAL = 'amazonSellerCentralApi' as const;

/** The seller credential's client and account; the session is kept once per execution. */
export async function sellerClient(this: IExecuteFunctions): Promise<SpApiSession> {
	return await getSpApiClient.call(this, SELLER_CREDENTIAL);
}
