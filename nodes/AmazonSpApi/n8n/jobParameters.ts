/**
 * Parameters shared by the feed and report operations of any node: a type picked from a list or typed in, several
 * marketplaces, key/value options, a date range. Every reader validates and names the field, the item and the fix.
 */

import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { invalidInput } from './inputErrors';
import { resolveMarketplaceId } from './marketplace';
import type { SpApiAccount } from './session';

export const CUSTOM_TYPE = 'custom';

/** A type list with a last "Other" entry that reveals a free-text field named `<name>Custom`. */
export function typeProperties(
	name: string,
	displayName: string,
	options: INodePropertyOptions[],
	defaultValue: string,
	description: string,
): INodeProperties[] {
	return [
		{
			displayName,
			name,
			type: 'options',
			options: [...options, { name: 'Other (Enter the Type)', value: CUSTOM_TYPE, description: 'Any other type, typed in' }].sort(
				(a, b) => a.name.localeCompare(b.name),
			),
			default: defaultValue,
			description,
		},
		{
			displayName: `Custom ${displayName}`,
			name: `${name}Custom`,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. GET_MERCHANT_LISTINGS_DATA',
			displayOptions: { show: { [name]: [CUSTOM_TYPE] } },
			description: "Amazon's type name, in capitals with underscores",
		},
	];
}

const TYPE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/** The chosen or typed type; a typed one must look like Amazon's type names (capitals and underscores). */
export function readType(this: IExecuteFunctions, itemIndex: number, name: string, field: string, example: string): string {
	const chosen = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const value = chosen === CUSTOM_TYPE ? String(this.getNodeParameter(`${name}Custom`, itemIndex, '') ?? '').trim() : chosen;
	if (!TYPE_PATTERN.test(value)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			field,
			value ? `"${value}" is not a type Amazon knows` : 'is empty',
			`Pick a type from the list, or type Amazon's exact name, such as ${example}`,
		);
	}
	return value;
}

export const marketplacesProperty = (description: string): INodeProperties => ({
	displayName: 'Marketplace Names or IDs',
	name: 'marketplaceIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getMarketplaces' },
	default: [],
	description: `${description}. Empty means the credential's default marketplace. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** Marketplace IDs or country codes (list or comma-separated text) resolved against the credential's region. */
export function readMarketplaceIds(
	this: IExecuteFunctions,
	itemIndex: number,
	account: Pick<SpApiAccount, 'defaultMarketplaceId' | 'region'>,
	parameter = 'marketplaceIds',
): string[] {
	const raw = this.getNodeParameter(parameter, itemIndex, []) as string[] | string;
	const values = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((value) => String(value).trim())
		.filter(Boolean);
	if (!values.length) return [resolveMarketplaceId.call(this, itemIndex, '', account)];
	return [...new Set(values.map((value) => resolveMarketplaceId.call(this, itemIndex, value, account)))];
}

export const keyValueProperty = (name: string, displayName: string, description: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Option',
	description,
	options: [
		{
			name: 'pairs',
			displayName: 'Option',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

/** Key/value pairs as Amazon's string map; empty or repeated keys are input errors. Undefined when there are none. */
export function readKeyValues(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	field: string,
): Record<string, string> | undefined {
	const { pairs = [] } = this.getNodeParameter(parameter, itemIndex, {}) as { pairs?: Array<{ key?: unknown; value?: unknown }> };
	const result: Record<string, string> = {};
	for (const [position, pair] of pairs.entries()) {
		const key = String(pair.key ?? '').trim();
		if (!key) {
			throw invalidInput(this.getNode(), itemIndex, `${field} → Key`, `option ${position + 1} has no key`, 'Enter the key or remove the option');
		}
		if (key in result) {
			throw invalidInput(this.getNode(), itemIndex, `${field} → Key`, `"${key}" is given twice`, 'Give each key once');
		}
		if (pair.value !== undefined && pair.value !== null && typeof pair.value === 'object') {
			throw invalidInput(this.getNode(), itemIndex, `${field} → Value`, `the value of "${key}" is not text`, 'Amazon accepts text values only');
		}
		result[key] = String(pair.value ?? '');
	}
	return pairs.length ? result : undefined;
}

/** An optional date parameter as an ISO date-time; invalid dates and dates in the future are input errors. */
export function readPastDate(this: IExecuteFunctions, itemIndex: number, parameter: string, field: string, now: number): string | undefined {
	const raw = this.getNodeParameter(parameter, itemIndex, '') as string | undefined;
	if (!raw) return undefined;
	const time = Date.parse(String(raw));
	if (Number.isNaN(time)) throw invalidInput(this.getNode(), itemIndex, field, `"${raw}" is not a date`, 'Pick a date and time');
	if (time > now) {
		throw invalidInput(this.getNode(), itemIndex, field, `${new Date(time).toISOString()} is in the future`, 'Pick a date and time in the past');
	}
	return new Date(time).toISOString();
}

/** Start and end (both optional); the start must come before the end. */
export function readPastRange(
	this: IExecuteFunctions,
	itemIndex: number,
	names: { start: string; end: string },
	labels: { start: string; end: string },
	now: number,
): { start?: string; end?: string } {
	const start = readPastDate.call(this, itemIndex, names.start, labels.start, now);
	const end = readPastDate.call(this, itemIndex, names.end, labels.end, now);
	if (start && end && Date.parse(start) > Date.parse(end)) {
		throw invalidInput(this.getNode(), itemIndex, labels.start, `${start} is after ${labels.end} (${end})`, `Pick a start before the end`);
	}
	return { start, end };
}
