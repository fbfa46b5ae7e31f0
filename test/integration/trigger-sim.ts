// A trigger driven the way n8n drives it, on the emulator's virtual time: a poll starts on every tick of Poll Times
// whether or not the previous one ended; sleeps (rate-limit waits, retry back-off) advance the emulator's clock
// instead of real time, so a simulated day runs in about a minute and every figure is in simulated time.
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { cronNodeOptions, sleep } from 'n8n-workflow';

import { AmazonSellerCentralTrigger } from '../../nodes/AmazonSellerCentral/AmazonSellerCentralTrigger.node';
import { n8nClock } from '../../nodes/AmazonSpApi/n8n/runtime';
import { createPollRunner, emulatorCredentials, type EmulatorHandle, type PollRunner } from '../harness';
export { tally } from '../harness/emulator-orders';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

interface EmulatorCtx {
	now(): number;
	clock: { advance(ms: number): number };
	orders: { upsert(partial: IDataObject): { orderId: string } };
}

const ctxOf = (emulator: EmulatorHandle) => emulator.ctx as unknown as EmulatorCtx;
/** Lets pending I/O (the emulator's HTTP answers) run before the driver looks again. */
const nextTurn = async () => await sleep(0);

/** n8n's node loader adds this parameter to every polling node (n8n-core commonPollingParameters); the harness does not. */
const POLL_TIMES: INodeProperties = {
	displayName: 'Poll Times',
	name: 'pollTimes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Poll Time' },
	default: { item: [{ mode: 'everyMinute' }] },
	placeholder: 'Add Poll Time',
	options: cronNodeOptions,
};

function triggerWithPollTimes(): AmazonSellerCentralTrigger {
	const nodeType = new AmazonSellerCentralTrigger();
	nodeType.description.properties = [POLL_TIMES, ...nodeType.description.properties];
	return nodeType;
}

/** Every emulator of a test file starts where the previous one ended: the process-wide rate limiter sees time go on. */
let timeFloor = 0;

/** The n8n layer's clock on the emulator's virtual time; sleeping advances it. Returns a restore function. */
export function useVirtualTime(emulator: EmulatorHandle): () => void {
	const ctx = ctxOf(emulator);
	if (timeFloor > ctx.now()) ctx.clock.advance(timeFloor - ctx.now());
	const original = { now: n8nClock.now, sleep: n8nClock.sleep };
	n8nClock.now = () => ctx.now();
	n8nClock.sleep = async (ms: number) => {
		const target = ctx.now() + ms;
		await nextTurn();
		if (target > ctx.now()) ctx.clock.advance(target - ctx.now());
	};
	return () => {
		timeFloor = Math.max(timeFloor, ctx.now()) + HOUR;
		n8nClock.now = original.now;
		n8nClock.sleep = original.sleep;
	};
}

export function advanceTo(emulator: EmulatorHandle, time: number): void {
	const ctx = ctxOf(emulator);
	if (time > ctx.now()) ctx.clock.advance(time - ctx.now());
}

export const emulatorNow = (emulator: EmulatorHandle): number => ctxOf(emulator).now();

export const upsertOrder = (emulator: EmulatorHandle, partial: IDataObject) => ctxOf(emulator).orders.upsert(partial);

export interface Emission {
	orderId: string;
	status: string;
	purchaseDate: string;
	lastUpdateDate: string;
	emittedAt: number;
}

export interface PollRecord {
	startedAt: number;
	endedAt: number;
	emitted: number;
	/** Started while another poll of the same trigger was still running. */
	overlapped: boolean;
	error?: { message: string; httpCode?: string };
}

export interface DriverOptions {
	emulator: EmulatorHandle;
	apiVersion: 'v2026' | 'v0';
	gapMinutes: number;
	parameters?: INodeParameters;
	/** What n8n gives a poll (getPollBudgetMs); n8n-core's default is 5 minutes. */
	budgetMs?: number;
}

/** One activated trigger: ticks every gap, overlapping polls included, restarts on demand. */
export class TriggerDriver {
	readonly emissions: Emission[] = [];
	readonly polls: PollRecord[] = [];
	private runner: PollRunner;
	private readonly inFlight = new Set<Promise<void>>();
	private nextTick = 0;

