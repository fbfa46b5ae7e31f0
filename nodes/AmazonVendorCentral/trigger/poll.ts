import type { IDataObject } from 'n8n-workflow';

import { SpApiInputError } from '../../AmazonSpApi/core/http/errors';
import type { SpApiRequester } from '../../AmazonSpApi/core/types';
import { lastChangedDate, readPurchaseOrderSlice, type SliceResume } from '../../AmazonSpApi/core/vendor/purchaseOrders';
import type { PurchaseOrder } from '../../AmazonSpApi/core/vendor/types';
import { DAY_MS, MAX_SLICE_MS, oldestAllowedStart } from '../../AmazonSpApi/core/vendor/windows';
import {
	cloneCursor,
	completeSlice,
	createWindowCursor,
	interruptSlice,
	isHandled,
	markHandled,
	planSlices,
	pruneSeen,
	type WindowCursorOptions,
	type WindowCursorState,
} from '../../AmazonSpApi/n8n/windowCursor';
import { shapePurchaseOrders } from '../shared/shape';
import type { ChangeType, VendorTriggerSettings } from './settings';

export type VendorCursor = WindowCursorState<SliceResume>;

const SAMPLE_SIZE = 5;

export function cursorOptions(settings: VendorTriggerSettings): WindowCursorOptions {
	return {
		sliceMs: MAX_SLICE_MS,
		overlapMs: 15 * 60 * 1000,
		lagMs: 2 * 60 * 1000,
		retentionMs: Math.max(settings.catchUp?.lookbackMs ?? 0, DAY_MS) + 2 * DAY_MS,
		maxSeen: 50_000,
		oldestStart: oldestAllowedStart,
	};
}

/** State for a trigger without one; `seedOnly`: production "after activation" stores it and reports nothing yet. */
export function initialCursor(settings: VendorTriggerSettings, now: number): { state: VendorCursor; seedOnly: boolean } {
	if (settings.importFrom === 'activation') {
		// Amazon's dates have whole seconds: a PO placed in the activation second counts as after activation.
		const second = Math.floor(now / 1000) * 1000;
		return { state: createWindowCursor(now - cursorOptions(settings).lagMs, second), seedOnly: true };
	}
	const from = settings.importFrom === 'date' ? Date.parse(settings.importDate ?? '') : now - Math.min(settings.importDays, 180) * DAY_MS;
	if (Number.isNaN(from)) throw new SpApiInputError('importDate', 'Import Purchase Orders From is "A Date" but no valid date is set', 'Set the date.');
	if (from < oldestAllowedStart(now)) {
		throw new SpApiInputError('importDate', 'is more than 6 months ago', 'Amazon only lists purchase orders of the last 6 months; choose a later date.');
	}
	return { state: createWindowCursor(from, from), seedOnly: false };
}

interface Emitted {
	order: PurchaseOrder;
	changeType?: ChangeType;
	at: number;
}

/** The PO version this event is about, and whether it is reported (undefined: not an event of this kind). */
function classify(order: PurchaseOrder, settings: VendorTriggerSettings): { version: number; changeType?: ChangeType; reportable: boolean } {
	const details = order.orderDetails;
	const created = Date.parse(details?.purchaseOrderDate ?? '');
	if (settings.event === 'newPurchaseOrder') return { version: created, reportable: true };
	const last = Date.parse(lastChangedDate(order));
	if (!(last > created)) return { version: last, reportable: false };
	const changeType: ChangeType | undefined =
		details?.purchaseOrderChangedDate && Date.parse(details.purchaseOrderChangedDate) === last
			? 'amazonChange'
			: details?.purchaseOrderStateChangedDate && Date.parse(details.purchaseOrderStateChangedDate) === last
				? 'stateChange'
				: undefined;
	return { version: last, changeType, reportable: !!changeType && settings.changeTypes.includes(changeType) };
}

export interface VendorPollOutcome {
	emitted: Emitted[];
	state: VendorCursor;
}

/**
 * One production poll: catch-up slices when due, then the gap since the cursor in ≤ 7-day slices. A PO version is
 * emitted once (id + version date), the cursor moves only past completely read slices, and a slice the deadline
 * interrupted continues from Amazon's next-page token in the next poll. The given state is not modified.
 */
export async function pollPurchaseOrders(
	requester: SpApiRequester,
	settings: VendorTriggerSettings,
	saved: VendorCursor,
	deadline: number,
): Promise<VendorPollOutcome> {
	const state = cloneCursor(saved);
	const options = cursorOptions(settings);
	const now = requester.clock.now();
	const slices = planSlices(state, now, options, settings.catchUp);
	const emitted: Emitted[] = [];
	for (let index = 0; index < slices.length; index++) {
		const slice = slices[index];
		if (requester.clock.now() >= deadline) {
			interruptSlice(state, slice, undefined);
			break;
		}
		const read = await readPurchaseOrderSlice(requester, settings.filters, slice, { budget: { deadline }, resume: slice.resumeAt });
		for (const order of read.orders) {
			const { version, changeType, reportable } = classify(order, settings);
			if (Number.isNaN(version) || isHandled(state, order.purchaseOrderNumber, version)) continue;
			if (reportable && version >= state.floor) emitted.push({ order, changeType, at: version });
			markHandled(state, order.purchaseOrderNumber, version);
		}
		if (!read.complete) {
			interruptSlice(state, slice, read.resume);
			break;
		}
		const lastCatchUp = slice.catchUp && !slices[index + 1]?.catchUp;
		completeSlice(state, slice, now, lastCatchUp);
	}
	pruneSeen(state, now, options);
	emitted.sort((a, b) => a.at - b.at);
	return { emitted, state };
}

/** Manual "fetch test event": the latest matching POs of the last 7 days; never touches the state. */
export async function samplePurchaseOrders(requester: SpApiRequester, settings: VendorTriggerSettings, deadline: number): Promise<Emitted[]> {
	const end = requester.clock.now();
	const read = await readPurchaseOrderSlice(requester, settings.filters, { start: end - MAX_SLICE_MS + 60_000, end }, { budget: { deadline } });
	return read.orders
		.map((order) => ({ order, ...classify(order, settings) }))
		.filter((entry) => entry.reportable)
		.sort((a, b) => b.version - a.version)
		.slice(0, SAMPLE_SIZE)
		.map(({ order, changeType, version }) => ({ order, changeType, at: version }));
}

export async function toItems(requester: SpApiRequester, emitted: Emitted[], settings: VendorTriggerSettings): Promise<Array<{ json: IDataObject }>> {
	const shaped = await shapePurchaseOrders(requester, emitted.map((entry) => entry.order), settings.read);
	return shaped.map((json, index) => ({
		json: { ...json, ...(emitted[index].changeType ? { changeType: emitted[index].changeType } : {}) },
	}));
}
