import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { rangeSlices, type TimeSlice } from '../../../AmazonSpApi/core/vendor/windows';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';

/** Return All + Limit of the Get Many operations. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** undefined when Return All is on. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

/** The `after` / `before` date parameters as 7-day slices; errors carry the fields' labels. */
export function readRangeSlices(this: IExecuteFunctions, itemIndex: number, now: number, labels: { after: string; before: string }): TimeSlice[] {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '') || undefined;
	return guardInput(this.getNode(), itemIndex, (field) => (field === 'before' ? labels.before : labels.after), () =>
		rangeSlices(text('after'), text('before'), now, { after: 'after', before: 'before' }),
	);
}
