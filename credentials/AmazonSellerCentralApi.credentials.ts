import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { SpApiCredentialBase } from '../nodes/AmazonSpApi/n8n/credentialBase';
import {
	accessTokenProperty,
	environmentProperties,
	lwaProperties,
	rateShareProperty,
	regionProperty,
	sellerCredentialTest,
	sellerProperties,
} from '../nodes/AmazonSpApi/n8n/credentialType';

export class AmazonSellerCentralApi extends SpApiCredentialBase implements ICredentialType {
	name = 'amazonSellerCentralApi';

	displayName = 'Amazon Seller Central API';

	icon: Icon = { light: 'file:icons/amazonSpApi.svg', dark: 'file:icons/amazonSpApi.dark.svg' };

	documentationUrl = 'https://developer-docs.amazon.com/sp-api/docs/self-authorization';

	properties: INodeProperties[] = [
		accessTokenProperty,
		...lwaProperties,
		regionProperty,
		...environmentProperties,
		...sellerProperties,
		rateShareProperty,
	];

	test: ICredentialTestRequest = sellerCredentialTest;
}
