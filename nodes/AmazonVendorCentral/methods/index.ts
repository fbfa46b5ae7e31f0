import { marketplaceOptions } from '../../AmazonSpApi/n8n/loadOptions';
import { VENDOR_CREDENTIAL } from '../actions/common/client';

export const loadOptions = { getMarketplaces: marketplaceOptions(VENDOR_CREDENTIAL) };
