import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { n8nClock } from '../../nodes/AmazonSpApi/n8n/runtime';
import { start, type EmulatorHandle } from '../../emulator';

export interface EmulatorOptions {
	port?: number;
	seed?: number;
	orders?: number;
	timeScale?: number;
	faults?: string;
	sandbox?: boolean;
	quiet?: boolean;
	[option: string]: unknown;
}

export type { EmulatorHandle };

export const EMULATOR_SELLER_ID = 'A1EMULATORSELLER';
export const EMULATOR_MARKETPLACE_ID = 'ATVPDKIKX0DER';

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
	return await start({ port: 0, quiet: true, ...options });
}

/**
 * Makes the n8n layer's clock (used by clients that getSpApiClient builds) follow the emulator's virtual time,
 * so "now − 2 minutes" and rate-limit refills match the emulator after POST /_emulator/clock. Returns a restore
 * function. The session has no clock option; this patches the n8n layer's shared `n8nClock` for the test file.
 */
export function followEmulatorClock(emulator: EmulatorHandle): () => void {
	const originalNow = n8nClock.now;
	n8nClock.now = () => emulator.ctx.now() as number;
	return () => {
		n8nClock.now = originalNow;
	};
}

/** The seller credential (credentials/AmazonSellerCentralApi.credentials.ts) pointing at an emulator. */
export function emulatorCredentials(url: string, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		clientId: 'amzn1.application-oa2-client.emulator',
		clientSecret: 'emulator-client-secret',
		refreshToken: 'Atzr|emulator-seller-refresh-token',
		region: 'na',
		environment: 'custom',
		customBaseUrl: url,
		customTokenUrl: `${url}/auth/o2/token`,
		sellerId: EMULATOR_SELLER_ID,
		defaultMarketplaceId: EMULATOR_MARKETPLACE_ID,
		...overrides,
	};
}

async function call<T>(url: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${url}/_emulator${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`Emulator ${method} ${path} → ${response.status}: ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

export interface EmulatorCall {
	operation?: string;
	method: string;
	path: string;
	status: number;
	[key: string]: unknown;
}

/** Typed client for the emulator's inspection API (/_emulator/*). */
export function emulatorControl(url: string) {
	return {
		state: async () => await call<IDataObject & { now: number | string }>(url, 'GET', '/state'),
		now: async () => {
			const state = await call<{ now: number | string }>(url, 'GET', '/state');
			return typeof state.now === 'number' ? state.now : Date.parse(state.now);
		},
		injectOrders: async (orders: IDataObject | IDataObject[]) =>
			await call<IDataObject>(url, 'POST', '/orders', orders),
		advanceClock: async (ms: number) => await call<IDataObject>(url, 'POST', '/clock', { advanceMs: ms }),
		calls: async () => await call<EmulatorCall[]>(url, 'GET', '/calls'),
		faults: async (spec: IDataObject | string) =>
			await call<IDataObject>(url, 'POST', '/faults', typeof spec === 'string' ? { spec } : spec),
		reset: async () => await call<IDataObject>(url, 'POST', '/reset', {}),
	};
}

export type EmulatorControl = ReturnType<typeof emulatorControl>;
