import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getSpApiClient, toNodeError } from '../AmazonSpApi/n8n/session';
import { pollDeadline, runExclusivePoll } from '../AmazonSpApi/n8n/triggerState';
import { isWindowCursor } from '../AmazonSpApi/n8n/windowCursor';
import { loadOptions } from './methods';
import { triggerProperties } from './trigger/description';
import { initialCursor, pollPurchaseOrders, samplePurchaseOrders, toItems, type VendorCursor } from './trigger/poll';
import { readVendorTriggerSettings } from './trigger/settings';

const STATE_KEY = 'purchaseOrders';

export class AmazonVendorCentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Vendor Central Trigger',
		name: 'amazonVendorCentralTrigger',
		icon: { light: 'file:amazonVendorCentral.svg', dark: 'file:amazonVendorCentral.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "purchaseOrderChanged" ? "Purchase Order Changed" : "New Purchase Order"}}',
		description: 'Starts the workflow when Amazon places or changes vendor (1P) purchase orders',
		defaults: { name: 'Amazon Vendor Central Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonVendorCentralApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const { client, account } = await getSpApiClient.call(this, 'amazonVendorCentralApi');
		const staticData = this.getWorkflowStaticData('node');
		try {
			const settings = readVendorTriggerSettings(this, account.vendorCodes);
			const now = client.clock.now();
			const deadline = pollDeadline(this, now);
			if (this.getMode() === 'manual') {
				const sample = await samplePurchaseOrders(client, settings, deadline);
				return sample.length ? [await toItems(client, sample, settings)] : null;
			}
			// A poll that overlaps the previous one (n8n starts one per tick) steps aside instead of repeating its work.
			return await runExclusivePoll(this, now, deadline, async () => {
				let saved = isWindowCursor(staticData[STATE_KEY]) ? (staticData[STATE_KEY] as unknown as VendorCursor) : undefined;
				if (!saved) {
					const { state, seedOnly } = initialCursor(settings, now);
					if (seedOnly) {
						staticData[STATE_KEY] = state as unknown as never;
						return null;
					}
					saved = state;
				}
				const outcome = await pollPurchaseOrders(client, settings, saved, deadline);
				const items = outcome.emitted.length ? await toItems(client, outcome.emitted, settings) : [];
				// Only a successful poll moves the position; a failed one leaves it for the next poll.
				staticData[STATE_KEY] = outcome.state as unknown as never;
				return items.length ? [items] : null;
			});
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	}
}
