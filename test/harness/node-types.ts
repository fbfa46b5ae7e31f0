import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-amazon-spapi';
export const START_NODE_TYPE = 'harness.start';

/** Stands in for the Manual Trigger: emits the items given in its `items` parameter. */
class HarnessStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Emits the test input items',
		usableAsTool: true,
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0, '[]') as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json, index) => ({ json, pairedItem: { item: index } }))];
	}
}

export function nodeTypeKey(nodeType: INodeType | IVersionedNodeType): string {
	return `${PACKAGE_NAME}.${nodeType.description.name}`;
}

/** INodeTypes over the TS classes under test (instantiated directly, no directory loader). */
export class HarnessNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodeTypes: Array<INodeType | IVersionedNodeType>) {
		this.byName.set(START_NODE_TYPE, new HarnessStart());
		for (const nodeType of nodeTypes) this.byName.set(nodeTypeKey(nodeType), nodeType);
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const nodeType = this.byName.get(name);
		if (!nodeType) throw new Error(`Unknown node type ${name}`);
		return nodeType;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		const nodeType = this.getByName(name);
		if ('nodeVersions' in nodeType) return nodeType.getNodeType(version);
		return nodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
