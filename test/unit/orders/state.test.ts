import type { NormalizedOrder } from '../../../nodes/AmazonSpApi/core/orders';
import {
	advanceCursor,
	classifyOrder,
	createState,
	queryWindow,
	recordOrder,
	OVERLAP_MS,
	type EventSettings,
} from '../../../nodes/AmazonSpApi/n8n/triggerState';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function order(id: string, status: NormalizedOrder['status'], updated: number, bought = 0): NormalizedOrder {
	return {
		version: 'v2026',
		orderId: id,
		status,
		lastUpdateDate: at(updated),
		purchaseDate: at(bought),
		marketplaceId: 'ATVPDKIKX0DER',
		fulfillmentChannel: 'MFN',
		isPrime: false,
		isBusiness: false,
		raw: {},
	};
}

const newOrders: EventSettings = { event: 'newOrder', statuses: [], waitWhilePending: true };

describe('trigger state', () => {
	it('emits a new order once, after Pending', () => {
		const state = createState(T0, T0);
		const pending = order('111-1111111-1111111', 'Pending', 1);
		expect(classifyOrder(state, pending, newOrders)).toBeNull();
		recordOrder(state, pending, null);
		const paid = order('111-1111111-1111111', 'Unshipped', 30);
		expect(classifyOrder(state, paid, newOrders)).toBe('new');
		recordOrder(state, paid, 'new');
		expect(classifyOrder(state, paid, newOrders)).toBeNull();
		expect(classifyOrder(state, order('111-1111111-1111111', 'Shipped', 60), newOrders)).toBeNull();
	});

	it('ignores orders bought before the import start', () => {
		const state = createState(T0, T0 + 10 * 60_000);
		expect(classifyOrder(state, order('222-2222222-2222222', 'Unshipped', 20, 5), newOrders)).toBeNull();
		expect(classifyOrder(state, order('222-2222222-2222223', 'Unshipped', 20, 15), newOrders)).toBe('new');
	});

	it('reports each watched status once per order', () => {
		const settings: EventSettings = { event: 'statusChanged', statuses: ['Shipped'], waitWhilePending: true };
		const state = createState(T0, T0);
		const shipped = order('333-3333333-3333333', 'Shipped', 5);
		expect(classifyOrder(state, shipped, settings)).toBe('statusChanged');
		recordOrder(state, shipped, 'statusChanged');
		expect(classifyOrder(state, order('333-3333333-3333333', 'Shipped', 9), settings)).toBeNull();
		expect(classifyOrder(state, order('333-3333333-3333333', 'Unshipped', 12), settings)).toBeNull();
	});

	it('overlaps the window and never moves the cursor backwards', () => {
		const state = createState(T0, T0);
		advanceCursor(state, at(30));
		advanceCursor(state, at(10));
		expect(state.cursor).toBe(at(30));
		expect(queryWindow(state, T0 + 60 * 60_000)).toEqual({
			after: new Date(T0 + 30 * 60_000 - OVERLAP_MS).toISOString(),
			before: at(60),
		});
		expect(queryWindow(state, T0 + 20 * 60_000 - OVERLAP_MS)).toBeUndefined();
	});
});
