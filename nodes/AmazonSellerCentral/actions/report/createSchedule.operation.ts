import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createReportSchedule, type CreateReportScheduleInput } from '../../../AmazonSpApi/core/reports/schedules';
import { keyValueProperty, marketplacesProperty, readKeyValues, readMarketplaceIds, readType, typeProperties } from '../../../AmazonSpApi/n8n/jobParameters';
import { sellerClient } from '../common/client';
import { reportTypeOptions } from './common';

const PERIODS: Array<[string, string]> = [
	['Every 5 Minutes', 'PT5M'], ['Every 15 Minutes', 'PT15M'], ['Every 30 Minutes', 'PT30M'], ['Hourly', 'PT1H'], ['Every 2 Hours', 'PT2H'],
	['Every 4 Hours', 'PT4H'], ['Every 8 Hours', 'PT8H'], ['Every 12 Hours', 'PT12H'], ['Daily', 'P1D'], ['Every 2 Days', 'P2D'],
	['Every 3 Days', 'P3D'], ['Every 84 Hours', 'PT84H'], ['Weekly', 'P7D'], ['Every 14 Days', 'P14D'], ['Every 15 Days', 'P15D'],
	['Every 18 Days', 'P18D'], ['Every 30 Days', 'P30D'], ['Monthly', 'P1M'],
];

const properties: INodeProperties[] = [
	...typeProperties('reportType', 'Report Type', reportTypeOptions, 'GET_MERCHANT_LISTINGS_ALL_DATA', 'What the scheduled report holds'),
	marketplacesProperty('Marketplaces the report covers'),
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: PERIODS.map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'P7D',
		description: 'How often Amazon creates the report. A schedule with the same type and marketplaces is replaced.',
	},
	{ displayName: 'First Report At', name: 'nextReportCreationTime', type: 'dateTime', default: '', description: 'When Amazon creates the first report; empty means now' },
	keyValueProperty('reportOptions', 'Report Options', 'Options some report types take', 'e.g. custom'),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['createSchedule'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<CreateReportScheduleInput> {
	const { account } = await sellerClient.call(this);
	const next = this.getNodeParameter('nextReportCreationTime', itemIndex, '') as string;
	return {
		reportType: readType.call(this, itemIndex, 'reportType', 'Report Type', 'GET_MERCHANT_LISTINGS_ALL_DATA'),
		marketplaceIds: readMarketplaceIds.call(this, itemIndex, account),
		period: this.getNodeParameter('period', itemIndex, 'P7D') as string,
		nextReportCreationTime: next ? new Date(next).toISOString() : undefined,
		reportOptions: readKeyValues.call(this, itemIndex, 'reportOptions', 'Report Options'),
	};
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, input: CreateReportScheduleInput): Promise<IDataObject> {
	const { client } = await sellerClient.call(this);
	const reportScheduleId = await createReportSchedule(client, input);
	return { reportScheduleId, reportType: input.reportType, marketplaceIds: input.marketplaceIds, period: input.period };
}
