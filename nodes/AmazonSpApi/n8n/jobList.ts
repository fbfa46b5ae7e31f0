/** Get Many of feeds or reports: types, statuses, marketplaces and a created range, with Return All and Limit. */

import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PROCESSING_STATUSES, type ProcessingStatus } from '../core/jobs/processing';
import { invalidInput } from './inputErrors';
import { CUSTOM_TYPE, readMarketplaceIds, readPastRange } from './jobParameters';
import { readLimit, returnAllProperties } from './parameters';
import type { SpApiAccount } from './session';

const STATUS_LABELS: Record<ProcessingStatus, string> = {
	IN_QUEUE: 'In Queue',
	IN_PROGRESS: 'In Progress',
	DONE: 'Done',
	CANCELLED: 'Cancelled',
	FATAL: 'Fatal',
};

export interface JobListQuery {
	types: string[];
	processingStatuses?: ProcessingStatus[];
	marketplaceIds?: string[];
	createdSince?: string;
	createdUntil?: string;
	pageSize: number;
	limit?: number;
}

export function jobListProperties(kind: 'feed' | 'report', typeOptions: INodePropertyOptions[]): INodeProperties[] {
	const label = kind === 'feed' ? 'Feed' : 'Report';
	return [
		{
			displayName: `${label} Types`,
			name: 'types',
			type: 'multiOptions',
			options: [...typeOptions, { name: 'Other (Enter Types)', value: CUSTOM_TYPE }].sort((a, b) => a.name.localeCompare(b.name)),
			default: [],
			required: true,
			description: `Which ${kind} types to list (Amazon requires at least one)`,
		},
		{
			displayName: `Other ${label} Types`,
			name: 'customTypes',
			type: 'string',
			default: '',
			placeholder: kind === 'feed' ? 'e.g. POST_FLAT_FILE_FULFILLMENT_DATA' : 'e.g. GET_MERCHANT_LISTINGS_DATA',
			displayOptions: { show: { types: [CUSTOM_TYPE] } },
			description: 'Further types, separated by commas',
		},
		...returnAllProperties,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Created After', name: 'createdSince', type: 'dateTime', default: '', description: 'Amazon keeps them 90 days; without this filter, the last 90 days' },
				{ displayName: 'Created Before', name: 'createdUntil', type: 'dateTime', default: '' },
				{
					displayName: 'Marketplace Names or IDs',
					name: 'marketplaceIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getMarketplaces' },
					default: [],
					description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Statuses',
					name: 'processingStatuses',
					type: 'multiOptions',
					options: PROCESSING_STATUSES.map((value) => ({ name: STATUS_LABELS[value], value })).sort((a, b) => a.name.localeCompare(b.name)),
					default: [],
				},
			],
		},
	];
}

/** Reads and validates the query (nothing is sent): at least one well-formed type, a past created range. */
export function readJobListQuery(
	this: IExecuteFunctions,
	itemIndex: number,
	account: Pick<SpApiAccount, 'defaultMarketplaceId' | 'region'>,
	now: number,
): JobListQuery {
	const chosen = (this.getNodeParameter('types', itemIndex, []) as string[]).filter((type) => type !== CUSTOM_TYPE);
	const typed = String(this.getNodeParameter('customTypes', itemIndex, '') ?? '').split(',').map((type) => type.trim()).filter(Boolean);
	const bad = typed.find((type) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(type));
	if (bad) throw invalidInput(this.getNode(), itemIndex, 'Other Types', `"${bad}" is not a type Amazon knows`, "Type Amazon's exact names, separated by commas");
	const types = [...new Set([...chosen, ...typed])];
	if (!types.length) throw invalidInput(this.getNode(), itemIndex, 'Types', 'is empty', 'Pick at least one type: Amazon lists them by type');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { processingStatuses?: ProcessingStatus[]; marketplaceIds?: string[] };
	const range = readPastRange.call(this, itemIndex, { start: 'filters.createdSince', end: 'filters.createdUntil' }, { start: 'Filters → Created After', end: 'Filters → Created Before' }, now);
	const limit = readLimit.call(this, itemIndex);
	return {
		types,
		processingStatuses: filters.processingStatuses?.length ? filters.processingStatuses : undefined,
		marketplaceIds: filters.marketplaceIds?.length ? readMarketplaceIds.call(this, itemIndex, account, 'filters.marketplaceIds') : undefined,
		createdSince: range.start,
		createdUntil: range.end,
		pageSize: Math.min(limit ?? 100, 100),
		limit,
	};
}
