import type { HttpClient, HttpRequest, HttpResponse } from '../../nodes/AmazonSpApi/core/types';

export type Responder =
	| HttpResponse
	| Error
	| ((request: HttpRequest) => HttpResponse | Promise<HttpResponse>);

type Matcher = (request: HttpRequest) => boolean;

interface Route {
	match: Matcher;
	responses: Responder[];
}

/** `'POST /auth/o2/token'` matches method + URL path; a RegExp is tested against `METHOD url`. */
function toMatcher(match: string | RegExp | Matcher): Matcher {
	if (typeof match === 'function') return match;
	if (match instanceof RegExp) return (request) => match.test(`${request.method} ${request.url}`);
	const [method, path] = match.split(' ');
	return (request) => request.method === method && new URL(request.url).pathname === path;
}

/**
 * HttpClient answering from scripted responses. Each route's responses are used in order; the last one repeats.
 * Every request is recorded (with its body decoded) for assertions.
 */
export class ScriptedHttp {
	readonly requests: HttpRequest[] = [];
	private readonly routes: Route[] = [];

	route(match: string | RegExp | Matcher, ...responses: Responder[]): this {
		this.routes.push({ match: toMatcher(match), responses });
		return this;
	}

	readonly client: HttpClient = async (request) => {
		this.requests.push(request);
		const route = this.routes.find((candidate) => candidate.match(request));
		if (!route) throw new Error(`Unscripted request ${request.method} ${request.url}`);
		const responder = route.responses.length > 1 ? route.responses.shift()! : route.responses[0];
		if (responder instanceof Error) throw responder;
		return typeof responder === 'function' ? await responder(request) : responder;
	};

	count(match: string | RegExp | Matcher): number {
		const matcher = toMatcher(match);
		return this.requests.filter((request) => matcher(request)).length;
	}

	bodyOf(request: HttpRequest): string {
		return bodyText(request);
	}
}

export function bodyText(request: HttpRequest): string {
	const { body } = request;
	if (body === undefined) return '';
	return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

export function jsonResponse(
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): HttpResponse {
	return {
		status,
		headers: { 'content-type': 'application/json', 'x-amzn-requestid': `req-${status}`, ...headers },
		body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
	};
}

/** Amazon's SP-API error body `{"errors":[{code,message,details}]}`. */
export function amazonError(status: number, code: string, message: string, details?: string): HttpResponse {
	return jsonResponse(status, { errors: [{ code, message, ...(details === undefined ? {} : { details }) }] });
}

/** REFERENCE §2.6 / §14 bodies. */
export const quotaExceeded = (): HttpResponse =>
	amazonError(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.', '');
export const tokenExpired = (): HttpResponse =>
	amazonError(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.');

/** LWA success body (REFERENCE §2.3); a fresh access token per call unless one is given. */
export function lwaTokens(prefix = 'Atza|access-token'): (request: HttpRequest) => HttpResponse {
	let issued = 0;
	return () => {
		issued++;
		return jsonResponse(200, {
			access_token: `${prefix}-${issued}-${'x'.repeat(24)}`,
			token_type: 'bearer',
			expires_in: 3600,
			refresh_token: 'Atzr|echoed-refresh-token-value',
		});
	};
}

export const TEST_CREDENTIALS = {
	clientId: 'amzn1.application-oa2-client.emulator',
	clientSecret: 'emulator-client-secret',
	refreshToken: 'Atzr|emulator-seller-refresh-token',
	region: 'na' as const,
	environment: 'custom' as const,
	customBaseUrl: 'http://127.0.0.1:4010',
	customTokenUrl: 'http://127.0.0.1:4010/auth/o2/token',
};
