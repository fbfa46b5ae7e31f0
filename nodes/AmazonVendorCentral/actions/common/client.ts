import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { getSpApiClient, type SpApiSession } from '../../../AmazonSpApi/n8n/session';

export const VENDOR_CREDENTIAL = 'amazonVendorCentralApi' as const;

/** The vendor credential's client and account; the session is kept once per execution. */
export async function vendorClient(this: IExecuteFunctions | IPollFunctions): Promise<SpApiSession> {
	return await getSpApiClient.call(this, VENDOR_CREDENTIAL);
}
