import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sellerClient } from '../common/client';
import { computeItemOffers } from './input';
import { offerToJson } from './output';
import { rowProperties } from './rowProperties';
import { rulesProperty } from './rulesProperties';

export const description = updateDisplayOptions({ show: { resource: ['listing'], operation: ['compute'] } }, [
	...rowProperties,
	rulesProperty,
]);

/**
 * Dry run: nothing is sent. One output item per SKU with the values before and after; rows with problems are
 * shown with their problems (status "invalid") instead of failing, so the whole sheet can be checked at once.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { account } = await sellerClient.call(this);
	return computeItemOffers.call(this, itemIndex, account.defaultMarketplaceId).map(offerToJson);
}
