import type { INodeTypeDescription } from 'n8n-workflow';

import { AmazonSellerCentral } from '../../../nodes/AmazonSellerCentral/AmazonSellerCentral.node';
import { AmazonVendorCentral } from '../../../nodes/AmazonVendorCentral/AmazonVendorCentral.node';

/** Every resource:operation pair the node offers (operation selectors are shown per resource). */
function operationPairs(description: INodeTypeDescription): string[] {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) => {
			const resources = (property.displayOptions?.show?.resource ?? []) as string[];
			const operations = (property.options ?? []).map((option) => String((option as { value: unknown }).value));
			return resources.flatMap((resource) => operations.map((operation) => `${resource}:${operation}`));
		});
}

// n8n's lint wants the subtitle as one literal, so the readable names are a hand-kept table: nothing may be missing.
describe.each([
	['Amazon Seller Central', new AmazonSellerCentral().description],
	['Amazon Vendor Central', new AmazonVendorCentral().description],
])('%s subtitle', (_name, description) => {
	it('names every operation readably', () => {
		const pairs = operationPairs(description);
		expect(pairs.length).toBeGreaterThan(5);
		expect(pairs.filter((pair) => !String(description.subtitle).includes(`"${pair}":"`))).toEqual([]);
	});
});
