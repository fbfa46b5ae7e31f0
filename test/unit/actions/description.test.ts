import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AmazonSellerCentral } from '../../../nodes/AmazonSellerCentral/AmazonSellerCentral.node';
import codex from '../../../nodes/AmazonSellerCentral/AmazonSellerCentral.node.json';

const { description } = new AmazonSellerCentral();

function walk(properties: INodeProperties[], visit: (property: INodeProperties) => void): void {
	for (const property of properties) {
		visit(property);
		for (const option of property.options ?? []) {
			if ('values' in option) walk(option.values, visit);
			else if ('type' in option) walk([option as INodeProperties], visit);
		}
	}
}

describe('Amazon Seller Central node description', () => {
	it('follows the n8n node conventions', () => {
		expect(description).toMatchObject({
			name: 'amazonSellerCentral',
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			icon: { light: 'file:amazonSellerCentral.svg', dark: 'file:amazonSellerCentral.dark.svg' },
			credentials: [{ name: 'amazonSellerCentralApi', required: true }],
		});
		expect(description.subtitle).toContain('"order:getAll":"Get Many Orders"');
		const orderOperations = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('order'),
		);
		for (const option of (orderOperations?.options ?? []) as INodePropertyOptions[]) {
			expect(description.subtitle).toContain(`"order:${String(option.value)}":`);
		}
		expect(codex.categories).toEqual(['Sales', 'Analytics']);
	});

	it('has resource/operation selectors without expressions and an action on every operation', () => {
		const selectors = description.properties.filter((p) => p.name === 'resource' || p.name === 'operation');
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[];
		expect(selectors.length).toBe(1 + resources.length);
		for (const selector of selectors) expect(selector.noDataExpression).toBe(true);
		const operations = selectors.filter((p) => p.name === 'operation');
		const actions = operations.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.action));
		expect(actions.every(Boolean)).toBe(true);
		expect(operations.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.value))).toEqual(
			expect.arrayContaining(['acknowledge', 'cancel', 'compute', 'confirmShipment', 'get', 'getAll', 'getItems', 'getResult', 'mapShippingProvider', 'update']),
		);
	});

	// Lists owned by shared/descriptions (trigger + Get Many) keep their own, lifecycle order.
	const SHARED = ['apiVersion', 'business', 'fulfillmentChannel', 'packingStationLayout', 'prime', 'statuses'];

	it('sorts every options list of the action node by name', () => {
		walk(description.properties, (property) => {
			if (property.type !== 'options' && property.type !== 'multiOptions') return;
			if (SHARED.includes(property.name)) return;
			const names = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.name);
			expect({ property: property.name, names }).toEqual({
				property: property.name,
				names: [...names].sort((a, b) => a.localeCompare(b)),
			});
		});
	});

	it('uses the exact returnAll / limit descriptions and "Whether" for booleans', () => {
		walk(description.properties, (property) => {
			if (property.name === 'returnAll') {
				expect(property.description).toBe('Whether to return all results or only up to a given limit');
			}
			if (property.name === 'limit') expect(property.description).toBe('Max number of results to return');
			if (property.type === 'boolean' && property.description) {
				expect(property.description).toMatch(/^Whether /);
			}
		});
	});

	it('shows every parameter for exactly one resource and operation', () => {
		for (const property of description.properties) {
			if (property.name === 'resource') continue;
			expect(property.displayOptions?.show?.resource).toHaveLength(1);
			if (property.name !== 'operation') expect(property.displayOptions?.show?.operation).toHaveLength(1);
		}
	});
});
