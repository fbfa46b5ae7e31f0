import { PollContext } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	IPollFunctions,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { buildTriggerWorkflow, WORKFLOW_ID, type NodeUnderTest } from './workflow';

export type PollMode = 'trigger' | 'manual';
export type PollResult = INodeExecutionData[][] | null;

export interface PollRunnerOptions extends NodeUnderTest {
	/** Persisted workflow static data (`{ 'node:<name>': {...} }`), e.g. from a previous runner. */
	staticData?: IDataObject;
	credentialTypes?: ICredentialType[];
	/** What getPollBudgetMs() returns (n8n-core's default is 5 minutes). */
	budgetMs?: number;
	/**
	 * When true, every successful poll persists static data (n8n's durable poll cursors). Default false:
	 * n8n's legacy path persists only after activation and when a poll emits; a null poll's changes stay
	 * in memory and are lost on restart.
	 */
	persistNullPolls?: boolean;
}

export interface PollRunner {
	poll(mode?: PollMode, options?: { budgetMs?: number }): Promise<PollResult>;
	/** Persisted static data: what a restart would load. */
	readonly staticData: IDataObject;
	/** The node's persisted static-data bucket. */
	readonly nodeStaticData: IDataObject;
	/** The node's in-memory bucket (what the next poll of this activation sees). */
	readonly liveNodeStaticData: IDataObject;
	/** The node's bucket as left by the last manual poll (never persisted). */
	readonly lastManualNodeStaticData: IDataObject | undefined;
	/** A new activation of the same workflow from the persisted static data (simulates an n8n restart). */
	restart(): PollRunner;
	readonly nodeName: string;
}

function clone(data: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(data, (key, value: unknown) => (key === '__dataChanged' ? undefined : value)));
}

/**
 * Runs a polling trigger with real n8n-core PollContexts. One runner = one activation: the Workflow instance
 * (and so the in-memory static data) lives across polls; persistence follows n8n's rules (see options).
 */
export function createPollRunner(options: PollRunnerOptions): PollRunner {
	let persisted = clone(options.staticData ?? {});
	const workflow = buildTriggerWorkflow(options, clone(persisted));
	const node = Object.values(workflow.nodes)[0];
	const bucketKey = `node:${node.name}`;
	const additionalData = createAdditionalData({
		credentials: options.credentials,
		credentialTypes: options.credentialTypes,
		mode: 'trigger',
		workflowId: WORKFLOW_ID,
	});
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.poll) throw new Error(`${node.type} has no poll method`);
	const poll = nodeType.poll;
	let activation: WorkflowActivateMode = options.staticData ? 'init' : 'activate';
	let activated = false;
	let lastManual: IDataObject | undefined;

	function createContext(
		target: Workflow,
		data: IWorkflowExecuteAdditionalData,
		mode: PollMode,
		budgetMs: number | undefined,
	): IPollFunctions {
		const budget = budgetMs ?? options.budgetMs;
		return new PollContext(
			target,
			node,
			data,
			mode,
			mode === 'manual' ? 'manual' : activation,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			budget === undefined ? undefined : () => budget,
		);
	}

	async function pollManually(budgetMs?: number): Promise<PollResult> {
		const testWorkflow = buildTriggerWorkflow(options, clone(persisted));
		const data = createAdditionalData({
			credentials: options.credentials,
			credentialTypes: options.credentialTypes,
			mode: 'manual',
			workflowId: WORKFLOW_ID,
		});
		const context = createContext(testWorkflow, data, 'manual', budgetMs);
		try {
			return await poll.call(context);
		} finally {
			lastManual = clone((testWorkflow.staticData[bucketKey] as IDataObject) ?? {});
		}
	}

	async function pollInTrigger(budgetMs?: number): Promise<PollResult> {
		const context = createContext(workflow, additionalData, 'trigger', budgetMs);
		const result = await poll.call(context);
		const emitted = result !== null && result.some((output) => output.length > 0);
		if (!activated || emitted || options.persistNullPolls) persisted = clone(workflow.staticData);
		activated = true;
		activation = 'init';
		return result;
	}

	return {
		nodeName: node.name,
		async poll(mode: PollMode = 'trigger', pollOptions = {}) {
			return mode === 'manual'
				? await pollManually(pollOptions.budgetMs)
				: await pollInTrigger(pollOptions.budgetMs);
		},
		get staticData() {
			return clone(persisted);
		},
		get nodeStaticData() {
			return clone((persisted[bucketKey] as IDataObject) ?? {});
		},
		get liveNodeStaticData() {
			return clone((workflow.staticData[bucketKey] as IDataObject) ?? {});
		},
		get lastManualNodeStaticData() {
			return lastManual;
		},
		restart() {
			return createPollRunner({ ...options, staticData: clone(persisted) });
		},
	};
}
