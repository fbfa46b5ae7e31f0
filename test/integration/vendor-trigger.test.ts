import type { IDataObject } from 'n8n-workflow';

import type { PollResult } from '../harness';
import { DAY, startVendorEmulator, type VendorEmulator } from './vendor.helpers';

const MINUTE = 60_000;
let emu: VendorEmulator;

beforeEach(async () => {
	emu = await startVendorEmulator({ purchaseOrders: 150 });
});
afterEach(async () => await emu.stop());

const emitted = (result: PollResult) => (result?.[0] ?? []).map((item) => item.json as IDataObject);
const numbersOf = (result: PollResult) => emitted(result).map((json) => String(json.purchaseOrderNumber));
const now = async () => await emu.control.now();

/** Polls until a poll emits nothing new twice in a row; returns every emitted PO number (duplicates kept). */
async function drain(runner: ReturnType<VendorEmulator['trigger']>, maxPolls = 40): Promise<string[]> {
	const all: string[] = [];
	let quiet = 0;
	for (let poll = 0; poll < maxPolls && quiet < 2; poll++) {
		try {
			const result = await runner.poll();
			all.push(...numbersOf(result));
			quiet = result ? 0 : quiet + 1;
		} catch {
			quiet = 0; // a failed poll persists nothing; the next one retries
		}
	}
	return all;
}

