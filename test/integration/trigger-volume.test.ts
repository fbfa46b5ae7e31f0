// The two defects of issue 16, reproduced the way n8n runs a trigger (a poll per tick, even while the previous one
// still runs) on the emulator's virtual time: a burst of v0 orders with items must not come out twice, and a backlog
// of v2026 orders on every-minute polling must drain instead of re-reading the same overlap forever.
import { AmazonSellerCentralTrigger } from '../../nodes/AmazonSellerCentral/AmazonSellerCentralTrigger.node';
import {
	EMULATOR_MARKETPLACE_ID,
	createPollRunner,
	emulatorControl,
	emulatorCredentials,
	startEmulator,
	type EmulatorHandle,
} from '../harness';
import { advanceTo, emulatorNow, HOUR, MINUTE, TriggerDriver, tally, upsertOrder, useVirtualTime } from './trigger-sim';

jest.setTimeout(300_000);

describe('Amazon Seller Central Trigger under volume', () => {
	let emulator: EmulatorHandle;
	let restoreTime: () => void;

	beforeEach(async () => {
		emulator = await startEmulator({ seed: 16, orders: 0, timeScale: 1, indexLagMs: 0 });
		restoreTime = useVirtualTime(emulator);
	});

	afterEach(async () => {
		restoreTime();
		await emulator.stop();
	});

	const inject = (count: number) =>
		Array.from({ length: count }, () => upsertOrder(emulator, { marketplaceId: EMULATOR_MARKETPLACE_ID, fulfillmentChannel: 'MFN' }).orderId);

	/** getOrderItems calls Amazon answered (a 429 is a refused call, not a fetch). */
	const itemCalls = async () => {
		const calls = (await emulatorControl(emulator.url).calls()) as unknown as {
			counts: Record<string, number>;
			throttled?: Record<string, number>;
		};
		const operation = 'ordersV0.getOrderItems';
		return calls.counts[operation] - (calls.throttled?.[operation] ?? 0);
	};

	it('v0 with items, 90 orders at once, every minute: each order once, one getOrderItems per order', async () => {
		const driver = new TriggerDriver({ emulator, apiVersion: 'v0', gapMinutes: 1 });
		await driver.activate();
		const expected = inject(90);
		await driver.runUntil(driver.now + 20 * MINUTE);
		const ids = driver.emissions.map((emission) => emission.orderId);
		expect(tally(ids, expected)).toEqual({ missed: [], duplicates: [], unexpected: [] });
		expect(await itemCalls()).toBe(90);
		// No poll outlasts the gap to the next one.
		expect(driver.polls.filter((poll) => poll.endedAt - poll.startedAt > MINUTE)).toEqual([]);
	});

	it('v0 with items: a poll started while another runs steps aside', async () => {
		const driver = new TriggerDriver({ emulator, apiVersion: 'v0', gapMinutes: 1 });
		await driver.activate();
		const expected = inject(90);
		advanceTo(emulator, driver.now + 3 * MINUTE);
		driver.startPoll();
		driver.startPoll();
		await driver.runUntil(driver.now + 20 * MINUTE);
		const ids = driver.emissions.map((emission) => emission.orderId);
		expect(driver.polls[2].overlapped).toBe(true); // polls[0] is the activation poll
		expect(tally(ids, expected)).toEqual({ missed: [], duplicates: [], unexpected: [] });
		expect(await itemCalls()).toBe(90);
	});

	it('v2026, 3,000 orders at once, every minute: the backlog drains, none twice', async () => {
		const driver = new TriggerDriver({ emulator, apiVersion: 'v2026', gapMinutes: 1 });
		await driver.activate();
		const expected = inject(3000);
		// A perfect client needs 30 pages: 20 at once, then one per 180 s (about 30 minutes).
		await driver.runUntil(driver.now + 2 * HOUR);
		const ids = driver.emissions.map((emission) => emission.orderId);
		expect(tally(ids, expected)).toEqual({ missed: [], duplicates: [], unexpected: [] });
		expect(driver.polls.filter((poll) => poll.error)).toEqual([]);
	});

	it('an empty test event says what matched nothing and why', async () => {
		const runner = (options = {}) =>
			createPollRunner({
				nodeType: new AmazonSellerCentralTrigger(),
				parameters: { event: 'newOrder', apiVersion: 'v2026', filters: {}, simplify: true, options },
				credentials: { amazonSellerCentralApi: emulatorCredentials(emulator.url) },
			});
		await expect(runner().poll('manual')).rejects.toMatchObject({
			message: expect.stringMatching(/No orders found for New Order/),
			description: expect.stringMatching(/last 30 days .*Amazon returned none/),
		});
		const now = emulatorNow(emulator);
		upsertOrder(emulator, { marketplaceId: EMULATOR_MARKETPLACE_ID, status: 'Pending', purchaseDate: new Date(now - HOUR).toISOString() });
		advanceTo(emulator, now + 10 * MINUTE);
		await expect(runner().poll('manual')).rejects.toMatchObject({
			message: expect.stringMatching(/No order matched New Order/),
			description: expect.stringMatching(/1 order\(s\) found, none matched: 1 still Pending/),
		});
	});
});
