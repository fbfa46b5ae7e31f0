// Puts known orders into the emulator so example workflows have a predictable input.

const HOUR = 3600 * 1000;

/** Amazon's three views of a shipping option: v0 ShipServiceLevel, v0 category, 2026-01-01 fulfillmentServiceLevel. */
export const SHIPPING_OPTIONS = {
	standard: { shipServiceLevel: 'Std US D2D Dom', shipmentServiceLevelCategory: 'Standard', fulfillmentServiceLevel: 'STANDARD' },
	expedited: { shipServiceLevel: 'Exp US D2D Dom', shipmentServiceLevelCategory: 'Expedited', fulfillmentServiceLevel: 'EXPEDITED' },
	nextDay: { shipServiceLevel: 'NextDay US D2D Dom', shipmentServiceLevelCategory: 'NextDay', fulfillmentServiceLevel: 'NEXT_DAY' },
};
let sequence = 0;

/** A unique, valid Amazon order id (3-7-7 digits) per call. */
export function newOrderId() {
	sequence += 1;
	const tail = `${Date.now() % 10000000}`.padStart(7, '0');
	return `114-${String(sequence).padStart(7, '0')}-${tail}`;
}

/** Clears all orders, feeds and calls: the emulator then holds only what a test injects. */
export async function emptyEmulator(emulator) {
	await emulator.inspect('reset', { json: { orders: 0 } });
}

/**
 * Injects one US order that became visible an hour ago. `skus` renames the generated line items' SKUs.
 * @returns {Promise<object>} the EmuOrder as stored
 */
export async function injectOrder(emulator, { skus, ...fields }) {
	const oneHourAgo = new Date(Date.now() - HOUR).toISOString();
	const partial = {
		orderId: newOrderId(),
		marketplaceId: 'ATVPDKIKX0DER',
		status: 'Unshipped',
		fulfillmentChannel: 'MFN',
		isPrime: false,
		acknowledged: false,
		...SHIPPING_OPTIONS.standard,
		purchaseDate: oneHourAgo,
		lastUpdateDate: oneHourAgo,
		visibleAfter: oneHourAgo,
		...fields,
	};
	const { orders: [order] } = await emulator.inspect('orders', { json: partial });
	if (!skus) return order;
	const items = order.items.map((item, index) => ({ ...item, sellerSku: skus[index % skus.length] }));
	const { orders: [updated] } = await emulator.inspect('orders', { json: { orderId: order.orderId, items, lastUpdateDate: oneHourAgo, visibleAfter: oneHourAgo } });
	return updated;
}

export async function emulatorOrder(emulator, orderId) {
	const { orders } = await emulator.inspect('orders');
	return orders.find((order) => order.orderId === orderId);
}
