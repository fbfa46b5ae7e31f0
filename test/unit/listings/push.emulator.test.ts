// The core's push paths against the emulator over HTTP (real client, no n8n): the emulator's JSON_LISTINGS_FEED
// window, a FATAL feed, feeds left processing, and the client waiting for the submission window.
import { sleep } from 'n8n-workflow';

import { SpApiClient } from '../../../nodes/AmazonSpApi/core/http/client';
import {
	compileListingRules,
	computeListingRows,
	LISTINGS_FEED_SUBMISSIONS,
	pushByFeed,
	pushByPatch,
	SubmissionWindow,
	type ComputedOffer,
} from '../../../nodes/AmazonSpApi/core/listings';
import { startPartB, type PartB } from '../../emulator/conformance-b.helpers';
import { emulatorClient, fetchHttp } from '../codecs/emulatorClient';

const SELLER = 'A1EMULATORSELLER';

function offers(skus: string[]): ComputedOffer[] {
	const compiled = compileListingRules({ defaultMarketplace: 'US' }, Date.now());
	return computeListingRows(compiled, skus.map((sku, i) => ({ sku, quantity: i + 1, price: 10 + i, productType: 'HOME' })));
}

let emulator: PartB;

beforeAll(async () => {
	emulator = await startPartB({ timeScale: 1 });
});

afterAll(async () => await emulator.stop());

beforeEach(async () => await emulator.control.reset());

it('emulator: a sixth JSON_LISTINGS_FEED within 5 minutes in a region gets 429 QuotaExceeded, other regions do not', async () => {
	const submit = async (marketplaceId: string) => {
		const document = await emulator.api('POST', '/feeds/2021-06-30/documents', { contentType: 'application/json; charset=UTF-8' });
		await fetch(String(document.body.url), { method: 'PUT', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: '{}' });
		return await emulator.api('POST', '/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [marketplaceId], inputFeedDocumentId: document.body.feedDocumentId });
	};
	for (let i = 0; i < LISTINGS_FEED_SUBMISSIONS.limit; i++) expect((await submit('ATVPDKIKX0DER')).status).toBe(202);
	const sixth = await submit('ATVPDKIKX0DER');
	expect(sixth.status).toBe(429);
	expect(JSON.stringify(sixth.body)).toContain('5 submissions per 5 minutes');
	expect((await submit('A1PA6795UKMFR9')).status).toBe(202);
	await emulator.control.advanceClock(5 * 60_000 + 1);
	expect((await submit('ATVPDKIKX0DER')).status).toBe(202);
});

it('reports every SKU of a FATAL feed as FAILED with Amazon\'s reason', async () => {
	const client = emulatorClient(emulator.url);
	const wait = pushByFeed(client, offers(['ECHO-DOT-4-BLK', 'USB-C-CABLE-2M']), { sellerId: 'ANOTHERSELLER', window: new SubmissionWindow(), timeoutMs: 5 * 60_000 });
	const results = await Promise.race([wait, advanceUntilDone(wait)]);
	expect(results.map((r) => [r.offer.sku, r.status, r.messageId])).toEqual([['ECHO-DOT-4-BLK', 'FAILED', 1], ['USB-C-CABLE-2M', 'FAILED', 2]]);
	expect(results[0].errors[0].message).toContain('does not match the submitting selling partner');
}, 60_000);

it('returns the feed as SUBMITTED when not waiting, and waits for a full submission window before sending', async () => {
	const slept: number[] = [];
	const client = new SpApiClient({
		credentials: {
			clientId: 'amzn1.application-oa2-client.emulator',
			clientSecret: 'emulator-client-secret',
			refreshToken: 'Atzr|emulator-seller-refresh-token',
			region: 'na',
			environment: 'custom',
			customBaseUrl: emulator.url,
			customTokenUrl: `${emulator.url}/auth/o2/token`,
		},
		http: fetchHttp,
		clock: { now: () => Date.now(), sleep: async (ms: number) => void slept.push(ms) },
	});
	const window = new SubmissionWindow();
	const key = `${client.partnerKey}|${client.region}`;
	for (let i = 0; i < 5; i++) window.record(key, Date.now() - 60_000);
	const results = await pushByFeed(client, offers(['ECHO-DOT-4-BLK']), { sellerId: SELLER, window, waitForResult: false });
	expect(results[0]).toMatchObject({ status: 'SUBMITTED', processingStatus: 'IN_QUEUE', feedId: expect.any(String) });
	expect(slept).toHaveLength(1);
	expect(slept[0]).toBeGreaterThan(3.9 * 60_000);
	expect(slept[0]).toBeLessThanOrEqual(4 * 60_000);
});

it('PATCH: an unknown SKU is that SKU\'s INVALID result, the others still go', async () => {
	const results = await pushByPatch(emulatorClient(emulator.url), SELLER, offers(['NO-SUCH-SKU', 'ECHO-DOT-4-BLK']));
	expect(results.map((r) => [r.offer.sku, r.status])).toEqual([['NO-SUCH-SKU', 'INVALID'], ['ECHO-DOT-4-BLK', 'ACCEPTED']]);
	expect(results[0].errors[0]).toMatchObject({ severity: 'ERROR', code: 'NOT_FOUND' });
});

/** Moves the emulator's clock past the feed's queue and processing time while pushByFeed polls. */
async function advanceUntilDone(wait: Promise<unknown>): Promise<never> {
	let done = false;
	void wait.finally(() => (done = true));
	while (!done) {
		await sleep(200);
		await emulator.control.advanceClock(60_000);
	}
	return await new Promise<never>(() => undefined);
}
