import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mapShipServiceLevel, type ShipServiceLevelRule } from '../../../AmazonSpApi/core/orders/carriers';
import { resolveItemCarrier } from '../common/carrier';
import { carrierMappingProperties } from '../common/descriptions';
import { invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { applyGiftWrapFlag, findShipServiceLevel } from '../common/orderFields';

const inboundProperties: INodeProperties[] = [
	{
		displayName: 'Amazon Shipping Option',
		name: 'shipServiceLevel',
		type: 'string',
		default: '',
		placeholder: 'e.g. Std DE Dom',
		description:
			'The shipping option of the order. Empty reads it from the input item (ShipServiceLevel, ShipmentServiceLevelCategory or fulfillment.fulfillmentServiceLevel).',
	},
	{
		displayName: 'Shipping Provider Mappings',
		name: 'serviceLevelMappings',
		type: 'fixedCollection',
		placeholder: 'Add Mapping',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		description:
			'Your shipping provider per Amazon shipping option. Exact matches win over prefix matches, prefix over contains; the longest pattern wins. Orders V0 and Orders 2026 spell options differently ("Second US D2D Dom" vs "SECOND_DAY"): when no rule matches as written, a rule for the same speed in the other spelling applies.',
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Amazon Shipping Option',
						name: 'pattern',
						type: 'string',
						default: '',
						placeholder: 'e.g. Std DE Dom, Exp, NEXT_DAY, SECOND_DAY, Prime',
						description:
							'Shipping option as Amazon sends it (case is ignored): a V0 ShipServiceLevel such as Std DE Dom, or a speed such as STANDARD, EXPEDITED, NEXT_DAY',
					},
					{
						displayName: 'Match',
						name: 'match',
						type: 'options',
						default: 'exact',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Exact', value: 'exact' },
							{ name: 'Starts With', value: 'prefix' },
						],
					},
					{
						displayName: 'Your Shipping Provider',
						name: 'provider',
						type: 'string',
						default: '',
						placeholder: 'e.g. DHL Express',
						description: 'Shipping provider or method your WMS or ERP should use',
					},
				],
			},
		],
	},
	{
		displayName: 'Default Shipping Provider',
		name: 'defaultShippingProvider',
		type: 'string',
		default: '',
		placeholder: 'e.g. DHL Paket',
		description: 'Used when no mapping matches. Empty stops with an error for unmapped shipping options.',
	},
	{
		displayName: 'Set Gift-Wrap Flag',
		name: 'setGiftWrapFlag',
		type: 'boolean',
		default: true,
		description:
			'Whether to add giftWrap (true/false) to each line item and hasGiftWrap to the order, from Amazon\'s gift fields',
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		noDataExpression: true,
		default: 'outbound',
		options: [
			{
				name: 'Inbound: Amazon Shipping Option → Your Provider',
				value: 'inbound',
				description: 'Choose your shipping provider for an Amazon order',
			},
			{
				name: 'Outbound: Your Carrier → Amazon Carrier Code',
				value: 'outbound',
				description: 'Translate your carrier name into the carrier code Amazon accepts',
			},
		],
	},
	...updateDisplayOptions({ show: { direction: ['outbound'] } }, carrierMappingProperties),
	...updateDisplayOptions({ show: { direction: ['inbound'] } }, inboundProperties),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['mapShippingProvider'] } },
	properties,
);

function mapOutbound(this: IExecuteFunctions, itemIndex: number, json: IDataObject): IDataObject {
	const carrier = resolveItemCarrier.call(this, itemIndex);
	const output: IDataObject = { ...json, amazonCarrierCode: carrier.carrierCode };
	if (carrier.carrierName) output.amazonCarrierName = carrier.carrierName;
	if (carrier.shippingMethod) output.amazonShippingMethod = carrier.shippingMethod;
	output.carrierMatchedBy = carrier.matchedBy;
	return output;
}

function mapInbound(this: IExecuteFunctions, itemIndex: number, json: IDataObject): IDataObject {
	const entered = String(this.getNodeParameter('shipServiceLevel', itemIndex, '') ?? '').trim();
	const level = entered || findShipServiceLevel(json) || '';
	const rows = this.getNodeParameter('serviceLevelMappings.mapping', itemIndex, []) as IDataObject[];
	const rules: ShipServiceLevelRule[] = rows
		.filter((row) => String(row.pattern ?? '').trim())
		.map((row) => ({
			pattern: String(row.pattern),
			provider: String(row.provider ?? ''),
			match: (row.match as ShipServiceLevelRule['match']) ?? 'exact',
		}));
	const fallback = String(this.getNodeParameter('defaultShippingProvider', itemIndex, '') ?? '').trim();
	const mapped = mapShipServiceLevel(level, rules, fallback);
	if (!mapped.provider) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Shipping Provider Mappings',
			level
				? `no mapping matches the shipping option "${level}" and there is no default shipping provider`
				: 'the item has no ShipServiceLevel and there is no default shipping provider',
			'Add a mapping for this shipping option or set a Default Shipping Provider',
		);
	}
	const output: IDataObject = {
		...json,
		shipServiceLevel: level,
		shippingProvider: mapped.provider,
		shippingProviderMatchedBy: mapped.matchedBy,
	};
	return this.getNodeParameter('setGiftWrapFlag', itemIndex, true) ? applyGiftWrapFlag(output) : output;
}

/** Adds the mapped fields onto the input item; sends nothing to Amazon. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const json = this.getInputData()[itemIndex]?.json ?? {};
	return this.getNodeParameter('direction', itemIndex, 'outbound') === 'inbound'
		? mapInbound.call(this, itemIndex, json)
		: mapOutbound.call(this, itemIndex, json);
}
