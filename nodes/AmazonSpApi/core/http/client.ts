import { resolveEndpoints, type SpApiEndpoints } from './endpoints';
import { reviseSpApiError, SpApiError, SpApiInputError } from './errors';
import { partnerKeyFor } from './hash';
import { RateLimiter, type LimiterKey } from './limiter';
import { defaultTokenCache, fetchLwaToken, lwaCacheKey, type LwaGrant, type LwaTokenCache } from './lwa';
import { defaultRdtCache, RestrictedTokens, type RdtCache, type RestrictedResource } from './rdt';
import { Redactor } from './redact';
import { failedCallError, networkError, throttledError, transferError } from './failures';
import type {
	Clock,
	HttpClient,
	HttpMethod,
	HttpRequest,
	HttpResponse,
	Logger,
	OperationCall,
	RegionCode,
	SpApiCredentials,
	SpApiRequester,
	SpApiResponse,
} from '../types';
import { getUsagePlan, sharePlan } from './usagePlans';
import { DEFAULT_USER_AGENT } from './version';
import {
	buildUrl,
	decodeText,
	extractErrors,
	isExpiredTokenError,
	parseBody,
	parseRateLimitHeader,
	serializeBody,
	unwrapPayload,
} from './wire';

export interface SpApiClientOptions {
	credentials: SpApiCredentials;
	http: HttpClient;
	/** Time and sleep: the core has no timer of its own (see createClock). */
	clock: Clock;
	logger?: Logger;
	userAgent?: string;
	/** Default: a private limiter. Share one per process so that every execution draws from the same buckets. */
	limiter?: RateLimiter;
	/** Default: the process-wide LWA token cache. */
	tokens?: LwaTokenCache;
	/** Default: the process-wide RDT cache. */
	rdtCache?: RdtCache;
	maxThrottleRetries?: number;
	maxServerRetries?: number;
	/** Fraction (0, 1] of every usage plan this process may use (n8n queue mode: 1/N with N workers). Default 1. */
	rateShare?: number;
	redactor?: Redactor;
	/** [0, 1) jitter source; tests make it deterministic. */
	random?: () => number;
}

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);

/** Writes that must never be sent twice, whatever the caller says: a duplicate has business consequences. */
const NEVER_RESENT = new Set([
	'feeds.createFeed',
	'ordersV0.confirmShipment',
	'vendorOrders.submitAcknowledgement',
	'vendorDFOrders.submitAcknowledgement',
	'vendorShipments.SubmitShipmentConfirmations',
	'vendorShipments.SubmitShipments',
	'vendorDFShipping.submitShipmentConfirmations',
]);

const SERVER_RETRY_BASE_MS = 1000;

interface Attempts {
	throttle: number;
	server: number;
	auth: number;
}

/** SP-API client: LWA tokens, rate limits, bounded retries, redaction. Pure TypeScript (no n8n types). */
export class SpApiClient implements SpApiRequester {
	readonly clock: Clock;
	readonly partnerKey: string;
	readonly region: RegionCode;
	readonly endpoints: SpApiEndpoints;
	readonly redactor: Redactor;
	private readonly credentials: SpApiCredentials;
	private readonly http: HttpClient;
	private readonly logger?: Logger;
	private readonly userAgent: string;
	private readonly limiter: RateLimiter;
	private readonly tokens: LwaTokenCache;
	private readonly rdtCache: RdtCache;
	private readonly maxThrottleRetries: number;
	private readonly maxServerRetries: number;
	private readonly rateShare: number;
	private readonly random: () => number;
	private readonly rdts: RestrictedTokens;

