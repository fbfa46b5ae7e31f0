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

/** Statuses to ask Amazon for: Statuses to Watch for Status Changed (the Order Statuses filter is New Order's). */
export function queryStatuses(settings: TriggerSettings): OrderStatus[] {
	return settings.event === 'statusChanged' ? settings.statuses : settings.filters.statuses;
}
