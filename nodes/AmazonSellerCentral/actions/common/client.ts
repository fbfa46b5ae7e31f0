import type { IExecuteFunctions } from 'n8n-workflow';

import { getSpApiClient, type SpApiSession } from '../../../AmazonSpApi/transport';

/** The seller credential's client and account; the transport keeps one session per execution. */
export async function sellerClient(this: IExecuteFunctions): Promise<SpApiSession> {
	return await getSpApiClient.call(this, 'amazonSellerCentralApi');
}
