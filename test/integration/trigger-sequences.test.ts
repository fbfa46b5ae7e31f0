// Amazon Seller Central Trigger against the emulator: Order Status Changed, updates while a >100-order window is
// paged, import modes and the manual test event, for Orders 2026-01-01 and v0. Every run must end with 0 missed,
// 0 duplicates and nothing unexpected, judged against the emulator's own order book.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AmazonSellerCentralTrigger } from '../../nodes/AmazonSellerCentral/AmazonSellerCentralTrigger.node';
import {
	EMULATOR_MARKETPLACE_ID,
	createPollRunner,
	emulatorControl,
	emulatorCredentials,
	followEmulatorClock,
	startEmulator,
	type EmulatorControl,
	type EmulatorHandle,
	type PollResult,
	type PollRunner,
} from '../harness';
import { emulatorOrders, interceptOperation, tally, type EmuOrder } from '../harness/emulator-orders';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const CLEAN = { missed: [], duplicates: [], unexpected: [] };
const PENDING = ['Pending', 'PendingAvailability'];

jest.setTimeout(120_000);

const iso = (ms: number) => new Date(ms).toISOString();
const json = (result: PollResult) => (result?.[0] ?? []).map((item) => item.json as IDataObject);
const ids = (result: PollResult) => json(result).map((order) => String(order.orderId));
const transitions = (result: PollResult) => json(result).map((order) => `${String(order.orderId)}:${String(order.status)}`);