	constructor(options: SpApiClientOptions) {
		const { credentials } = options;
		this.redactor = options.redactor ?? new Redactor();
		this.redactor.add(credentials.clientSecret, credentials.refreshToken);
		for (const field of ['clientId', 'clientSecret', 'refreshToken'] as const) {
			if (!credentials[field]?.trim()) {
				throw new SpApiInputError(field, `The credential's ${field} is empty`, 'Fill in every LWA field of the credential.');
			}
		}
		this.endpoints = resolveEndpoints(credentials);
		this.credentials = credentials;
		this.region = credentials.region;
		this.partnerKey = partnerKeyFor(credentials.clientId, credentials.refreshToken);
		this.http = options.http;
		this.clock = options.clock;
		this.logger = options.logger;
		this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
		this.limiter =
			options.limiter ?? new RateLimiter({ clock: options.clock });
		this.tokens = options.tokens ?? defaultTokenCache;
		this.rdtCache = options.rdtCache ?? defaultRdtCache;
		this.rdts = new RestrictedTokens(this, this.rdtCache, this.endpoints.baseUrl);
		this.maxThrottleRetries = options.maxThrottleRetries ?? 3;
		this.maxServerRetries = options.maxServerRetries ?? 2;
		const share = options.rateShare ?? 1;
		this.rateShare = Number.isFinite(share) ? Math.min(1, Math.max(0.01, share)) : 1;
		this.random = options.random ?? Math.random;
	}

	async request<T = unknown>(call: OperationCall): Promise<SpApiResponse<T>> {
		try {
			return await this.requestWithRetries<T>(call);
		} catch (error) {
			throw this.sanitize(error);
		}
	}

	async transfer(request: HttpRequest): Promise<HttpResponse> {
		this.rememberUrlSignature(request.url);
		const idempotent = IDEMPOTENT_METHODS.has(request.method);
		for (let attempt = 0; ; attempt++) {
			let response: HttpResponse | undefined;
			let failure: SpApiError;
			try {
				response = await this.http(request);
				if (response.status < 400) return response;
				failure = transferError(request, response);
			} catch (error) {
				failure = networkError('documents.transfer', error);
			}
			const transient = !response || response.status >= 500;
			if (!idempotent || !transient || attempt >= this.maxServerRetries) throw this.sanitize(failure);
			await this.clock.sleep(this.serverRetryDelay(attempt));
		}
	}

	async restrictedDataToken(resources: RestrictedResource[]): Promise<string> {
		const token = await this.rdts.get(resources);
		this.redactor.add(token);
		return token;
	}

	/** Pre-signed URLs carry their signature in the query; S3 may echo it in error bodies. */
	private rememberUrlSignature(url: string): void {
		if (!URL.canParse(url)) return;
		this.redactor.add(...new URL(url).searchParams.values());
	}

