import { SpApiError } from './errors';
import { sha256Hex } from './hash';
import type { Clock, HttpClient, HttpRequest, HttpResponse } from '../types';

/** Refresh this long before expiry, so a token never expires between the check and Amazon's check. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
const DEFAULT_LIFETIME_S = 3600;
const LWA_MAX_RETRIES = 2;
const LWA_RETRY_BASE_MS = 500;

/** What an LWA token request needs: a refresh token (seller/vendor grant) or a scope (grantless). */
export interface LwaGrant {
	clientId: string;
	clientSecret: string;
	tokenUrl: string;
	refreshToken?: string;
	/** Space-separated scopes for the client_credentials grant, e.g. `sellingpartnerapi::notifications`. */
	scope?: string;
}

export interface LwaToken {
	accessToken: string;
	expiresAt: number;
	/** When a cached token should be replaced; before expiresAt. */
	refreshAt: number;
}

/** Form-encoded token request (Amazon's docs and JS/Python helpers use form encoding). */
export function buildLwaTokenRequest(grant: LwaGrant): HttpRequest {
	const form = new URLSearchParams();
	if (grant.scope) {
		form.set('grant_type', 'client_credentials');
		form.set('scope', grant.scope);
	} else {
		form.set('grant_type', 'refresh_token');
		form.set('refresh_token', grant.refreshToken ?? '');
	}
	form.set('client_id', grant.clientId);
	form.set('client_secret', grant.clientSecret);
	return {
		method: 'POST',
		url: grant.tokenUrl,
		headers: {
			'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
			accept: 'application/json',
		},
		body: form.toString(),
	};
}

/** Cache key: a hash, never the raw secret. Two selling partners on one app get different keys. */
export function lwaCacheKey(grant: LwaGrant): string {
	return grant.scope
		? sha256Hex('lwa-grantless', grant.tokenUrl, grant.clientId, grant.scope)
		: sha256Hex('lwa-refresh', grant.tokenUrl, grant.clientId, grant.refreshToken ?? '');
}

