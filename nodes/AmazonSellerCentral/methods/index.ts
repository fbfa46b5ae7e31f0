import { marketplaceOptions } from '../../AmazonSpApi/n8n/loadOptions';
import { SELLER_CREDENTIAL } from '../actions/common/client';

export const loadOptions = { getMarketplaces: marketplaceOptions(SELLER_CREDENTIAL) };
