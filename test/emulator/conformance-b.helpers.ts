// Shared helpers for the part B emulator tests (feeds, reports, listings, vendor): real HTTP against start({ port: 0 }).
import type { IDataObject } from 'n8n-workflow';

import { decodeText } from '../../nodes/AmazonSpApi/core/codecs/charset';
import { gunzip } from '../../nodes/AmazonSpApi/core/codecs/gzip';
import { emulatorControl, startEmulator, type EmulatorHandle } from '../harness/emulator';

export { validateResponse } from '../../emulator';

export type Partner = 'seller' | 'vendor';
export interface ApiResponse {
	status: number;
	body: IDataObject;
	headers: Headers;
}

const REFRESH_TOKENS: Record<Partner, string> = {
	seller: 'Atzr|emulator-seller-refresh-token',
	vendor: 'Atzr|emulator-vendor-refresh-token',
};

export async function accessToken(url: string, partner: Partner): Promise<string> {
	const response = await fetch(`${url}/auth/o2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: REFRESH_TOKENS[partner],
			client_id: 'amzn1.application-oa2-client.emulator',
			client_secret: 'emulator-client-secret',
		}),
	});
	const body = (await response.json()) as { access_token: string };
	return body.access_token;
}

/** An emulator plus authenticated SP-API calls for one partner kind. */
export async function startPartB(options: IDataObject = {}, partner: Partner = 'seller') {
	const emulator: EmulatorHandle = await startEmulator({ timeScale: 1000, reportFailureRate: 0, ...options });
	const tokens: Partial<Record<Partner, string>> = {};
	async function api(method: string, path: string, body?: unknown, as: Partner | { token: string } = partner): Promise<ApiResponse> {
		const token = typeof as === 'string' ? (tokens[as] ??= await accessToken(emulator.url, as)) : as.token;
		const response = await fetch(`${emulator.url}${path}`, {
			method,
			headers: { 'x-amz-access-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		// Tests move virtual time by hours: renew an LWA token that expired on the way.
		if (response.status === 403 && typeof as === 'string' && text.includes('has expired')) {
			delete tokens[as];
			return await api(method, path, body, as);
		}
		return { status: response.status, body: (text ? JSON.parse(text) : {}) as IDataObject, headers: response.headers };
	}
	return { ...emulator, api, control: emulatorControl(emulator.url) };
}
export type PartB = Awaited<ReturnType<typeof startPartB>>;

/** Downloads a pre-signed document URL; gunzips when the document says GZIP. */
export async function downloadDocument(url: string, compressed: boolean) {
	const response = await fetch(url);
	const raw = new Uint8Array(await response.arrayBuffer());
	const bytes = compressed ? await gunzip(raw) : raw;
	const contentType = response.headers.get('content-type') ?? '';
	return { status: response.status, contentType, bytes, text: decodeText(bytes, contentType.split('charset=')[1]).text };
}

/** createFeedDocument -> PUT -> createFeed; returns the feed id. */
export async function submitFeed(
	emu: PartB,
	feedType: string,
	contentType: string,
	content: string,
	extra: IDataObject = {},
): Promise<string> {
	const document = await emu.api('POST', '/feeds/2021-06-30/documents', { contentType });
	if (document.status !== 201) throw new Error(`createFeedDocument: ${document.status} ${JSON.stringify(document.body)}`);
	const upload = await fetch(document.body.url as string, { method: 'PUT', headers: { 'content-type': contentType }, body: content });
	if (upload.status !== 200) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
	const feed = await emu.api('POST', '/feeds/2021-06-30/feeds', {
		feedType,
		marketplaceIds: ['ATVPDKIKX0DER'],
		inputFeedDocumentId: document.body.feedDocumentId,
		...extra,
	});
	if (feed.status !== 202) throw new Error(`createFeed failed: ${feed.status} ${JSON.stringify(feed.body)}`);
	return feed.body.feedId as string;
}

/** Advances virtual time past processing and returns the feed with its decoded result document. */
export async function finishFeed(emu: PartB, feedId: string) {
	await emu.control.advanceClock(2 * 60 * 1000);
	const feed = await emu.api('GET', `/feeds/2021-06-30/feeds/${feedId}`);
	const documentId = feed.body.resultFeedDocumentId as string;
	const document = await emu.api('GET', `/feeds/2021-06-30/documents/${documentId}`);
	if (document.status !== 200) throw new Error(`getFeedDocument ${documentId}: ${document.status} ${JSON.stringify(document.body)}`);
	const download = await downloadDocument(document.body.url as string, document.body.compressionAlgorithm === 'GZIP');
	return { feed: feed.body, document: document.body, ...download };
}

export interface EmuOrderItem {
	orderItemId: string;
	quantityOrdered: number;
	quantityShipped: number;
	quantityCanceled: number;
	cancelReason?: string | null;
}
export interface EmuOrder {
	orderId: string;
	marketplaceId: string;
	status: string;
	fulfillmentChannel: 'MFN' | 'AFN';
	acknowledged?: boolean;
	merchantOrderId?: string;
	items: EmuOrderItem[];
	shipments: Array<{ carrierCode?: string; carrierName?: string | null; trackingNumber?: string }>;
}
interface OrderStore {
	list(): EmuOrder[];
	get(orderId: string): EmuOrder | undefined;
	upsert(partial: Partial<EmuOrder>): EmuOrder;
}

/** The in-process order store of a started emulator (CONTRACT.md OrderStore). */
export const orderStore = (emu: PartB) => emu.ctx.orders as OrderStore;

/** Distinct open MFN orders (nothing shipped or canceled yet), so tests never share an order. */
export function openMfnOrders(emu: PartB, count: number): EmuOrder[] {
	const open = orderStore(emu)
		.list()
		.filter((o) => o.status === 'Unshipped' && o.fulfillmentChannel === 'MFN' && o.items.every((i) => !i.quantityShipped && !i.quantityCanceled));
	if (open.length < count) throw new Error(`only ${open.length} open MFN orders`);
	return open.slice(0, count);
}