describe('Amazon Vendor Central Trigger → New Purchase Order', () => {
	it('seeds on activation, then emits exactly the POs placed after it, once', async () => {
		const runner = emu.trigger({ event: 'newPurchaseOrder' });
		expect(await runner.poll()).toBeNull();
		await emu.control.advanceClock(MINUTE);
		const placed = await emu.inject([{}, {}, { vendorCode: 'EMUV2' }]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(numbersOf(await runner.poll()).sort()).toEqual(placed.map((po) => po.purchaseOrderNumber).sort());
		await emu.control.advanceClock(5 * MINUTE);
		expect(await runner.poll()).toBeNull();
	});

	it('imports the last 60 days across 7-day slices: 0 missed, 0 duplicates', async () => {
		const start = await now();
		const runner = emu.trigger({ event: 'newPurchaseOrder', importFrom: 'lastDays', importDays: 60 });
		const all = await drain(runner);
		const expected = emu.purchaseOrders().filter((po) => po.createdMs >= start - 60 * DAY && po.visibleAfterMs <= start).map((po) => po.purchaseOrderNumber);
		expect(expected.length).toBeGreaterThan(100);
		expect(new Set(all).size).toBe(all.length);
		expect(all.sort()).toEqual(expected.sort());
		for (const call of await emu.requests('vendorOrders.getPurchaseOrders')) {
			expect(Date.parse(String(call.query.createdBefore)) - Date.parse(String(call.query.createdAfter))).toBeLessThanOrEqual(7 * DAY);
		}
	});

	it('resumes slices the poll deadline cut off, through faults and restarts: 0 missed, 0 duplicates', async () => {
		// 250 more POs in the last 3 days: that week's slice has several pages, so the deadline cuts slices mid-way.
		// Faults: the first call fails more often than the client retries (that poll fails), then 30 % 500s, every call slow.
		await emu.inject(Array.from({ length: 250 }, (_, i) => ({ createdAgoMs: 3 * DAY - i * 10 * MINUTE })));
		const start = await now();
		await emu.control.faults('vendorOrders.getPurchaseOrders:500*4;vendorOrders.getPurchaseOrders:p=0.3:delay=400+500;vendorOrders.getPurchaseOrders:p=1:delay=400');
		let runner = emu.trigger({ event: 'newPurchaseOrder', importFrom: 'lastDays', importDays: 60, output: { catchUpHours: 0 } }, { budgetMs: 700 });
		const all: string[] = [];
		let failed = 0;
		let interrupted = 0;
		let partial = 0;
		for (let poll = 0; poll < 80; poll++) {
			try {
				all.push(...numbersOf(await runner.poll()));
				const state = runner.liveNodeStaticData.purchaseOrders as { resume?: unknown; cursor: number };
				if (state.resume) interrupted++;
				if (state.cursor < (await now()) - 3 * MINUTE) partial++;
			} catch {
				// 500s beyond the client's retries fail the poll; nothing is stored, the next poll repeats the work.
				failed++;
			}
			if (poll % 7 === 6) runner = runner.restart();
			const state = runner.liveNodeStaticData.purchaseOrders as { cursor?: number } | undefined;
			if (state?.cursor && state.cursor >= (await now()) - 3 * MINUTE) break;
		}
		await emu.control.faults('');
		expect(interrupted).toBeGreaterThan(0);
		expect(partial).toBeGreaterThan(1);
		expect(failed).toBeGreaterThan(0);
		all.push(...(await drain(runner)));
		// eslint-disable-next-line no-console
		console.log(`vendor trigger under faults: ${all.length} POs, ${failed} failed polls, ${partial} polls stopped by the deadline, ${interrupted} of them mid-slice`);
		const expected = emu.purchaseOrders().filter((po) => po.createdMs >= start - 60 * DAY && po.visibleAfterMs <= start).map((po) => po.purchaseOrderNumber);
		expect(new Set(all).size).toBe(all.length);
		expect(all.sort()).toEqual(expected.sort());
	}, 120_000);

	it('a restart after emitting continues from the stored cursor', async () => {
		const runner = emu.trigger({ event: 'newPurchaseOrder' });
		await runner.poll();
		const first = await emu.inject([{}]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(numbersOf(await runner.poll())).toEqual([first[0].purchaseOrderNumber]);
		const restarted = runner.restart();
		const second = await emu.inject([{}, {}]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(numbersOf(await restarted.poll()).sort()).toEqual(second.map((po) => po.purchaseOrderNumber).sort());
		expect(await restarted.poll()).toBeNull();
	});

	it('the catch-up re-scan finds a PO Amazon listed hours late, and emits it once', async () => {
		const runner = emu.trigger({ event: 'newPurchaseOrder', output: { catchUpHours: 1, catchUpDays: 7 } });
		await runner.poll();
		await emu.control.advanceClock(MINUTE);
		const [late] = await emu.inject([{ visibleLagMs: 3 * 3600_000 }]);
		const [onTime] = await emu.inject([{}]);
		const seen: string[] = [];
		for (let step = 0; step < 30; step++) {
			await emu.control.advanceClock(10 * MINUTE);
			seen.push(...numbersOf(await runner.poll()));
		}
		expect(seen.filter((n) => n === onTime.purchaseOrderNumber)).toHaveLength(1);
		expect(seen.filter((n) => n === late.purchaseOrderNumber)).toHaveLength(1);
		expect(seen).toHaveLength(2);
	});

	it('filters by fulfilment centre and order type, and maps FCs and states', async () => {
		const runner = emu.trigger({
			event: 'newPurchaseOrder',
			filters: { shipToPartyIds: 'FRA7', purchaseOrderTypes: ['RushOrder'] },
			output: { fcMapping: { mapping: [{ fc: 'FRA7', reference: 'WH-1' }] }, statusMapping: { mapping: [{ state: 'New', status: 'open' }] }, includeStatus: true },
		});
		await runner.poll();
		const [wanted] = await emu.inject([{ shipToPartyId: 'FRA7', purchaseOrderType: 'RushOrder' }]);
		await emu.inject([{ shipToPartyId: 'LEJ1', purchaseOrderType: 'RushOrder' }, { shipToPartyId: 'FRA7', purchaseOrderType: 'RegularOrder' }]);
		await emu.control.advanceClock(5 * MINUTE);
		const [json] = emitted(await runner.poll());
		expect(json).toMatchObject({ purchaseOrderNumber: wanted.purchaseOrderNumber, shipToPartyRef: 'WH-1', statusRef: 'open', purchaseOrderStatus: 'OPEN' });
		expect((json.items as IDataObject[])[0]).toMatchObject({ confirmationStatus: 'UNCONFIRMED' });
	});

	it('"fetch test event" returns recent POs and never moves the cursor', async () => {
		const runner = emu.trigger({ event: 'newPurchaseOrder' });
		await runner.poll();
		const before = runner.nodeStaticData;
		await emu.inject([{}]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(emitted(await runner.poll('manual')).length).toBeGreaterThan(0);
		expect(runner.nodeStaticData).toEqual(before);
		expect(runner.lastManualNodeStaticData).toEqual(before);
	});
});

describe('Amazon Vendor Central Trigger → Purchase Order Changed', () => {
	it('reports state changes (acknowledged, closed) and Amazon changes once each, with the change type', async () => {
		const runner = emu.trigger({ event: 'purchaseOrderChanged' });
		await runner.poll();
		const [po] = await emu.inject([{}]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(await runner.poll()).toBeNull(); // a new PO is not a change

		const ack = await emu.run({ resource: 'purchaseOrder', operation: 'acknowledge', purchaseOrderNumber: po.purchaseOrderNumber, waitForResult: true, maxWaitSeconds: 10 });
		expect(ack.items[0].json.transactionStatus).toBe('Success');
		await emu.control.advanceClock(5 * MINUTE);
		expect(emitted(await runner.poll())).toEqual([expect.objectContaining({ purchaseOrderNumber: po.purchaseOrderNumber, state: 'Acknowledged', changeType: 'stateChange' })]);

		const items = emu.po(po.purchaseOrderNumber).items.map((item, i) => (i === 0 ? { ...item, orderedQuantity: { ...item.orderedQuantity, amount: 1 } } : item));
		await emu.inject([{ purchaseOrderNumber: po.purchaseOrderNumber, items }]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(emitted(await runner.poll())).toEqual([expect.objectContaining({ purchaseOrderNumber: po.purchaseOrderNumber, changeType: 'amazonChange' })]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(await runner.poll()).toBeNull();

		await emu.control.advanceClock(15 * DAY); // received two weeks after the acknowledgement
		const closed = [];
		for (let i = 0; i < 5; i++) closed.push(...emitted(await runner.poll()).filter((json) => json.purchaseOrderNumber === po.purchaseOrderNumber));
		expect(closed).toEqual([expect.objectContaining({ state: 'Closed', changeType: 'stateChange' })]);
	});

	it('reports only the chosen change types', async () => {
		const runner = emu.trigger({ event: 'purchaseOrderChanged', changeTypes: ['amazonChange'] });
		await runner.poll();
		const [po] = await emu.inject([{}]);
		await emu.inject([{ purchaseOrderNumber: po.purchaseOrderNumber, purchaseOrderState: 'Acknowledged' }]);
		await emu.control.advanceClock(5 * MINUTE);
		expect(await runner.poll()).toBeNull();
	});
});
