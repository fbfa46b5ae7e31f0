// Order-level helpers for tests that compare node output with the emulator's own order book.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { EmulatorHandle } from './emulator';

export type TriState = 'include' | 'exclude' | 'only';

/** The emulator's canonical order (emulator/CONTRACT.md "EmuOrder"), the fields tests look at. */
export interface EmuOrder {
	orderId: string;
	marketplaceId: string;
	purchaseDate: string;
	lastUpdateDate: string;
	visibleAfter: string;
	status: string;
	fulfillmentChannel: 'MFN' | 'AFN';
	isPrime: boolean;
	isBusiness: boolean;
	buyer: { name: string; email: string; companyName: string | null };
	shippingAddress: { name: string; city: string; postalCode: string; countryCode: string };
}

/** GET /_emulator/orders: every order, with lazy Pending → Unshipped transitions applied. */
export async function emulatorOrders(url: string): Promise<EmuOrder[]> {
	const response = await fetch(`${url}/_emulator/orders`);
	if (!response.ok) throw new Error(`Emulator GET /orders → ${response.status}`);
	return ((await response.json()) as { orders: EmuOrder[] }).orders;
}

export interface ExpectedSearch {
	/** Emulator time of the search (orders indexed later are invisible). */
	now: number;
	marketplaceId: string;
	field: 'purchaseDate' | 'lastUpdateDate';
	after: number;
	/** Exclusive; default now − 2 minutes (Amazon's default upper bound). */
	before?: number;
	channel?: 'MFN' | 'AFN';
	prime?: TriState;
	business?: TriState;
	statuses?: string[];
}

const matchesTriState = (setting: TriState | undefined, value: boolean) =>
	!setting || setting === 'include' || (setting === 'only') === value;

/** The IDs a search should return, in Amazon's page order (the date field, then the order ID). */
export function expectedOrderIds(orders: EmuOrder[], search: ExpectedSearch): string[] {
	const before = search.before ?? search.now - 120_000;
	return orders
		.filter((order) => {
			const time = Date.parse(order[search.field]);
			return (
				Date.parse(order.visibleAfter) <= search.now &&
				order.marketplaceId === search.marketplaceId &&
				time >= search.after &&
				time < before &&
				(!search.channel || order.fulfillmentChannel === search.channel) &&
				(!search.statuses || search.statuses.includes(order.status)) &&
				matchesTriState(search.prime, order.isPrime) &&
				matchesTriState(search.business, order.isBusiness)
			);
		})
		.sort(
			(a, b) =>
				Date.parse(a[search.field]) - Date.parse(b[search.field]) || a.orderId.localeCompare(b.orderId),
		)
		.map((order) => order.orderId);
}

/** `orderId` of each output item (simplified or raw v2026 output). */
export function outputIds(items: INodeExecutionData[] | undefined): string[] {
	return (items ?? []).map((item) => String((item.json as IDataObject).orderId));
}

/** Missed, repeated and unexpected entries of an emission log against the expected set. */
export function tally(emitted: string[], expected: string[]) {
	const counts = new Map<string, number>();
	for (const key of emitted) counts.set(key, (counts.get(key) ?? 0) + 1);
	const wanted = new Set(expected);
	return {
		missed: expected.filter((key) => !counts.has(key)),
		duplicates: [...counts].filter(([, count]) => count > 1).map(([key]) => key),
		unexpected: emitted.filter((key) => !wanted.has(key)),
	};
}

/**
 * Runs `hook(callNumber)` inside the emulator before each call of `operation` is answered (in-process, so a test
 * can change orders between two pages of one search). Returns a function that removes the hook.
 */
export function interceptOperation(
	emulator: EmulatorHandle,
	operation: string,
	hook: (callNumber: number) => void | Promise<void>,
): () => void {
	const handlers = emulator.ctx.handlers as Record<string, (req: unknown, ctx: unknown) => unknown>;
	const original = handlers[operation];
	let calls = 0;
	handlers[operation] = async (req, ctx) => {
		await hook(++calls);
		return await original(req, ctx);
	};
	return () => {
		handlers[operation] = original;
	};
}

/** Number of answered calls of one operation so far (GET /_emulator/calls counts). */
export async function operationCount(url: string, operation: string): Promise<number> {
	const response = await fetch(`${url}/_emulator/calls`);
	const { counts } = (await response.json()) as { counts: Record<string, number> };
	return counts[operation] ?? 0;
}
