// Reads back the feed documents Amazon (the emulator) received, through the SP-API itself:
// createFeed request bodies from the call log -> getFeedDocument -> pre-signed download.
import { EMULATOR_LWA } from '../../../scripts/lib/demo-data.mjs';

export async function sellerAccessToken(emulator) {
	const response = await fetch(`${emulator.url}/auth/o2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: EMULATOR_LWA.sellerRefreshToken,
			client_id: EMULATOR_LWA.clientId,
			client_secret: EMULATOR_LWA.clientSecret,
		}),
	});
	return (await response.json()).access_token;
}

/** Feeds of `feedType` created since the last reset: `[{ feedType, inputFeedDocumentId, content }]`, oldest first. */
export async function feedsOfType(emulator, feedType) {
	const { requests } = await emulator.inspect('calls?operation=feeds.createFeed');
	const created = (requests['feeds.createFeed'] ?? []).map((request) => request.body).filter((body) => body?.feedType === feedType);
	if (!created.length) return [];
	const token = await sellerAccessToken(emulator);
	return Promise.all(
		created.map(async (body) => {
			const documentResponse = await fetch(`${emulator.url}/feeds/2021-06-30/documents/${body.inputFeedDocumentId}`, {
				headers: { 'x-amz-access-token': token },
			});
			const { url } = await documentResponse.json();
			const content = await (await fetch(url)).text();
			return { ...body, content };
		}),
	);
}
