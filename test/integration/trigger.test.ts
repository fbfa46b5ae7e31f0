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

const MINUTE = 60_000;

jest.setTimeout(120_000);

function idsOf(result: PollResult): string[] {
	return (result?.[0] ?? []).map((item) => String((item.json as IDataObject).orderId));
}

function tally(emitted: string[], expected: string[]) {
	const counts = new Map<string, number>();
	for (const id of emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
	return {
		missed: expected.filter((id) => !counts.has(id)),
		duplicates: [...counts].filter(([, count]) => count > 1).map(([id]) => id),
		unexpected: emitted.filter((id) => !expected.includes(id)),
	};
}

describe.each(['v2026', 'v0'] as const)('Amazon Seller Central Trigger (%s)', (apiVersion) => {
	let emulator: EmulatorHandle;
	let control: EmulatorControl;
	let restoreClock: () => void;
	let emitted: string[];

	const parameters = (extra: INodeParameters = {}): INodeParameters => ({
		event: 'newOrder',
		apiVersion,
		filters: {},
		simplify: true,
		options: {},
		...extra,
	});

	function newRunner(extra: INodeParameters = {}): PollRunner {
		return createPollRunner({
			nodeType: new AmazonSellerCentralTrigger(),
			parameters: parameters(extra),
			credentials: { amazonSellerCentralApi: emulatorCredentials(emulator.url) },
			budgetMs: 30_000,
		});
	}

	async function poll(runner: PollRunner): Promise<void> {
		emitted.push(...idsOf(await runner.poll()));
	}

	async function inject(count: number, template: IDataObject = {}): Promise<string[]> {
		const partials = Array.from({ length: count }, () => ({
			status: 'Unshipped',
			marketplaceId: EMULATOR_MARKETPLACE_ID,
			...template,
		}));
		const { orders } = (await control.injectOrders(partials)) as { orders: Array<{ orderId: string }> };
		return orders.map((order) => order.orderId);
	}

	beforeEach(async () => {
		emulator = await startEmulator({ seed: 7, orders: 30, timeScale: 200 });
		control = emulatorControl(emulator.url);
		restoreClock = followEmulatorClock(emulator);
		emitted = [];
	});

	afterEach(async () => {
		restoreClock();
		await emulator.stop();
	});

	it('emits every new order exactly once across polls, late indexing, Pending → Unshipped and a restart', async () => {
		let runner = newRunner();
		expect(await runner.poll()).toBeNull();
		const expected: string[] = [];
		for (let round = 0; round < 6; round++) {
			expected.push(...(await inject(3 + round)));
			if (round === 1) {
				// indexed 8 minutes after its update: must still be found thanks to the overlap
				const now = await control.now();
				expected.push(...(await inject(1, { visibleAfter: new Date(now + 8 * MINUTE).toISOString() })));
			}
			if (round === 2) {
				const now = await control.now();
				expected.push(
					...(await inject(2, { status: 'Pending', pendingUntil: new Date(now + 20 * MINUTE).toISOString() })),
				);
			}
			await control.advanceClock(5 * MINUTE);
			await poll(runner);
			if (round === 3) runner = runner.restart();
		}
		for (let drain = 0; drain < 4; drain++) {
			await control.advanceClock(10 * MINUTE);
			await poll(runner);
		}
		expect(tally(emitted, expected)).toEqual({ missed: [], duplicates: [], unexpected: [] });
	});

	it('survives 429 and 500 bursts without losing or repeating orders', async () => {
		const runner = newRunner();
		await runner.poll();
		const expected: string[] = [];
		const search = apiVersion === 'v2026' ? 'orders.searchOrders' : 'ordersV0.getOrders';
		for (let round = 0; round < 4; round++) {
			expected.push(...(await inject(4)));
			await control.advanceClock(5 * MINUTE);
			if (round === 1) await control.faults(`${search}:429*6`);
			if (round === 2) await control.faults(`${search}:500*5`);
			const before = runner.liveNodeStaticData;
			try {
				await poll(runner);
			} catch {
				expect(runner.liveNodeStaticData).toEqual(before);
			}
		}
		await control.faults('');
		for (let drain = 0; drain < 3; drain++) {
			await control.advanceClock(10 * MINUTE);
			await poll(runner);
		}
		expect(tally(emitted, expected)).toEqual({ missed: [], duplicates: [], unexpected: [] });
	});

	it('manual mode returns recent orders and never moves the cursor', async () => {
		const runner = newRunner();
		await runner.poll();
		const saved = runner.nodeStaticData;
		await inject(3);
		await control.advanceClock(5 * MINUTE);
		const sample = await runner.poll('manual');
		expect(idsOf(sample).length).toBeGreaterThan(0);
		expect(runner.nodeStaticData).toEqual(saved);
		expect(runner.liveNodeStaticData).toEqual(saved);
	});

	it('costs one search call when nothing is new', async () => {
		const runner = newRunner();
		await runner.poll();
		await control.advanceClock(5 * MINUTE);
		await runner.poll();
		const search = apiVersion === 'v2026' ? 'orders.searchOrders' : 'ordersV0.getOrders';
		const searches = async () =>
			(((await control.calls()) as unknown as { counts: Record<string, number> }).counts[search] ?? 0);
		const before = await searches();
		await control.advanceClock(5 * MINUTE);
		expect(await runner.poll()).toBeNull();
		expect((await searches()) - before).toBe(1);
	});
});