	private async requestWithRetries<T>(call: OperationCall): Promise<SpApiResponse<T>> {
		const amazonPlan = getUsagePlan(call.operation, this.logger);
		const plan = sharePlan(amazonPlan, this.rateShare);
		const key: LimiterKey = { partnerKey: this.partnerKey, region: this.region, operation: call.operation };
		const idempotent =
			!NEVER_RESENT.has(call.operation) && (call.idempotent ?? IDEMPOTENT_METHODS.has(call.method));
		const attempts: Attempts = { throttle: 0, server: 0, auth: 0 };
		let rejectedToken: string | undefined;
		let rdt = call.restrictedDataToken;
		// maxWaitMs bounds the whole call: a retry after a 429 may only wait for what is left of it.
		const callStarted = this.clock.now();
		const waitLeft = () =>
			call.maxWaitMs === undefined ? undefined : Math.max(0, call.maxWaitMs - (this.clock.now() - callStarted));
		for (;;) {
			await this.limiter.acquire(key, plan, waitLeft());
			const token = rdt ?? (await this.accessToken(call.grantlessScope, rejectedToken));
			const started = this.clock.now();
			let response: HttpResponse;
			try {
				response = await this.http(this.buildRequest(call, token));
			} catch (error) {
				const failure = networkError(call.operation, error);
				this.log('SP-API request failed', { operation: call.operation, error: failure.message });
				if (!idempotent || attempts.server >= this.maxServerRetries) throw failure;
				await this.clock.sleep(this.serverRetryDelay(attempts.server++));
				continue;
			}
			const { status, headers } = response;
			const requestId = headers['x-amzn-requestid'];
			const rateLimit = parseRateLimitHeader(headers);
			if (rateLimit !== undefined) this.limiter.adaptRate(key, plan, rateLimit * this.rateShare);
			this.log('SP-API response', {
				operation: call.operation,
				method: call.method,
				path: call.path,
				status,
				requestId,
				rateLimit,
				ms: this.clock.now() - started,
			});
			const data = parseBody(decodeText(response.body));
			if (status < 400) {
				this.limiter.recordSuccess(key, plan);
				return {
					status,
					data: (call.unwrapPayload ? unwrapPayload(data) : data) as T,
					headers,
					requestId,
					rateLimit,
				};
			}
			const errors = extractErrors(data);
			const context = { call, status, errors, requestId, data };
			if (status === 429) {
				if (attempts.throttle >= this.maxThrottleRetries) {
					throw throttledError(context, amazonPlan, this.limiter.ceilingRate(key, plan) / this.rateShare, attempts.throttle);
				}
				// The limiter halves the rate and pauses the bucket: consecutive 429s back off exponentially.
				this.limiter.penalize(key, plan, 0.75 + this.random() * 0.5);
				attempts.throttle++;
				continue;
			}
			const expiredToken = status === 401 || (status === 403 && isExpiredTokenError(errors));
			if (expiredToken && !rdt && attempts.auth === 0) {
				attempts.auth++;
				rejectedToken = token;
				continue;
			}
			// An RDT refused with 401/403: renewed once, like an access token (an expired RDT reads as "denied").
			if (rdt && (status === 401 || status === 403) && attempts.auth === 0) {
				attempts.auth++;
				const renewed = await this.rdts.renew(rdt);
				if (renewed) {
					this.redactor.add(renewed);
					rdt = renewed;
					continue;
				}
			}
			if (status >= 500 && idempotent && attempts.server < this.maxServerRetries) {
				await this.clock.sleep(this.serverRetryDelay(attempts.server++));
				continue;
			}
			throw failedCallError(context, { idempotent, expiredToken });
		}
	}

	private async accessToken(scope: string | undefined, rejectedToken?: string): Promise<string> {
		const grant: LwaGrant = {
			clientId: this.credentials.clientId,
			clientSecret: this.credentials.clientSecret,
			tokenUrl: this.endpoints.tokenUrl,
			...(scope ? { scope } : { refreshToken: this.credentials.refreshToken }),
		};
		const token = await this.tokens.get(
			lwaCacheKey(grant),
			this.clock.now(),
			async () => await fetchLwaToken(this.http, grant, this.clock),
			rejectedToken,
		);
		this.redactor.add(token.accessToken);
		return token.accessToken;
	}

	private buildRequest(call: OperationCall, token: string): HttpRequest {
		const body = serializeBody(call.body);
		const headers: Record<string, string> = {
			'x-amz-access-token': token,
			'user-agent': this.userAgent,
			accept: 'application/json',
		};
		if (body !== undefined) headers['content-type'] = 'application/json';
		return {
			method: call.method,
			url: buildUrl(this.endpoints.baseUrl, call.path, call.query),
			headers,
			body,
		};
	}

	private serverRetryDelay(attempt: number): number {
		return Math.round(SERVER_RETRY_BASE_MS * 2 ** attempt * (0.75 + this.random() * 0.5));
	}

	private log(message: string, meta: Record<string, unknown>): void {
		this.logger?.debug(this.redactor.scrub(message), this.redactor.scrubValue(meta));
	}

	/** Every error leaving the client passes through the redactor. */
	private sanitize(error: unknown): Error {
		if (error instanceof SpApiInputError) {
			return new SpApiInputError(error.field, this.redactor.scrub(error.message), error.hint);
		}
		if (error instanceof SpApiError) {
			return reviseSpApiError(error, {
				message: this.redactor.scrub(error.message),
				amazonMessage: error.amazonMessage && this.redactor.scrub(error.amazonMessage),
				details: error.details && this.redactor.scrub(error.details),
				hint: error.hint && this.redactor.scrub(error.hint),
				errors: this.redactor.scrubValue(error.errors),
			});
		}
		return new Error(this.redactor.scrub(error instanceof Error ? error.message : String(error)));
	}
}