describe.each(['v2026', 'v0'] as const)('Amazon Seller Central Trigger sequences (%s)', (apiVersion) => {
	let emulator: EmulatorHandle;
	let control: EmulatorControl;
	let restoreClock: () => void;

	function newRunner(extra: INodeParameters = {}): PollRunner {
		return createPollRunner({
			nodeType: new AmazonSellerCentralTrigger(),
			parameters: { event: 'newOrder', apiVersion, filters: {}, simplify: true, options: {}, ...extra },
			credentials: { amazonSellerCentralApi: emulatorCredentials(emulator.url) },
			budgetMs: 60_000,
		});
	}

	/** New US orders (the emulator fills in the rest); returns their IDs. */
	async function inject(partials: IDataObject[]): Promise<string[]> {
		const orders = partials.map((partial) => ({ status: 'Unshipped', marketplaceId: EMULATOR_MARKETPLACE_ID, ...partial }));
		const { orders: created } = (await control.injectOrders(orders)) as { orders: EmuOrder[] };
		return created.map((order) => order.orderId);
	}

	const update = async (orderIds: string[], change: IDataObject) =>
		await control.injectOrders(orderIds.map((orderId) => ({ orderId, ...change })));

	beforeEach(async () => {
		emulator = await startEmulator({ seed: 9, orders: 120, timeScale: 200 });
		control = emulatorControl(emulator.url);
		restoreClock = followEmulatorClock(emulator);
	});

	afterEach(async () => {
		restoreClock();
		await emulator.stop();
	});

	it('Order Status Changed emits only the watched statuses, each transition once', async () => {
		let runner = newRunner({ event: 'statusChanged', statusesToWatch: ['Shipped', 'Canceled'] });
		const emitted: string[] = [];
		const poll = async (advanceMs = 5 * MINUTE) => {
			await control.advanceClock(advanceMs);
			emitted.push(...transitions(await runner.poll()));
		};
		expect(await runner.poll()).toBeNull();
		const a = await inject(Array.from({ length: 12 }, () => ({ fulfillmentChannel: 'MFN' })));
		await poll(); // Unshipped is not watched
		expect(emitted).toEqual([]);

		await update(a.slice(0, 4), { status: 'Shipped' });
		await update(a.slice(4, 6), { status: 'Canceled' });
		await update(a.slice(6, 8), { status: 'PartiallyShipped' });
		await poll();
		await update([a[6], a[8]], { status: 'Shipped' });
		await update([a[7]], { status: 'Canceled' });
		await update([a[0], a[4]], { acknowledged: true }); // updated again, same status: nothing new
		await poll();
		runner = runner.restart();
		await update([a[9]], { status: 'Shipped' });
		await control.advanceClock(30 * SECOND);
		await update([a[9]], { acknowledged: true }); // two updates between polls: one transition
		await update([a[1]], { acknowledged: true });
		await poll();
		for (let drain = 0; drain < 3; drain++) await poll(10 * MINUTE);

		const expected = [
			...[a[0], a[1], a[2], a[3], a[6], a[8], a[9]].map((id) => `${id}:Shipped`),
			...[a[4], a[5], a[7]].map((id) => `${id}:Canceled`),
		];
		expect(tally(emitted, expected)).toEqual(CLEAN);
	});

	it('orders updated while a >100-order window is paged are neither lost nor emitted twice', async () => {
		// Some orders are cancelled before the trigger sees them: reported only with the option that asks for them.
		const runner = newRunner({ options: { includeCanceled: true } });
		await runner.poll();
		const activation = await control.now();
		await control.advanceClock(10 * MINUTE);
		// 230 orders a second apart, then 30 in one second (Amazon's dates have whole seconds).
		const times = Array.from({ length: 260 }, (_, index) => activation + MINUTE + Math.min(index, 230) * SECOND);
		const expected = await inject(times.map((time) => ({ purchaseDate: iso(time), lastUpdateDate: iso(time) })));
		const movedEarly = expected.slice(5, 15);
		const movedLate = [...expected.slice(120, 130), ...expected.slice(235, 245)];
		let mutated = 0;
		const search = apiVersion === 'v2026' ? 'orders.searchOrders' : 'ordersV0.getOrders';
		const remove = interceptOperation(emulator, search, (call) => {
			if (call !== 2) return;
			// Between page 1 and page 2: orders already read and orders not read yet get a new lastUpdateDate.
			for (const orderId of movedEarly) emulator.ctx.orders.upsert({ orderId, acknowledged: true });
			for (const orderId of movedLate) emulator.ctx.orders.upsert({ orderId, status: 'Canceled' });
			mutated = movedEarly.length + movedLate.length;
		});
		const emitted = ids(await runner.poll());
		remove();
		expect(mutated).toBe(30);
		// Keyset paging: the first poll already has every order still inside its window, each once.
		expect(tally(emitted, expected.filter((id) => !movedLate.includes(id)))).toEqual(CLEAN);
		for (let drain = 0; drain < 3; drain++) {
			await control.advanceClock(5 * MINUTE);
			emitted.push(...ids(await runner.poll()));
		}
		expect(tally(emitted, expected)).toEqual(CLEAN);
	});

	it.each(['activation', 'date', 'last90Days'] as const)('import from %s emits exactly the orders it should', async (importFrom) => {
		const start = await control.now();
		const floor = { activation: Math.floor(start / SECOND) * SECOND, date: start - 2 * DAY, last90Days: start - 90 * DAY }[importFrom];
		const runner = newRunner({ options: { importFrom, importDate: importFrom === 'date' ? iso(floor) : '' } });
		const emitted = ids(await runner.poll());
		if (importFrom === 'activation') expect(emitted).toEqual([]);
		await control.advanceClock(MINUTE);
		await inject(Array.from({ length: 5 }, () => ({})));
		// Old orders updated after activation are not new orders.
		const before = (await emulatorOrders(emulator.url)).filter((order) => order.status === 'Unshipped' && Date.parse(order.purchaseDate) < floor);
		await update(before.slice(0, 3).map((order) => order.orderId), { status: 'Shipped' });
		for (let round = 0; round < 4; round++) {
			await control.advanceClock(round ? 10 * MINUTE : 5 * MINUTE);
			emitted.push(...ids(await runner.poll()));
		}
		const now = await control.now();
		const expected = (await emulatorOrders(emulator.url))
			.filter(
				(order) =>
					order.marketplaceId === EMULATOR_MARKETPLACE_ID &&
					!PENDING.includes(order.status) &&
					order.status !== 'Canceled' && // already cancelled when first seen: not a new order to act on
					Date.parse(order.purchaseDate) >= floor &&
					Date.parse(order.lastUpdateDate) < now - 2 * MINUTE,
			)
			.map((order) => order.orderId);
		expect(expected.length).toBeGreaterThanOrEqual(5);
		expect(tally(emitted, expected)).toEqual(CLEAN);
	});

	it('the manual test event never moves the cursor nor consumes orders', async () => {
		const runner = newRunner();
		expect(ids(await runner.poll('manual')).length).toBeGreaterThan(0); // before activation: a sample, no state
		expect(runner.staticData).toEqual({});
		expect(await runner.poll()).toBeNull();
		const seeded = runner.nodeStaticData;
		const fresh = await inject(Array.from({ length: 4 }, () => ({})));
		await control.advanceClock(5 * MINUTE);
		expect(ids(await runner.poll('manual'))).toEqual(expect.arrayContaining(fresh));
		expect(runner.nodeStaticData).toEqual(seeded);
		expect(runner.liveNodeStaticData).toEqual(seeded);

		const emitted = ids(await runner.poll());
		expect(tally(emitted, fresh)).toEqual(CLEAN);
		const afterEmit = runner.nodeStaticData;
		await runner.poll('manual');
		await runner.restart().poll('manual');
		expect(runner.nodeStaticData).toEqual(afterEmit);

		const watcher = newRunner({ event: 'statusChanged', statusesToWatch: ['Canceled'] });
		await update(fresh.slice(0, 2), { status: 'Canceled' });
		await control.advanceClock(5 * MINUTE);
		const sample = json(await watcher.poll('manual'));
		expect(sample.map((order) => order.status)).toEqual(sample.map(() => 'Canceled'));
		expect(sample.map((order) => order.orderId)).toEqual(expect.arrayContaining(fresh.slice(0, 2)));
		expect(watcher.staticData).toEqual({});
	});
});
