/**
 * Shared contract of the SDK core. Pure TypeScript: no n8n types here, so the core can be unit-tested and
 * benchmarked without n8n. The n8n adapter lives in ../n8n.
 */

/** A JSON object as Amazon sends it; the n8n layer hands it on as IDataObject. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonObject = { [key: string]: any };

export type RegionCode = 'na' | 'eu' | 'fe';
export type Environment = 'production' | 'sandbox' | 'custom';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What every credential (seller or vendor) resolves to. */
export interface SpApiCredentials {
	clientId: string;
	clientSecret: string;
	refreshToken: string;
	region: RegionCode;
	environment: Environment;
	/** Only for environment 'custom': SP-API base URL, e.g. http://127.0.0.1:4010 */
	customBaseUrl?: string;
	/** Only for environment 'custom': LWA token URL, e.g. http://127.0.0.1:4010/auth/o2/token */
	customTokenUrl?: string;
}

/** Minimal HTTP abstraction. n8n's helpers.httpRequest implements it in nodes; fetch implements it in tests/bench. */
export interface HttpRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	body?: string | Uint8Array;
	/** Ask for the response body as a stream (document downloads). A client that cannot stream fills `body`. */
	stream?: boolean;
}

export interface HttpResponse {
	status: number;
	/** Header names lower-cased. */
	headers: Record<string, string>;
	body: Uint8Array;
	/**
	 * The body chunk by chunk, read once, when the request asked for `stream` and the status is 2xx; `body` is then
	 * empty. Error bodies always come in `body`.
	 */
	stream?: AsyncIterable<Uint8Array>;
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/** Time source; tests inject a virtual clock. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export interface Logger {
	debug(message: string, meta?: Record<string, unknown>): void;
	warn(message: string, meta?: Record<string, unknown>): void;
}

export interface UsagePlan {
	/** Requests per second restored to the bucket. */
	rate: number;
	burst: number;
}

/**
 * One SP-API call. `operation` is the usage-plan key `<api>.<operationId>`, for example
 * `ordersV0.getOrders`, `orders.searchOrders`, `feeds.createFeed`, `vendorOrders.getPurchaseOrders`.
 */
export interface OperationCall {
	operation: string;
	method: HttpMethod;
	/** Path with parameters already substituted and URL-encoded, e.g. /orders/v0/orders/123-1234567-1234567 */
	path: string;
	query?: Record<string, string | number | boolean | string[] | undefined>;
	/** JSON-serialised unless it is a string or Uint8Array. */
	body?: unknown;
	/** Use this token (an RDT) instead of the LWA access token. */
	restrictedDataToken?: string;
	/** Unwrap a v0-style `{ payload }` body. Default false. */
	unwrapPayload?: boolean;
	/**
	 * Whether 5xx/network failures may be retried. Defaults: GET/PUT/DELETE true, POST/PATCH false.
	 * createFeed, acknowledgements and shipment confirmations must stay false.
	 */
	idempotent?: boolean;
	/** Grantless call: client_credentials token with this scope. */
	grantlessScope?: string;
	/**
	 * Longest acceptable wait (ms) for a local rate-limit token. When the wait would be longer, the call is NOT sent
	 * and an SpApiError of kind 'throttled' (code 'LocalRateLimit', retryAfterMs set) is thrown. Triggers use it to
	 * leave work to the next poll instead of sleeping.
	 */
	maxWaitMs?: number;
}

export interface SpApiResponse<T = unknown> {
	status: number;
	data: T;
	headers: Record<string, string>;
	requestId?: string;
	/** Parsed x-amzn-RateLimit-Limit, when present. */
	rateLimit?: number;
}

export interface AmazonErrorEntry {
	code: string;
	message: string;
	details?: string;
}

export type SpApiErrorKind = 'api' | 'auth' | 'throttled' | 'network' | 'timeout';

/** Budget for triggers: stop before the deadline, leave the rest to the next poll. */
export interface Budget {
	/** Epoch ms (Clock.now() timeline) after which no new page is fetched. */
	deadline?: number;
	maxPages?: number;
}

/**
 * What feature code (feeds, reports, orders, triggers) needs from the client. Implemented by SpApiClient
 * (core/client.ts); fakes in tests are discouraged: integration tests run against the emulator.
 */
export interface SpApiRequester {
	request<T = unknown>(call: OperationCall): Promise<SpApiResponse<T>>;
	/** Un-authenticated transfer to a pre-signed document URL (feed upload / report or result download). */
	transfer(request: HttpRequest): Promise<HttpResponse>;
	/** Restricted Data Token for the given restricted resources (v0 PII, restricted reports, vendor DF). */
	restrictedDataToken(
		resources: Array<{ method: HttpMethod; path: string; dataElements?: string[] }>,
	): Promise<string>;
	readonly clock: Clock;
	/** Stable, non-secret identity of the selling partner authorisation (hash), for keys and logs. */
	readonly partnerKey: string;
	readonly region: RegionCode;
}
