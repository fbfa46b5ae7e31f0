import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as fbaOrder from './actions/fbaOrder/FbaOrder.resource';
import * as feed from './actions/feed/Feed.resource';
import * as listing from './actions/listing/Listing.resource';
import * as order from './actions/order/Order.resource';
import * as report from './actions/report/Report.resource';
import * as vatInvoice from './actions/vatInvoice/VatInvoice.resource';
import { createRouter } from '../AmazonSpApi/n8n/router';
import { loadOptions } from './methods';

const router = createRouter({
	order: order.operations,
	feed: feed.operations,
	listing: listing.operations,
	report: report.operations,
	fbaOrder: fbaOrder.operations,
	vatInvoice: vatInvoice.operations,
});

export class AmazonSellerCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Seller Central',
		name: 'amazonSellerCentral',
		icon: { light: 'file:amazonSellerCentral.svg', dark: 'file:amazonSellerCentral.dark.svg' },
		group: ['transform'],
		version: 1,
		// Readable names per resource and operation; a new operation shows its raw values until it is added here.
		subtitle:
			'={{ {"order:acknowledge":"Acknowledge Order","order:cancel":"Cancel Order","order:confirmShipment":"Confirm Shipment","order:get":"Get Order","order:getAll":"Get Many Orders","order:getItems":"Get Order Items","order:mapShippingProvider":"Map Shipping Provider","feed:get":"Get Feed","feed:getResult":"Get Feed Result","feed:upload":"Upload Feed","feed:getAll":"Get Many Feeds","feed:cancel":"Cancel Feed","report:create":"Create Report","report:get":"Get Report","report:getAll":"Get Many Reports","report:cancel":"Cancel Report","report:download":"Download Report","report:requestAndDownload":"Request and Download Report","report:createSchedule":"Create Report Schedule","report:getSchedules":"Get Many Report Schedules","report:cancelSchedule":"Cancel Report Schedule","fbaOrder:import":"Import FBA Orders","vatInvoice:upload":"Upload VAT Invoice","listing:get":"Get Listing","listing:getAll":"Get Many Listings","listing:compute":"Compute Inventory and Price","listing:update":"Update Inventory and Price"}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Read, acknowledge, cancel and ship Amazon seller orders, push stock and prices, upload feeds and download reports (Selling Partner API)',
		defaults: { name: 'Amazon Seller Central' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonSellerCentralApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'FBA Order', value: 'fbaOrder' },
					{ name: 'Feed', value: 'feed' },
					{ name: 'Listing', value: 'listing' },
					{ name: 'Order', value: 'order' },
					{ name: 'Report', value: 'report' },
					{ name: 'VAT Invoice', value: 'vatInvoice' },
				],
				default: 'order',
			},
			...order.description,
			...feed.description,
			...listing.description,
			...report.description,
			...fbaOrder.description,
			...vatInvoice.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
