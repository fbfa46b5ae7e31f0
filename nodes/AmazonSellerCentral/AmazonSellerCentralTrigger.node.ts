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
import { initialState, pollOrders } from './trigger/poll';
import { sampleOrders } from './trigger/sample';
import { toItems } from './trigger/output';
import { readTriggerSettings } from './trigger/settings';
import { loadState, pollDeadline, runExclusivePoll } from '../AmazonSpApi/n8n/triggerState';

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
		const now = client.clock.now();
		const deadline = pollDeadline(this, now);
		try {
			const settings = readTriggerSettings(this, account.defaultMarketplaceId);
			if (this.getMode() === 'manual') return [toItems(await sampleOrders(client, settings, deadline), settings)];
			// A poll that overlaps the previous one (n8n starts one per tick) steps aside instead of repeating its work.
			return await runExclusivePoll(this, now, deadline, async () => {
				let saved = loadState(staticData[STATE_KEY]);
				if (!saved) {
					const { state, seedOnly } = initialState(settings, now);
					if (seedOnly) {
						staticData[STATE_KEY] = state as unknown as never;
						return null;
					}
					saved = state;
				}
				const outcome = await pollOrders(client, settings, saved, deadline);
				// A poll that failed before reading anything fails and keeps the position; any progress is kept.
				if (outcome.error && !outcome.progress) throw toNodeError(this.getNode(), outcome.error);
				staticData[STATE_KEY] = outcome.state as unknown as never;
				if (outcome.error) {
					this.logger.warn(
						`Amazon Seller Central Trigger: a call failed after ${outcome.orders.length} order(s); the next poll continues from ${outcome.state.cursor}`,
						{ error: toNodeError(this.getNode(), outcome.error).message },
					);
				} else if (outcome.backlog) {
					this.logger.info(
						`Amazon Seller Central Trigger: more orders are waiting after ${outcome.state.cursor}; the next poll continues there (Amazon's rate limit)`,
					);
				}
				return outcome.orders.length ? [toItems(outcome.orders, settings)] : null;
			});
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	}
}
