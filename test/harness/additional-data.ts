import { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { HarnessCredentialsHelper, type CredentialsByType } from './credentials-helper';

const BASE_URL = 'http://localhost:5678';

let executionCounter = 0;

function notAvailable(what: string): () => never {
	return () => {
		throw new Error(`${what} is not available in the test harness`);
	};
}

/**
 * The pieces of IWorkflowExecuteAdditionalData that n8n-core 2.41 touches while running a node: the
 * credentials helper, lifecycle hooks, the base URLs (getAdditionalKeys builds `$execution.resumeUrl`
 * from them with `new URL`, so they must be absolute) and an execution id.
 */
export function createAdditionalData(options: {
	credentials: CredentialsByType;
	credentialTypes?: ICredentialType[];
	mode: WorkflowExecuteMode;
	workflowId: string;
}): IWorkflowExecuteAdditionalData {
	executionCounter += 1;
	const executionId = `harness-${executionCounter}`;
	const hooks = new ExecutionLifecycleHooks(options.mode, executionId, {
		id: options.workflowId,
		name: 'Harness',
		nodes: [],
		connections: {},
		active: false,
		settings: {},
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const additionalData = {
		credentialsHelper: new HarnessCredentialsHelper(options.credentials, options.credentialTypes),
		hooks,
		executionId,
		workflowId: options.workflowId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notAvailable('startRunnerTask'),
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}
