import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { HarnessNodeTypes, nodeTypeKey, START_NODE_TYPE } from './node-types';

export const WORKFLOW_ID = 'harness-workflow';
export const START_NODE_NAME = 'Start';

export interface NodeUnderTest {
	nodeType: INodeType | IVersionedNodeType;
	parameters: INodeParameters;
	/** Credentials keyed by credential type name, e.g. { amazonSellerCentralApi: emulatorCredentials(url) } */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Node display name; static data is keyed by it (`node:<name>`). */
	nodeName?: string;
	typeVersion?: number;
	continueOnFail?: boolean;
}

function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const version = nodeType.description.version;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export function buildNode(spec: NodeUnderTest, position: [number, number]): INode {
	const description = spec.nodeType.description;
	const typeVersion = spec.typeVersion ?? latestVersion(spec.nodeType);
	const nodeCredentials = Object.fromEntries(
		Object.keys(spec.credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
	);
	return {
		id: `node-${description.name}`,
		name: spec.nodeName ?? description.displayName,
		type: nodeTypeKey(spec.nodeType),
		typeVersion,
		position,
		parameters: spec.parameters,
		credentials: nodeCredentials,
		continueOnFail: spec.continueOnFail ?? false,
	};
}

/** Start → node under test; used for action nodes. */
export function buildActionWorkflow(
	spec: NodeUnderTest,
	inputItems: IDataObject[],
): { workflow: Workflow; nodeName: string } {
	const node = buildNode(spec, [200, 0]);
	const start: INode = {
		id: 'node-start',
		name: START_NODE_NAME,
		type: START_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(inputItems) },
	};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness',
		nodes: [start, node],
		connections: {
			[START_NODE_NAME]: {
				[NodeConnectionTypes.Main]: [[{ node: node.name, type: NodeConnectionTypes.Main, index: 0 }]],
			},
		},
		active: false,
		nodeTypes: new HarnessNodeTypes([spec.nodeType]),
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	return { workflow, nodeName: node.name };
}

/** A workflow holding only the trigger, with the given (persisted) static data. */
export function buildTriggerWorkflow(spec: NodeUnderTest, staticData: IDataObject): Workflow {
	return new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness',
		nodes: [buildNode(spec, [0, 0])],
		connections: {},
		active: true,
		nodeTypes: new HarnessNodeTypes([spec.nodeType]),
		staticData,
		settings: { executionOrder: 'v1' },
	});
}
