import { WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	IRun,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { buildActionWorkflow, START_NODE_NAME, WORKFLOW_ID, type NodeUnderTest } from './workflow';

export interface RunActionNodeOptions extends NodeUnderTest {
	/** JSON of the items the Start node feeds into the node (default: one empty item). */
	inputItems?: IDataObject[];
	credentialTypes?: ICredentialType[];
}

export interface ActionRunResult {
	/** Items of the first output. */
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	/** The node's error when it failed (and continueOnFail was off). */
	error?: ExecutionBaseError;
	run: IRun;
}

/** Runs Start → node with n8n-core's WorkflowExecute in manual mode. */
export async function runActionNode(options: RunActionNodeOptions): Promise<ActionRunResult> {
	const { workflow, nodeName } = buildActionWorkflow(options, options.inputItems ?? [{}]);
	const additionalData = createAdditionalData({
		credentials: options.credentials,
		credentialTypes: options.credentialTypes,
		mode: 'manual',
		workflowId: WORKFLOW_ID,
	});
	const run = await new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: workflow.getNode(START_NODE_NAME) ?? undefined,
		destinationNode: { nodeName, mode: 'inclusive' },
	});
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: taskData?.error ?? run.data.resultData.error,
		run,
	};
}
