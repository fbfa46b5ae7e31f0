// Order → Get Many against the emulator: every filter, date ranges and paging, checked against the emulator's
// own order book (inspection API), for Orders 2026-01-01 and v0.
import type { INodeParameters } from 'n8n-workflow';

import { EMULATOR_MARKETPLACE_ID, followEmulatorClock } from '../harness';
import {
	emulatorOrders,
	expectedOrderIds,
	operationCount,
	outputIds,
	type ExpectedSearch,
} from '../harness/emulator-orders';
import { startSellerEmulator, type Emulator } from '../unit/actions/emulatorFixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEARCH = { v2026: 'orders.searchOrders', v0: 'ordersV0.getOrders' } as const;

jest.setTimeout(120_000);

let emulator: Emulator;
let restoreClock: () => void;
/** Emulator time once every seeded order is indexed; the windows below are relative to it. */
let start: number;

beforeAll(async () => {
	emulator = await startSellerEmulator({ seed: 5, orders: 500, timeScale: 600 });
	restoreClock = followEmulatorClock(emulator.handle);
	await emulator.control.advanceClock(10 * 60_000);
	start = await emulator.control.now();
});

afterAll(async () => {
	restoreClock();
	await emulator.stop();
});

const iso = (ms: number) => new Date(ms).toISOString();

/** Runs Get Many and returns the order IDs, the search calls it cost and what the emulator says it should return. */
async function getMany(
	apiVersion: 'v2026' | 'v0',
	filters: INodeParameters,
	expected: Omit<ExpectedSearch, 'now' | 'marketplaceId'>,
	paging: INodeParameters = { returnAll: true },
) {
	const before = await operationCount(emulator.handle.url, SEARCH[apiVersion]);
	const { items, error } = await emulator.run({
		resource: 'order',
		operation: 'getAll',
		apiVersion,
		...paging,
		filters,
		simplify: true,
		options: { includeItems: false },
	});
	expect(error).toBeUndefined();
	const searches = (await operationCount(emulator.handle.url, SEARCH[apiVersion])) - before;
	const orders = await emulatorOrders(emulator.handle.url);
	const now = await emulator.control.now();
	const wanted = expectedOrderIds(orders, { ...expected, now, marketplaceId: EMULATOR_MARKETPLACE_ID });
	return { ids: outputIds(items), wanted, searches, json: items.map((item) => item.json) };
}

const allCreated = () => ({
	filters: { createdAfter: iso(start - 40 * DAY) },
	expected: { field: 'purchaseDate' as const, after: start - 40 * DAY },
});

describe.each(['v2026', 'v0'] as const)('Order → Get Many filters (%s)', (apiVersion) => {
	it.each([
		['fulfillmentChannel', 'MFN', { channel: 'MFN' }],
		['fulfillmentChannel', 'AFN', { channel: 'AFN' }],
		['prime', 'include', { prime: 'include' }],
		['prime', 'exclude', { prime: 'exclude' }],
		['prime', 'only', { prime: 'only' }],
		['business', 'include', { business: 'include' }],
		['business', 'exclude', { business: 'exclude' }],
		['business', 'only', { business: 'only' }],
	] as const)('%s = %s returns exactly the matching orders', async (name, value, expectation) => {
		const { filters, expected } = allCreated();
		const { ids, wanted, json } = await getMany(apiVersion, { ...filters, [name]: value }, { ...expected, ...expectation });
		expect(wanted.length).toBeGreaterThan(0);
		expect(ids).toEqual(wanted);
		if (name === 'fulfillmentChannel') expect(new Set(json.map((order) => order.fulfillmentChannel))).toEqual(new Set([value]));
		if (value === 'only') expect(json.every((order) => order[name === 'prime' ? 'isPrime' : 'isBusiness'] === true)).toBe(true);
	});

	it('combines channel, Prime and business filters', async () => {
		const { filters, expected } = allCreated();
		const { ids, wanted } = await getMany(
			apiVersion,
			{ ...filters, fulfillmentChannel: 'AFN', prime: 'only', business: 'exclude' },
			{ ...expected, channel: 'AFN', prime: 'only', business: 'exclude' },
		);
		expect(wanted.length).toBeGreaterThan(0);
		expect(ids).toEqual(wanted);
	});

	it('honours a created date range', async () => {
		const { ids, wanted } = await getMany(
			apiVersion,
			{ createdAfter: iso(start - 5 * DAY), createdBefore: iso(start - DAY) },
			{ field: 'purchaseDate', after: start - 5 * DAY, before: start - DAY },
		);
		expect(wanted.length).toBeGreaterThan(0);
		expect(ids).toEqual(wanted);
	});

	it('honours an updated date range', async () => {
		const { ids, wanted } = await getMany(
			apiVersion,
			{ lastUpdatedAfter: iso(start - 3 * DAY), lastUpdatedBefore: iso(start - 6 * HOUR) },
			{ field: 'lastUpdateDate', after: start - 3 * DAY, before: start - 6 * HOUR },
		);
		expect(wanted.length).toBeGreaterThan(0);
		expect(ids).toEqual(wanted);
	});

	it('Return All reads every page of a window with more than 100 orders', async () => {
		const { filters, expected } = allCreated();
		const { ids, wanted, searches } = await getMany(apiVersion, filters, expected);
		expect(wanted.length).toBeGreaterThan(100);
		expect(ids).toEqual(wanted);
		expect(searches).toBe(Math.ceil(wanted.length / 100));
	});

	it('a limit above one page stops after the page that fills it', async () => {
		const { filters, expected } = allCreated();
		const { ids, wanted, searches } = await getMany(apiVersion, filters, expected, { returnAll: false, limit: 130 });
		expect(wanted.length).toBeGreaterThan(130);
		expect(ids).toEqual(wanted.slice(0, 130));
		expect(searches).toBe(2);
	});

	it('a limit applies after the client-side Prime filter', async () => {
		const { filters, expected } = allCreated();
		const { ids, wanted } = await getMany(
			apiVersion,
			{ ...filters, prime: 'only' },
			{ ...expected, prime: 'only' },
			{ returnAll: false, limit: 7 },
		);
		expect(wanted.length).toBeGreaterThan(7);
		expect(ids).toEqual(wanted.slice(0, 7));
	});

	it('without dates returns the orders updated in the last 7 days', async () => {
		const now = await emulator.control.now();
		const { ids, wanted } = await getMany(apiVersion, {}, { field: 'lastUpdateDate', after: now - 7 * DAY });
		expect(wanted.length).toBeGreaterThan(0);
		expect(ids).toEqual(wanted);
	});
});
