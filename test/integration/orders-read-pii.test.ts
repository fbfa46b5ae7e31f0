// Order → Get / Get Many with "Include Buyer and Shipping Address": v2026 includedData BUYER,RECIPIENT and v0
// Restricted Data Tokens, with and without the restricted roles (emulator option piiRoles). No secret may leak.
import type { IDataObject } from 'n8n-workflow';

import { followEmulatorClock } from '../harness';
import { emulatorOrders, operationCount, type EmuOrder } from '../harness/emulator-orders';
import { emuItem, emuOrder, startSellerEmulator, type Emulator } from '../unit/actions/emulatorFixtures';

const ORDER_ID = '555-5000001-0000001';
const GET = { v2026: 'orders.getOrder', v0: 'ordersV0.getOrder' } as const;
const RDT = 'tokens.createRestrictedDataToken';
/** Credential secrets and the shapes of LWA access tokens, refresh tokens and RDTs. */
const SECRETS = [/emulator-client-secret/, /emulator-seller-refresh-token/, /Atz[ar]\|/, /Atz\.sprdt\|/];

jest.setTimeout(60_000);

let withRoles: Emulator;
let withoutRoles: Emulator;
let order: EmuOrder;
const restoreClocks: Array<() => void> = [];

async function seed(emulator: Emulator): Promise<void> {
	const now = await emulator.control.now();
	await emulator.control.injectOrders([emuOrder(ORDER_ID, [emuItem('50000000000001', 1)], now)]);
}

beforeAll(async () => {
	withRoles = await startSellerEmulator({ seed: 21 });
	withoutRoles = await startSellerEmulator({ seed: 21, piiRoles: false });
	restoreClocks.push(followEmulatorClock(withRoles.handle));
	await seed(withRoles);
	await seed(withoutRoles);
	// Both clocks stay together: the node's clock follows one of them.
	await withRoles.control.advanceClock(10 * 60_000);
	await withoutRoles.control.advanceClock(10 * 60_000);
	order = (await emulatorOrders(withRoles.handle.url)).find((candidate) => candidate.orderId === ORDER_ID) as EmuOrder;
});

afterAll(async () => {
	for (const restore of restoreClocks) restore();
	await withRoles.stop();
	await withoutRoles.stop();
});

/** Everything a user or a log could see of a run: output items and the error with all its fields. */
function visibleText(items: unknown, error: unknown): string {
	const errorFields = error && typeof error === 'object' ? Object.getOwnPropertyNames(error) : [];
	const errorJson = Object.fromEntries(errorFields.map((name) => [name, (error as IDataObject)[name]]));
	return JSON.stringify({ items, error: errorJson }, (key, value: unknown) => (key === 'node' ? undefined : value));
}

function expectNoSecrets(text: string): void {
	for (const secret of SECRETS) expect(text).not.toMatch(secret);
}

const getWithPii = (apiVersion: string, extra: IDataObject = {}) => ({
	resource: 'order',
	operation: 'get',
	orderId: ORDER_ID,
	apiVersion,
	simplify: true,
	options: { includePii: true },
	...extra,
});

const getManyWithPii = (apiVersion: string) => ({
	resource: 'order',
	operation: 'getAll',
	apiVersion,
	returnAll: true,
	filters: { createdAfter: new Date(Date.parse(order.purchaseDate) - 1000).toISOString() },
	simplify: true,
	options: { includePii: true, includeItems: false },
});

describe.each(['v2026', 'v0'] as const)('Order read with buyer and shipping address (%s)', (apiVersion) => {
	it('Get returns buyer name, e-mail and the full address when the app has the roles', async () => {
		const rdtsBefore = await operationCount(withRoles.handle.url, RDT);
		const { items, error } = await withRoles.run(getWithPii(apiVersion));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			orderId: ORDER_ID,
			buyer: { name: order.buyer.name, email: order.buyer.email },
			shippingAddress: {
				name: order.shippingAddress.name,
				city: order.shippingAddress.city,
				postalCode: order.shippingAddress.postalCode,
				countryCode: order.shippingAddress.countryCode,
			},
		});
		// v2026 needs no Restricted Data Token; v0 gets one covering the order path.
		expect((await operationCount(withRoles.handle.url, RDT)) - rdtsBefore).toBe(apiVersion === 'v0' ? 1 : 0);
		expectNoSecrets(visibleText(items, error));
	});

	it('Get Many returns the buyer data of every order in the window', async () => {
		const { items, error } = await withRoles.run(getManyWithPii(apiVersion));
		expect(error).toBeUndefined();
		const found = items.find((item) => item.json.orderId === ORDER_ID);
		expect(found?.json).toMatchObject({ buyer: { name: order.buyer.name }, shippingAddress: { name: order.shippingAddress.name } });
		for (const item of items) expect((item.json.buyer as IDataObject).name).toEqual(expect.any(String));
		expectNoSecrets(visibleText(items, error));
	});

	it('without the option, Get sends no PII request and returns no buyer name', async () => {
		const rdtsBefore = await operationCount(withoutRoles.handle.url, RDT);
		const { items, error } = await withoutRoles.run(getWithPii(apiVersion, { options: { includePii: false } }));
		expect(error).toBeUndefined();
		expect(items[0].json.orderId).toBe(ORDER_ID);
		expect((items[0].json.buyer as IDataObject | null)?.name ?? null).toBeNull();
		expect(await operationCount(withoutRoles.handle.url, RDT)).toBe(rdtsBefore);
	});

	it.each([
		['Get', () => getWithPii(apiVersion)],
		['Get Many', () => getManyWithPii(apiVersion)],
	])('%s fails with a clear role error when the app lacks the roles', async (_name, parameters) => {
		const getsBefore = await operationCount(withoutRoles.handle.url, GET[apiVersion]);
		const { items, error } = await withoutRoles.run(parameters());
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError'); // run data holds a plain copy of the NodeApiError
		expect(error?.message).toMatch(/^Amazon SP-API: .*missing a restricted role.* \[item 0\]$/);
		expect(error?.description).toMatch(/Direct-to-Consumer Shipping \(Restricted\)/);
		expect(error?.description).toMatch(/Developer Console/);
		// v0 fails at the token request, before the order is read.
		if (apiVersion === 'v0') expect(await operationCount(withoutRoles.handle.url, GET.v0)).toBe(getsBefore);
		expectNoSecrets(visibleText(items, error));
	});

	it('with Continue On Fail the item carries the role error, without secrets', async () => {
		const { items, error } = await withoutRoles.run(getWithPii(apiVersion), [{}], true);
		expect(error).toBeUndefined();
		expect(String(items[0].json.error)).toMatch(/missing a restricted role/);
		expectNoSecrets(visibleText(items, error));
	});
});
