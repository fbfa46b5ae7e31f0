import { readChunks } from '../../../nodes/AmazonSpApi/core/codecs/gzip';
import { SpApiClient } from '../../../nodes/AmazonSpApi/core/http/client';
import { n8nClock } from '../../../nodes/AmazonSpApi/n8n/runtime';
import { RateLimiter } from '../../../nodes/AmazonSpApi/core/http/limiter';
import { LwaTokenCache } from '../../../nodes/AmazonSpApi/core/http/lwa';
import { RdtCache } from '../../../nodes/AmazonSpApi/core/http/rdt';
import type { HttpClient, RegionCode } from '../../../nodes/AmazonSpApi/core/types';

export const fetchHttp: HttpClient = async (request) => {
	const response = await fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: request.body as BodyInit | undefined,
	});
	const headers: Record<string, string> = {};
	response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
	if (request.stream && response.ok && response.body) {
		return { status: response.status, headers, body: new Uint8Array(), stream: readChunks(response.body) };
	}
	return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
};

/** The real client (real clock, private caches) talking to an emulator over HTTP. */
export function emulatorClient(url: string, region: RegionCode = 'na'): SpApiClient {
	return new SpApiClient({
		credentials: {
			clientId: 'amzn1.application-oa2-client.emulator',
			clientSecret: 'emulator-client-secret',
			refreshToken: 'Atzr|emulator-seller-refresh-token',
			region,
			environment: 'custom',
			customBaseUrl: url,
			customTokenUrl: `${url}/auth/o2/token`,
		},
		http: fetchHttp,
		clock: n8nClock,
		limiter: new RateLimiter({ clock: n8nClock }),
		tokens: new LwaTokenCache(),
		rdtCache: new RdtCache(),
	});
}

/** Real-time polling suited to an emulator running at a high time scale. */
export const EMULATOR_WAIT = { timeoutMs: 20_000, pollIntervalMs: 25 };
