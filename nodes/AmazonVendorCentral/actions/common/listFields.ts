import type { IExecuteFunctions } from 'n8n-workflow';

import { rangeSlices, type TimeSlice } from '../../../AmazonSpApi/core/vendor/windows';
import { guardInput } from '../../../AmazonSpApi/n8n/inputErrors';

export { readLimit, returnAllProperties } from '../../../AmazonSpApi/n8n/parameters';

/** The `after` / `before` date parameters as 7-day slices; errors carry the fields' labels. */
export function readRangeSlices(this: IExecuteFunctions, itemIndex: number, now: number, labels: { after: string; before: string }): TimeSlice[] {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '') || undefined;
	return guardInput(this.getNode(), itemIndex, (field) => (field === 'before' ? labels.before : labels.after), () =>
		rangeSlices(text('after'), text('before'), now, { after: 'after', before: 'before' }),
	);
}
