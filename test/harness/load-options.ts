import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialType, INodePropertyOptions } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { buildTriggerWorkflow, WORKFLOW_ID, type NodeUnderTest } from './workflow';

/** Calls `methods.loadOptions[method]` of a node type with a real n8n-core LoadOptionsContext. */
export async function runLoadOptions(
	options: NodeUnderTest & { method: string; credentialTypes?: ICredentialType[] },
): Promise<INodePropertyOptions[]> {
	const workflow = buildTriggerWorkflow(options, {});
	const node = Object.values(workflow.nodes)[0];
	const additionalData = createAdditionalData({
		credentials: options.credentials,
		credentialTypes: options.credentialTypes,
		mode: 'manual',
		workflowId: WORKFLOW_ID,
	});
	additionalData.currentNodeParameters = options.parameters;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`${node.type} has no loadOptions method ${options.method}`);
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${options.method}`);
	return await method.call(context);
}
