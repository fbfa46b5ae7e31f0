import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as feed from './actions/feed/Feed.resource';
import * as order from './actions/order/Order.resource';
import * as report from './actions/report/Report.resource';
import { createRouter } from '../AmazonSpApi/n8n/router';
import { loadOptions } from './methods';

const router = createRouter({ order: order.operations, feed: feed.operations, report: report.operations });

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
					{ name: 'Feed', value: 'feed' },
					{ name: 'Order', value: 'order' },
					{ name: 'Report', value: 'report' },
				],
				default: 'order',
			},
			...order.description,
			...feed.description,
			...report.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
