import { SpApiInputError } from '../http/errors';
import { paginate } from '../http/pagination';
import type { Budget, JsonObject, SpApiRequester } from '../types';
import type { PurchaseOrder, PurchaseOrderState, PurchaseOrderStatus, PurchaseOrderType } from './types';
import type { TimeSlice } from './windows';

const ORDERS_PATH = '/vendor/orders/v1/purchaseOrders';
const STATUS_PATH = '/vendor/orders/v1/purchaseOrdersStatus';
const PAGE_SIZE = 100;

export interface PurchaseOrderFilters {
	/** Which date the slices apply to: when Amazon placed the PO, or when it last changed. */
	dateField: 'created' | 'changed';
	state?: PurchaseOrderState;
	types?: PurchaseOrderType[];
	/** Ordering vendor codes; each is queried on its own. Empty: every vendor code of the account. */
	vendorCodes?: string[];
	/** Ship-to parties (fulfilment centres); filtered here, the list API has no such parameter. */
	shipToPartyIds?: string[];
	/** Only POs Amazon changed after placing them (isPOChanged). */
	changedOnly?: boolean;
	/** Only POs with items Amazon cancelled (poItemState=Cancelled). */
	cancelledItemsOnly?: boolean;
}

/** Where an interrupted slice read continues: the vendor code's position and Amazon's next-page token. */
export interface SliceResume {
	vendorIndex: number;
	token?: string;
}

export interface SliceRead {
	/** POs of the slice that match every filter, oldest placed first. */
	orders: PurchaseOrder[];
	/** Every page of every vendor code was read; false when the budget or the limit stopped it. */
	complete: boolean;
	/** When the budget stopped the read: where the next read of this slice continues. */
	resume?: SliceResume;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function assertPurchaseOrderNumber(value: string, field = 'purchaseOrderNumber'): string {
	const number = value.trim();
	if (!/^[A-Za-z0-9]{1,20}$/.test(number)) {
		throw new SpApiInputError(field, `"${value}" is not a purchase order number`, 'Use the 8-character PO number from Vendor Central, e.g. 2JK3S9VC.');
	}
	return number;
}

/** Whether a PO passes the filters the list API can't apply itself. */
export function matchesPurchaseOrderFilters(order: PurchaseOrder, filters: PurchaseOrderFilters): boolean {
	const details = order.orderDetails;
	if (filters.state && order.purchaseOrderState !== filters.state) return false;
	if (filters.types?.length && (!details?.purchaseOrderType || !filters.types.includes(details.purchaseOrderType))) return false;
	if (filters.shipToPartyIds?.length && !filters.shipToPartyIds.includes(details?.shipToParty?.partyId ?? '')) return false;
	return true;
}

function sliceQuery(filters: PurchaseOrderFilters, slice: TimeSlice, vendorCode: string | undefined, limit: number) {
	const [after, before] = filters.dateField === 'created' ? ['createdAfter', 'createdBefore'] : ['changedAfter', 'changedBefore'];
	return {
		[after]: iso(slice.start),
		[before]: iso(slice.end),
		limit,
		sortOrder: 'ASC',
		purchaseOrderState: filters.state,
		orderingVendorCode: vendorCode,
		isPOChanged: filters.changedOnly ? 'true' : undefined,
		poItemState: filters.cancelledItemsOnly ? 'Cancelled' : undefined,
	};
}

/** Reads one ≤ 7-day slice, every page and vendor code, within the budget; `limit` caps the matching POs. */
export async function readPurchaseOrderSlice(
	requester: SpApiRequester,
	filters: PurchaseOrderFilters,
	slice: TimeSlice,
	options: { budget?: Budget; limit?: number; pageSize?: number; resume?: SliceResume } = {},
): Promise<SliceRead> {
	const orders: PurchaseOrder[] = [];
	const seen = new Set<string>();
	const codes = filters.vendorCodes?.length ? filters.vendorCodes : [undefined];
	const limit = options.limit ?? Infinity;
	for (let vendorIndex = options.resume?.vendorIndex ?? 0; vendorIndex < codes.length; vendorIndex++) {
		const vendorCode = codes[vendorIndex];
		const resumeToken = vendorIndex === options.resume?.vendorIndex ? options.resume.token : undefined;
		const pages = paginate<PurchaseOrder>(
			requester,
			{
				operation: 'vendorOrders.getPurchaseOrders',
				method: 'GET',
				path: ORDERS_PATH,
				query: sliceQuery(filters, slice, vendorCode, options.pageSize ?? PAGE_SIZE),
			},
			{ style: 'vendor', items: (data) => ((data as JsonObject)?.payload?.orders ?? []) as PurchaseOrder[], budget: options.budget, resumeToken },
		);
		for await (const page of pages) {
			for (const order of page.items) {
				if (seen.has(order.purchaseOrderNumber) || !matchesPurchaseOrderFilters(order, filters)) continue;
				seen.add(order.purchaseOrderNumber);
				orders.push(order);
			}
			if (orders.length >= limit) return { orders: orders.slice(0, limit), complete: false };
		}
		if (pages.result.stoppedEarly) return { orders, complete: false, resume: { vendorIndex, token: pages.result.resumeToken } };
	}
	orders.sort((a, b) => (a.orderDetails?.purchaseOrderDate ?? '').localeCompare(b.orderDetails?.purchaseOrderDate ?? ''));
	return { orders, complete: true };
}

/** POs over slices of any number, oldest slice first, up to `limit` (Get Many). */
export async function listPurchaseOrders(
	requester: SpApiRequester,
	filters: PurchaseOrderFilters,
	slices: TimeSlice[],
	options: { limit?: number } = {},
): Promise<PurchaseOrder[]> {
	const all: PurchaseOrder[] = [];
	const limit = options.limit ?? Infinity;
	for (const slice of slices) {
		const read = await readPurchaseOrderSlice(requester, filters, slice, { limit: limit - all.length });
		all.push(...read.orders);
		if (all.length >= limit) break;
	}
	return all;
}

export async function getPurchaseOrder(requester: SpApiRequester, purchaseOrderNumber: string): Promise<PurchaseOrder> {
	const response = await requester.request<PurchaseOrder>({
		operation: 'vendorOrders.getPurchaseOrder',
		method: 'GET',
		path: `${ORDERS_PATH}/${encodeURIComponent(purchaseOrderNumber)}`,
		unwrapPayload: true,
	});
	return response.data;
}

/** Item-level acknowledgement and receiving status of one PO; undefined when Amazon has none. */
export async function getPurchaseOrderStatus(
	requester: SpApiRequester,
	purchaseOrderNumber: string,
): Promise<PurchaseOrderStatus | undefined> {
	const response = await requester.request<{ ordersStatus?: PurchaseOrderStatus[] }>({
		operation: 'vendorOrders.getPurchaseOrdersStatus',
		method: 'GET',
		path: STATUS_PATH,
		query: { purchaseOrderNumber },
		unwrapPayload: true,
	});
	return response.data?.ordersStatus?.find((status) => status.purchaseOrderNumber === purchaseOrderNumber);
}

/** The moment a PO last changed in any way: Amazon's change, its state change or its placement. */
export function lastChangedDate(order: PurchaseOrder): string {
	const details = order.orderDetails;
	const dates = [details?.purchaseOrderDate, details?.purchaseOrderChangedDate, details?.purchaseOrderStateChangedDate].filter(
		(date): date is string => !!date,
	);
	return dates.reduce((latest, date) => (Date.parse(date) > Date.parse(latest) ? date : latest), dates[0] ?? '');
}
