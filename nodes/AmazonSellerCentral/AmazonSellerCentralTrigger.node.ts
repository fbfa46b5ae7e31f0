import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getSpApiClient, toNodeError } from '../AmazonSpApi/n8n/session';
import { loadOptions } from './methods';
import { triggerProperties } from './trigger/description';
import { initialState, pollDeadline, pollOrders, sampleOrders, toItems } from './trigger/poll';
import { readTriggerSettings } from './trigger/settings';
import { isTriggerState, type TriggerState } from '../AmazonSpApi/n8n/triggerState';

const STATE_KEY = 'orders';

export class AmazonSellerCentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Seller Central Trigger',
		name: 'amazonSellerCentralTrigger',
		icon: { light: 'file:amazonSellerCentral.svg', dark: 'file:amazonSellerCentral.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "statusChanged" ? "Order Status Changed" : "New Order"}}',
		description: 'Starts the workflow when Amazon seller orders are new or change status',
		defaults: { name: 'Amazon Seller Central Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonSellerCentralApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const { client, account } = await getSpApiClient.call(this, 'amazonSellerCentralApi');
		const staticData = this.getWorkflowStaticData('node');
		try {
			const settings = readTriggerSettings(this, account.defaultMarketplaceId);
			const now = client.clock.now();
			const deadline = pollDeadline(this, now);
			if (this.getMode() === 'manual') {
				const sample = await sampleOrders(client, settings, deadline);
				return sample.length ? [toItems(sample, settings)] : null;
			}
			let saved = isTriggerState(staticData[STATE_KEY]) ? (staticData[STATE_KEY] as TriggerState) : undefined;
			if (!saved) {
				const { state, seedOnly } = initialState(settings, now);
				if (seedOnly) {
					staticData[STATE_KEY] = state as unknown as never;
					return null;
				}
				saved = state;
			}
			const outcome = await pollOrders(client, settings, saved, deadline);
			// Only a successful poll moves the position; a failed one leaves it for the next poll.
			staticData[STATE_KEY] = outcome.state as unknown as never;
			return outcome.orders.length ? [toItems(outcome.orders, settings)] : null;
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	}
}
