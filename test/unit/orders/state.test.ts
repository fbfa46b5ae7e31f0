import type { NormalizedOrder } from '../../../nodes/AmazonSpApi/core/orders';
import {
	advanceCursor,
	advanceSettled,
	createState,
	LATE_INDEX_MS,
	loadState,
	acquirePollLease,
	pollDeadline,
	releasePollLease,
	settleWindowEnd,
} from '../../../nodes/AmazonSpApi/n8n/triggerState';
import type { IPollFunctions } from 'n8n-workflow';
import { classifyOrder, recordOrder, type EventSettings } from '../../../nodes/AmazonSellerCentral/trigger/events';

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

	it('skips an order cancelled before it was ever seen outside Pending, unless asked', () => {
		const state = createState(T0, T0);
		const pending = order('444-4444444-4444444', 'Pending', 1);
		recordOrder(state, pending, null);
		const cancelled = order('444-4444444-4444444', 'Canceled', 9);
		expect(classifyOrder(state, cancelled, newOrders)).toBeNull();
		expect(classifyOrder(state, cancelled, { ...newOrders, includeCanceled: true })).toBe('new');
		expect(classifyOrder(createState(T0, T0), order('444-4444444-4444445', 'Canceled', 3), newOrders)).toBeNull();
	});

	it('Status Changed: an order bought before the start is watched from its first sighting', () => {
		const settings: EventSettings = { event: 'statusChanged', statuses: ['Unshipped', 'Shipped'], waitWhilePending: true };
		const state = createState(T0, T0 + 60 * 60_000);
		const old = order('555-5555555-5555555', 'Unshipped', 70, 5);
		expect(classifyOrder(state, old, settings)).toBeNull();
		recordOrder(state, old, null);
		expect(classifyOrder(state, order('555-5555555-5555555', 'Shipped', 80, 5), settings)).toBe('statusChanged');
		expect(classifyOrder(state, order('555-5555555-5555556', 'Unshipped', 70, 65), settings)).toBe('statusChanged');
	});

	it('never moves a position backwards; settles only ranges read when old enough', () => {
		const state = createState(T0, T0);
		advanceCursor(state, at(30));
		advanceCursor(state, at(10));
		expect(state.cursor).toBe(at(30));
		// read up to minute 30 at minute 35: only what was 10 minutes old by then settles
		expect(advanceSettled(state, at(30), T0 + 35 * 60_000)).toBe(false);
		expect(state.settled).toBe(at(25));
		expect(settleWindowEnd(state, T0 + 38 * 60_000)).toBe(T0 + 28 * 60_000);
		expect(advanceSettled(state, at(20), T0 + 60 * 60_000)).toBe(true);
		expect(state.settled).toBe(at(25));
	});

	it('upgrades a version 1 state: the late-indexing check starts one window before its cursor', () => {
		const upgraded = loadState({ v: 1, cursor: at(30), floor: at(0), known: {} });
		expect(upgraded).toMatchObject({ v: 2, cursor: at(30), settled: new Date(T0 + 30 * 60_000 - LATE_INDEX_MS).toISOString() });
		expect(loadState({ v: 3 })).toBeUndefined();
	});

	it('ends a poll before the next tick and within n8n\'s budget', () => {
		const ctx = (pollTimes: unknown, budgetMs = 300_000) =>
			({ getPollBudgetMs: () => budgetMs, getNodeParameter: () => pollTimes }) as unknown as IPollFunctions;
		expect(pollDeadline(ctx({ item: [{ mode: 'everyMinute' }] }), 0)).toBe(48_000);
		expect(pollDeadline(ctx({ item: [{ mode: 'everyX', value: 5, unit: 'minutes' }] }), 0)).toBe(270_000);
		expect(pollDeadline(ctx({ item: [{ mode: 'everyHour' }] }), 0)).toBe(270_000);
		expect(pollDeadline(ctx({ item: [{ mode: 'everyHour' }, { mode: 'everyDay' }] }), 0)).toBe(48_000);
	});

	it('lets one poll per node run at a time, until it ends or its lease expires', () => {
		expect(acquirePollLease('wf:node', 0, 60_000)).toBe(true);
		expect(acquirePollLease('wf:node', 30_000, 90_000)).toBe(false);
		expect(acquirePollLease('wf:other', 30_000, 90_000)).toBe(true);
		releasePollLease('wf:node');
		expect(acquirePollLease('wf:node', 31_000, 90_000)).toBe(true);
		expect(acquirePollLease('wf:node', 91_000, 150_000)).toBe(true);
	});
});
