import type { IDataObject } from 'n8n-workflow';

/** Reads a field from raw v0 (PascalCase), v2026 or simplified (camelCase) order JSON. */
function pick(json: IDataObject, ...paths: string[]): unknown {
	for (const path of paths) {
		let value: unknown = json;
		for (const key of path.split('.')) {
			value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
		}
		if (value !== undefined && value !== null && value !== '') return value;
	}
	return undefined;
}

export function findShipServiceLevel(json: IDataObject): string | undefined {
	const value = pick(
		json,
		'ShipServiceLevel',
		'shipServiceLevel',
		'fulfillment.fulfillmentServiceLevel',
		'ShipmentServiceLevelCategory',
		'shipmentServiceLevelCategory',
	);
	return value === undefined ? undefined : String(value);
}

const LINE_ITEM_KEYS = ['items', 'orderItems', 'OrderItems', 'lineItems'];

function amount(value: unknown): number {
	if (value && typeof value === 'object') return amount((value as IDataObject).Amount ?? (value as IDataObject).amount);
	const number = Number(value);
	return Number.isFinite(number) ? number : 0;
}

const truthy = (value: unknown) => value === true || value === 'true';

/** Whether Amazon marked the line as a gift or charged gift wrap for it. */
export function isGiftWrapped(line: IDataObject): boolean {
	return (
		truthy(pick(line, 'IsGift', 'isGift')) ||
		Boolean(pick(line, 'GiftWrapLevel', 'giftWrapLevel')) ||
		amount(pick(line, 'GiftWrapPrice', 'giftWrapPrice')) > 0
	);
}

/** Adds `giftWrap` to every line item found on the order and `hasGiftWrap` to the order. */
export function applyGiftWrapFlag(json: IDataObject): IDataObject {
	const output: IDataObject = { ...json };
	let hasGiftWrap = false;
	for (const key of LINE_ITEM_KEYS) {
		const lines = output[key];
		if (!Array.isArray(lines)) continue;
		output[key] = lines.map((line) => {
			if (!line || typeof line !== 'object') return line;
			const giftWrap = isGiftWrapped(line as IDataObject);
			hasGiftWrap ||= giftWrap;
			return { ...(line as IDataObject), giftWrap };
		});
	}
	output.hasGiftWrap = hasGiftWrap;
	return output;
}
