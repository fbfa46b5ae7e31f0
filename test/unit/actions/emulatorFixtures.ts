// Shared by the action node's integration tests (test/integration/order-actions*.test.ts, feed*.test.ts).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AmazonSellerCentral } from '../../../nodes/AmazonSellerCentral/AmazonSellerCentral.node';
import {
	emulatorControl,
	emulatorCredentials,
	runActionNode,
	startEmulator,
	type EmulatorHandle,
	type EmulatorOptions,
} from '../../harness';

export interface EmuItem extends IDataObject {
	orderItemId: string;
	quantityOrdered: number;
	quantityShipped: number;
	quantityCanceled: number;
}

export function emuItem(orderItemId: string, quantityOrdered: number, extra: IDataObject = {}): EmuItem {
	return {
		orderItemId,
		asin: `B0${orderItemId.slice(-8)}`,
		sellerSku: `SKU-${orderItemId.slice(-4)}`,
		title: `Product ${orderItemId.slice(-4)}`,
		quantityOrdered,
		quantityShipped: 0,
		quantityCanceled: 0,
		itemPrice: '10.00',
		itemTax: '1.90',
		shippingPrice: '0.00',
		shippingTax: '0.00',
		promotionDiscount: '0.00',
		isGift: false,
		giftWrapPrice: null,
		giftMessage: null,
		...extra,
	};
}

/** An unshipped seller-fulfilled US order, bought an hour before the emulator's now. */
export function emuOrder(orderId: string, items: EmuItem[], now: number, extra: IDataObject = {}): IDataObject {
	return {
		orderId,
		marketplaceCode: 'US',
		status: 'Unshipped',
		fulfillmentChannel: 'MFN',
		purchaseDate: new Date(now - 3_600_000).toISOString(),
		items,
		...extra,
	};
}

export interface Emulator {
	handle: EmulatorHandle;
	control: ReturnType<typeof emulatorControl>;
	run(parameters: INodeParameters, inputItems?: IDataObject[], continueOnFail?: boolean): ReturnType<typeof runActionNode>;
	order(orderId: string): Promise<IDataObject>;
	/** Number of calls so far and the writes (feeds, shipment confirmations) among them. */
	callSummary(): Promise<{ total: number; writes: string[] }>;
	stop(): Promise<void>;
}

const WRITES = /^(feeds\.|ordersV0\.confirmShipment|raw PUT)/;

export async function startSellerEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const handle = await startEmulator({ seed: 11, orders: 5, timeScale: 600, ...options });
	const control = emulatorControl(handle.url);
	const credentials = { amazonSellerCentralApi: emulatorCredentials(handle.url) };
	const nodeType = new AmazonSellerCentral();
	return {
		handle,
		control,
		run: async (parameters, inputItems = [{}], continueOnFail = false) =>
			await runActionNode({ nodeType, parameters, credentials, inputItems, continueOnFail }),
		order: async (orderId) => {
			const response = await fetch(`${handle.url}/_emulator/orders/${encodeURIComponent(orderId)}`);
			return (await response.json()) as IDataObject;
		},
		callSummary: async () => {
			const calls = (await control.calls()) as unknown as { total: number; log: Array<{ operation: string }> };
			return {
				total: calls.total,
				writes: calls.log.map((entry) => entry.operation).filter((operation) => WRITES.test(operation)),
			};
		},
		stop: async () => await handle.stop(),
	};
}

/** Request bodies the emulator recorded for one operation (uploads: the feed document text). */
export async function requestBodies(emulator: Emulator, operation: string): Promise<unknown[]> {
	const calls = (await emulator.control.calls()) as unknown as {
		requests: Record<string, Array<{ body: unknown }>>;
	};
	return (calls.requests[operation] ?? []).map((request) => request.body);
}