	constructor(private readonly options: DriverOptions) {
		const { emulator, apiVersion, gapMinutes } = options;
		this.runner = createPollRunner({
			nodeType: triggerWithPollTimes(),
			parameters: {
				pollTimes: { item: [{ mode: 'everyX', value: gapMinutes, unit: 'minutes' }] },
				event: 'newOrder',
				apiVersion,
				filters: {},
				simplify: true,
				options: {},
				...options.parameters,
			},
			credentials: { amazonSellerCentralApi: emulatorCredentials(emulator.url) },
			budgetMs: options.budgetMs ?? 5 * MINUTE,
		});
	}

	get now(): number {
		return ctxOf(this.options.emulator).now();
	}

	/** The activation poll (seeds the position); ticks follow every gap from now. */
	async activate(): Promise<void> {
		this.startPoll();
		await this.settle();
		this.nextTick = this.now + this.options.gapMinutes * MINUTE;
	}

	/**
	 * Runs the clock to `until` (virtual ms), starting a poll on every tick on the way (whether or not one still
	 * runs); `beforeTick` injects what happens at that moment. Without `settle`, polls may still run on return.
	 */
	async runUntil(until: number, beforeTick?: (now: number) => void, settle = true): Promise<void> {
		for (;;) {
			if (this.now >= this.nextTick && this.nextTick <= until) {
				beforeTick?.(this.now);
				this.startPoll();
				this.nextTick += this.options.gapMinutes * MINUTE;
			} else if (this.now >= until) {
				break;
			} else if (this.inFlight.size) {
				await nextTurn();
			} else {
				advanceTo(this.options.emulator, Math.min(this.nextTick, until));
			}
		}
		if (settle) await this.settle();
	}

	/** An n8n restart between ticks: in-flight polls end first, the new activation loads the persisted data. */
	async restart(): Promise<void> {
		await this.settle();
		this.runner = this.runner.restart();
		// n8n polls once on activation and runs the workflow with what that poll emits.
		this.startPoll();
		await this.settle();
	}

	async settle(): Promise<void> {
		while (this.inFlight.size) await Promise.all([...this.inFlight]);
	}

	/** Starts a poll now, as a tick of n8n would (not awaited). */
	startPoll(): void {
		const record: PollRecord = { startedAt: this.now, endedAt: 0, emitted: 0, overlapped: this.inFlight.size > 0 };
		this.polls.push(record);
		const run = this.runner
			.poll()
			.then(
				(result) => {
					const items = result?.[0] ?? [];
					record.emitted = items.length;
					for (const { json } of items) {
						const order = json as IDataObject;
						this.emissions.push({
							orderId: String(order.orderId),
							status: String(order.status),
							purchaseDate: String(order.purchaseDate),
							lastUpdateDate: String(order.lastUpdateDate),
							emittedAt: this.now,
						});
					}
				},
				(error: { message: string; httpCode?: string }) => {
					record.error = { message: error.message, httpCode: error.httpCode };
				},
			)
			.finally(() => {
				record.endedAt = this.now;
				this.inFlight.delete(run);
			});
		this.inFlight.add(run);
	}
}

export function percentile(values: number[], p: number): number {
	if (!values.length) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The longest run of polls that emitted nothing while work was waiting (an order `readyAt` before the poll started
 * and emitted after it ended). Polls that overlapped a running one are not counted: they step aside by design.
 */
export function maxIdlePolls(polls: PollRecord[], readyAt: Map<string, number>, emissions: Emission[]): number {
	const emittedAt = new Map(emissions.map((emission) => [emission.orderId, emission.emittedAt]));
	const waits = [...readyAt].map(([id, ready]) => [ready, emittedAt.get(id) ?? Infinity] as const);
	let longest = 0;
	let run = 0;
	for (const poll of polls.filter((record) => !record.overlapped)) {
		const waiting = waits.some(([ready, emitted]) => ready <= poll.startedAt && emitted > poll.endedAt);
		run = waiting && poll.emitted === 0 ? run + 1 : 0;
		longest = Math.max(longest, run);
	}
	return longest;
}
