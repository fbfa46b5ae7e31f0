import get from 'lodash/get';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

export const TEST_NODE: INode = {
	id: 'node-1',
	name: 'Amazon Seller Central',
	type: 'n8n-nodes-amazon-spapi.amazonSellerCentral',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface MockOptions {
	/** Parameters for every item, or one object per item. */
	parameters?: IDataObject | IDataObject[];
	items?: IDataObject[];
	continueOnFail?: boolean;
}

/** A minimal IExecuteFunctions: parameters (dotted paths allowed), input items, node, continueOnFail. */
export function mockContext(options: MockOptions = {}): IExecuteFunctions {
	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const parametersFor = (itemIndex: number): IDataObject =>
		Array.isArray(options.parameters) ? (options.parameters[itemIndex] ?? {}) : (options.parameters ?? {});
	const context = {
		getNode: () => TEST_NODE,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const value = get(parametersFor(itemIndex), name);
			return value === undefined ? fallback : value;
		},
	};
	return context as unknown as IExecuteFunctions;
}