function parseJson(text: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(text);
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** Maps Amazon's LWA error body `{"error_description","error"}` to an actionable auth error. */
export function lwaError(status: number, bodyText: string): SpApiError {
	const body = parseJson(bodyText) ?? {};
	const code = typeof body.error === 'string' ? body.error : undefined;
	const description =
		typeof body.error_description === 'string' ? body.error_description : undefined;
	const common = { status, code, amazonMessage: description, operation: 'lwa.token' };
	if (code === 'invalid_grant') {
		return new SpApiError({
			...common,
			kind: 'auth',
			message:
				'Login with Amazon rejected the refresh token (invalid_grant): it was revoked or issued for another app',
			hint: 'Re-authorize the app in Seller Central or Vendor Central and paste the new refresh token into the credential. The refresh token must belong to the same app as the LWA client ID.',
		});
	}
	if (code === 'invalid_client' || code === 'unauthorized_client') {
		return new SpApiError({
			...common,
			kind: 'auth',
			message: `Login with Amazon rejected the app's client credentials (${code}): the client secret was rotated or the client ID is wrong`,
			hint: 'Amazon requires rotating the LWA client secret every 180 days. Copy the current client ID and client secret from the Developer Console (Solution Provider Portal) into the credential.',
		});
	}
	const retryable = status >= 500 || code === 'server_error' || code === 'temporarily_unavailable';
	return new SpApiError({
		...common,
		kind: retryable ? 'network' : 'auth',
		message: `Login with Amazon token request failed (HTTP ${status}${code ? `, ${code}` : ''})${description ? `: ${description}` : ''}`,
		hint: retryable
			? 'Amazon Login with Amazon is temporarily unavailable; try again in a minute.'
			: 'Check the LWA client ID, client secret, refresh token and (for Custom environments) the LWA token URL.',
	});
}

/** A usable token, or the auth error describing why the response is not one. */
export function interpretLwaTokenResponse(status: number, bodyText: string, now: number): LwaToken | SpApiError {
	if (status < 200 || status >= 300) return lwaError(status, bodyText);
	const body = parseJson(bodyText);
	const accessToken = body?.access_token;
	if (typeof accessToken !== 'string' || !accessToken) {
		return new SpApiError({
			kind: 'auth',
			status,
			operation: 'lwa.token',
			message: 'Login with Amazon answered without an access token',
			hint: 'Check the LWA token URL of the credential.',
		});
	}
	const expiresIn = Number(body?.expires_in);
	const lifetimeMs = (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S) * 1000;
	return {
		accessToken,
		expiresAt: now + lifetimeMs,
		refreshAt: now + Math.max(lifetimeMs - TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2),
	};
}

/** Like interpretLwaTokenResponse, but throws the error. */
export function parseLwaTokenResponse(status: number, bodyText: string, now: number): LwaToken {
	const outcome = interpretLwaTokenResponse(status, bodyText, now);
	if (outcome instanceof SpApiError) throw outcome;
	return outcome;
}

async function attemptLwaToken(
	http: HttpClient,
	request: HttpRequest,
	clock: Clock,
): Promise<LwaToken | SpApiError> {
	let response: HttpResponse;
	try {
		response = await http(request);
	} catch (error) {
		return new SpApiError({
			kind: 'network',
			operation: 'lwa.token',
			message: `Could not reach Login with Amazon: ${(error as Error)?.message ?? String(error)}`,
			hint: 'Check the network connection and, for Custom environments, the LWA token URL.',
		});
	}
	return interpretLwaTokenResponse(response.status, new TextDecoder().decode(response.body), clock.now());
}

/** One token request with bounded retries of transient failures (a token request is idempotent). */
export async function fetchLwaToken(http: HttpClient, grant: LwaGrant, clock: Clock): Promise<LwaToken> {
	const request = buildLwaTokenRequest(grant);
	for (let attempt = 0; ; attempt++) {
		const outcome = await attemptLwaToken(http, request, clock);
		if (!(outcome instanceof SpApiError)) return outcome;
		if (outcome.kind !== 'network' || attempt >= LWA_MAX_RETRIES) throw outcome;
		await clock.sleep(LWA_RETRY_BASE_MS * 2 ** attempt);
	}
}

/**
 * Access tokens per grant. Concurrent refreshes of one grant share a single request; a token is reused until shortly
 * before it expires. `defaultTokenCache` is shared by the whole process so consecutive executions reuse tokens.
 */
export class LwaTokenCache {
	private readonly tokens = new Map<string, LwaToken>();
	private readonly inflight = new Map<string, Promise<LwaToken>>();

	/**
	 * Cached token for `key`, or the result of `fetch`. `rejectedToken`: Amazon refused this token; fetch a new one
	 * unless another caller already replaced it.
	 */
	async get(
		key: string,
		now: number,
		fetch: () => Promise<LwaToken>,
		rejectedToken?: string,
	): Promise<LwaToken> {
		const cached = this.tokens.get(key);
		if (cached && cached.refreshAt > now && cached.accessToken !== rejectedToken) return cached;
		const running = this.inflight.get(key);
		if (running) return await running;
		const request = fetch()
			.then((token) => {
				this.prune(now);
				this.tokens.set(key, token);
				return token;
			})
			.finally(() => this.inflight.delete(key));
		this.inflight.set(key, request);
		return await request;
	}

	invalidate(key: string): void {
		this.tokens.delete(key);
	}

	clear(): void {
		this.tokens.clear();
		this.inflight.clear();
	}

	get size(): number {
		return this.tokens.size;
	}

	private prune(now: number): void {
		for (const [key, token] of this.tokens) if (token.expiresAt <= now) this.tokens.delete(key);
	}
}

export const defaultTokenCache = new LwaTokenCache();
