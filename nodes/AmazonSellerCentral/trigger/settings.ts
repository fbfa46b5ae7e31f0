import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readOrderOptions, type OrderReadSettings } from '../shared/descriptions/readOrderOptions';
import type { OrderStatus } from '../../AmazonSpApi/core/orders/types';
import type { EventSettings } from './events';

export type ImportFrom = 'activation' | 'date' | 'last90Days';

export interface TriggerSettings extends OrderReadSettings, EventSettings {
	importFrom: ImportFrom;
	importDate?: string;
}

export function readTriggerSettings(ctx: IPollFunctions, defaultMarketplaceId?: string): TriggerSettings {
	const read = readOrderOptions(ctx, 0, defaultMarketplaceId);
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const event = ctx.getNodeParameter('event', 'newOrder') as EventSettings['event'];
	return {
		...read,
		event,
		statuses: event === 'statusChanged' ? (ctx.getNodeParameter('statusesToWatch', []) as OrderStatus[]) : [],
		waitWhilePending: (options.waitWhilePending as boolean) ?? true,
		includeCanceled: (options.includeCanceled as boolean) ?? false,
		importFrom: (options.importFrom as ImportFrom) ?? 'activation',
		importDate: (options.importDate as string) || undefined,
	};
}

/** Statuses to ask Amazon for: the filter's, narrowed to the watched ones for Status Changed. */
export function queryStatuses(settings: TriggerSettings): OrderStatus[] {
	const { filters, event, statuses } = settings;
	if (event !== 'statusChanged') return filters.statuses;
	return filters.statuses.length ? statuses.filter((status) => filters.statuses.includes(status)) : statuses;
}
