import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as fbaOrder from './actions/fbaOrder/FbaOrder.resource';
import * as feed from './actions/feed/Feed.resource';
import * as order from './actions/order/Order.resource';
import * as report from './actions/report/Report.resource';
import * as vatInvoice from './actions/vatInvoice/VatInvoice.resource';
import { createRouter } from '../AmazonSpApi/n8n/router';
import { loadOptions } from './methods';

const router = createRouter({
	order: order.operations,
	feed: feed.operations,
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
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read, acknowledge, cancel and ship Amazon seller orders, upload feeds and download reports (Selling Partner API)',
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
					{ name: 'Order', value: 'order' },
					{ name: 'Report', value: 'report' },
					{ name: 'VAT Invoice', value: 'vatInvoice' },
				],
				default: 'order',
			},
			...order.description,
			...feed.description,
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
