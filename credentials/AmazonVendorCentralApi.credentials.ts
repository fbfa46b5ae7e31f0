import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { SpApiCredentialBase } from '../nodes/AmazonSpApi/n8n/credentialBase';
import {
	accessTokenProperty,
	environmentProperties,
	lwaProperties,
	rateShareProperty,
	regionProperty,
	vendorCredentialTest,
	vendorProperties,
} from '../nodes/AmazonSpApi/n8n/credentialType';

export class AmazonVendorCentralApi extends SpApiCredentialBase implements ICredentialType {
	name = 'amazonVendorCentralApi';

	displayName = 'Amazon Vendor Central API';

	icon: Icon = { light: 'file:icons/amazonSpApi.svg', dark: 'file:icons/amazonSpApi.dark.svg' };

	documentationUrl = 'https://developer-docs.amazon.com/sp-api/docs/self-authorization';

	properties: INodeProperties[] = [
		accessTokenProperty,
		...lwaProperties,
		...vendorProperties,
		regionProperty,
		...environmentProperties,
		rateShareProperty,
	];

	test: ICredentialTestRequest = vendorCredentialTest;
}
