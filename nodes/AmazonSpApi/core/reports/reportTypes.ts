/** Common report types with what they hold (REFERENCE §10.3); any other type may still be requested by name. */
export interface ReportTypeInfo {
	name: string;
	value: string;
	description: string;
}

export const COMMON_REPORT_TYPES: readonly ReportTypeInfo[] = [
	{ name: 'All Listings', value: 'GET_MERCHANT_LISTINGS_ALL_DATA', description: 'Every listing with SKU, ASIN, price, quantity and status (flat file)' },
	{ name: 'Active Listings', value: 'GET_MERCHANT_LISTINGS_DATA', description: 'Active listings with price and quantity (flat file)' },
	{ name: 'All Orders by Last Update', value: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL', description: 'Orders of every channel and status updated in the range, one row per item (no buyer data)' },
	{ name: 'All Orders by Order Date', value: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', description: 'Orders of every channel and status placed in the range, one row per item' },
	{ name: 'FBA Shipments', value: 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', description: 'Orders shipped by Amazon with prices, carrier and tracking; at most a month per request' },
	{ name: 'FBA Inventory', value: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', description: 'Active FBA inventory: fulfillable, reserved, inbound and unsellable quantities' },
	{ name: 'FBA Inventory (Near Real Time)', value: 'GET_AFN_INVENTORY_DATA', description: 'FBA quantities per SKU, updated within minutes; 2 requests per 25 minutes' },
	{ name: 'VAT Invoice Data', value: 'GET_FLAT_FILE_VAT_INVOICE_DATA_REPORT', description: 'EU orders that need an invoice (VAT Calculation Service); needs the Tax Invoicing role' },
	{ name: 'VAT Transactions', value: 'GET_VAT_TRANSACTION_DATA', description: 'VAT transactions for DE, ES, IT, FR and UK; restricted' },
];

export const COMMON_REPORT_TYPE_VALUES: ReadonlySet<string> = new Set(COMMON_REPORT_TYPES.map((type) => type.value));
