// Shared by the vendor integration tests (test/integration/vendor-*.test.ts): the emulator's vendor world, the two
// vendor nodes run by n8n-core, and views of the emulator's canonical POs.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { AmazonVendorCentral } from '../../nodes/AmazonVendorCentral/AmazonVendorCentral.node';
import { AmazonVendorCentralTrigger } from '../../nodes/AmazonVendorCentral/AmazonVendorCentralTrigger.node';
import {
	createPollRunner,
	emulatorControl,
	emulatorCredentials,
	followEmulatorClock,
	runActionNode,
	startEmulator,
	type EmulatorHandle,
	type EmulatorOptions,
	type PollRunnerOptions,
} from '../harness';

export const DAY = 24 * 3600 * 1000;

/** The emulator's canonical PO (emulator/data/vendor.js). */
export interface EmuPurchaseOrder {
	purchaseOrderNumber: string;
	vendorCode: string;
	purchaseOrderState: 'New' | 'Acknowledged' | 'Closed';
	purchaseOrderType: string;
	createdMs: number;
	changedMs: number;
	stateChangedMs: number;
	visibleAfterMs: number;
	shipToParty: { partyId: string };
	items: Array<{ itemSequenceNumber: string; amazonProductIdentifier: string; vendorProductIdentifier: string; orderedQuantity: { amount: number; unitOfMeasure: string; unitSize: number }; isBackOrderAllowed: boolean; netCost: { amount: string } }>;
	acknowledgement: null | { items: Record<string, { accepted: number; rejected: number }> };
	stuckTransactions: boolean;
}

export interface VendorEmulator {
	handle: EmulatorHandle;
	control: ReturnType<typeof emulatorControl>;
	credentials: { amazonVendorCentralApi: ICredentialDataDecryptedObject };
	run(parameters: INodeParameters, inputItems?: IDataObject[], continueOnFail?: boolean): ReturnType<typeof runActionNode>;
	trigger(parameters: INodeParameters, options?: Partial<PollRunnerOptions>): ReturnType<typeof createPollRunner>;
	/** Inserts or updates POs (emulator/data/vendor.js upsertPurchaseOrder). */
	inject(partials: IDataObject[]): Promise<EmuPurchaseOrder[]>;
	/** Every canonical PO, after virtual time has been applied. */
	purchaseOrders(): EmuPurchaseOrder[];
	po(number: string): EmuPurchaseOrder;
	/** Requests the emulator recorded for an operation (last 50). */
	requests(operation: string): Promise<Array<{ query: IDataObject; body: IDataObject }>>;
	count(operation: string): Promise<number>;
	stop(): Promise<void>;
}

export function vendorCredentials(url: string, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return emulatorCredentials(url, { refreshToken: 'Atzr|emulator-vendor-refresh-token', vendorCodes: '', ...overrides });
}

export async function startVendorEmulator(options: EmulatorOptions = {}, credentialOverrides: IDataObject = {}): Promise<VendorEmulator> {
	const handle = await startEmulator({ seed: 7, purchaseOrders: 80, timeScale: 200, ...options });
	const restoreClock = followEmulatorClock(handle);
	const control = emulatorControl(handle.url);
	const credentials = { amazonVendorCentralApi: vendorCredentials(handle.url, credentialOverrides) };
	const nodeType = new AmazonVendorCentral();
	const store = () => {
		// Reading through the emulator's own accessor applies virtual time (state changes) first.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { vendorStore } = require('../../emulator/data/vendor') as { vendorStore: (ctx: unknown) => { purchaseOrders: Map<string, EmuPurchaseOrder> } };
		return vendorStore(handle.ctx);
	};
	const calls = async () => (await control.calls()) as unknown as { counts: Record<string, number>; requests: Record<string, Array<{ query: IDataObject; body: IDataObject }>> };
	return {
		handle,
		control,
		credentials,
		run: async (parameters, inputItems = [{}], continueOnFail = false) =>
			await runActionNode({ nodeType, parameters, credentials, inputItems, continueOnFail }),
		trigger: (parameters, runnerOptions = {}) =>
			createPollRunner({ nodeType: new AmazonVendorCentralTrigger(), parameters, credentials, ...runnerOptions }),
		inject: async (partials) => {
			const response = await fetch(`${handle.url}/_emulator-vendor/purchaseOrders`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(partials),
			});
			const body = (await response.json()) as { purchaseOrders: Array<{ canonical: EmuPurchaseOrder }> };
			return body.purchaseOrders.map((po) => po.canonical);
		},
		purchaseOrders: () => [...store().purchaseOrders.values()],
		po: (number) => store().purchaseOrders.get(number) as EmuPurchaseOrder,
		requests: async (operation) => (await calls()).requests[operation] ?? [],
		count: async (operation) => (await calls()).counts?.[operation] ?? 0,
		stop: async () => {
			restoreClock();
			await handle.stop();
		},
	};
}

/** A fresh New PO of vendor code EMUVC with two known items (Eaches; item 1 may be backordered, item 2 not). */
export async function injectTestPo(emu: VendorEmulator, extra: IDataObject = {}): Promise<EmuPurchaseOrder> {
	const [po] = await emu.inject([
		{
			createdAgoMs: 3600_000,
			vendorCode: 'EMUVC',
			shipToPartyId: 'FRA7',
			items: [
				{ itemSequenceNumber: '1', amazonProductIdentifier: 'B0TESTAAA1', vendorProductIdentifier: '4000000000001', orderedQuantity: { amount: 10, unitOfMeasure: 'Eaches', unitSize: 1 }, isBackOrderAllowed: true, netCost: { currencyCode: 'EUR', amount: '4.50' } },
				{ itemSequenceNumber: '2', amazonProductIdentifier: 'B0TESTAAA2', vendorProductIdentifier: '4000000000002', orderedQuantity: { amount: 6, unitOfMeasure: 'Eaches', unitSize: 1 }, isBackOrderAllowed: false, netCost: { currencyCode: 'EUR', amount: '12.00' } },
			],
			...extra,
		},
	]);
	return po;
}
