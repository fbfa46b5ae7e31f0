import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { importFbaOrders, type FbaImportRequest } from '../../../AmazonSpApi/core/fba/importOrders';
import { marketplacesProperty, readMarketplaceIds, readPastDate } from '../../../AmazonSpApi/n8n/jobParameters';
import { applyPackingStationLayout } from '../../output/address';
import { orderReadOptions } from '../../shared/descriptions';
import { sellerClient } from '../common/client';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DEFAULT_LOOKBACK_DAYS = 90;

const properties: INodeProperties[] = [
	{
		displayName: 'Import From',
		name: 'importFrom',
		type: 'dateTime',
		default: '',
		description: `Orders shipped since this date; empty means the last ${DEFAULT_LOOKBACK_DAYS} days. Ranges over a month are requested as several reports.`,
	},
	marketplacesProperty('Marketplaces whose FBA orders to import'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Mark as Shipped',
				name: 'markAsShipped',
				type: 'boolean',
				default: true,
				description: 'Whether orders get markAsShipped = true, since Amazon has shipped them',
			},
			{
				displayName: 'Max Wait per Report (Minutes)',
				name: 'maxWaitMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 120 },
				default: 30,
				description: 'Amazon needs minutes to an hour for this report',
			},
			...orderReadOptions.filter((option) => option.name === 'packingStationLayout'),
			{
				displayName: 'Reuse Reports Younger Than (Hours)',
				name: 'reuseWithinHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 4,
				description: 'Take identical reports requested within this many hours instead of new ones: Amazon allows 12 requests per 8 hours',
			},
			{
				displayName: 'VAT Calculation Service Enabled',
				name: 'vcsEnabled',
				type: 'boolean',
				default: false,
				description: 'Whether the prices are net (VCS: Amazon invoices the VAT); otherwise they are gross',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['fbaOrder'], operation: ['import'] } }, properties);

interface PreparedImport {
	request: FbaImportRequest;
	packingStationLayout: 'addressLine' | 'company';
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedImport> {
	const { client, account } = await sellerClient.call(this);
	const now = client.clock.now();
	const from = readPastDate.call(this, itemIndex, 'importFrom', 'Import From', now);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// A whole-hour end makes repeated runs ask for identical ranges, which reuse can then take.
	const end = Math.floor(now / HOUR_MS) * HOUR_MS;
	return {
		request: {
			start: new Date(from ? Date.parse(from) : end - DEFAULT_LOOKBACK_DAYS * DAY_MS),
			end: new Date(end),
			marketplaceIds: readMarketplaceIds.call(this, itemIndex, account),
			reuseWithinMs: Number(options.reuseWithinHours ?? 4) * HOUR_MS,
			timeoutMs: Number(options.maxWaitMinutes ?? 30) * 60_000,
			vcsEnabled: Boolean(options.vcsEnabled),
			markAsShipped: options.markAsShipped !== false,
		},
		packingStationLayout: (options.packingStationLayout as 'addressLine' | 'company') ?? 'addressLine',
	};
}

/** One item per order, with its lines, shaped like the trigger's simplified orders. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: PreparedImport): Promise<IDataObject[]> {
	const { client } = await sellerClient.call(this);
	const { orders, reports } = await importFbaOrders(client, prepared.request);
	const source = { reportIds: reports.map((report) => report.reportId) };
	return orders.map((order) => ({
		...order,
		shippingAddress: { ...applyPackingStationLayout(order.shippingAddress, prepared.packingStationLayout) },
		billingAddress: { ...order.billingAddress },
		buyer: { ...order.buyer },
		shipments: order.shipments.map((shipment) => ({ ...shipment })),
		items: order.items.map((item) => ({ ...item })),
		source,
	}));
}
