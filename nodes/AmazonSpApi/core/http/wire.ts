import type { AmazonErrorEntry, OperationCall } from '../types';

/** `?a=1&b=x%2By` — every value URL-encoded (NextToken contains + / =), arrays comma-joined, undefined skipped. */
export function encodeQuery(query: OperationCall['query']): string {
	if (!query) return '';
	const parts: string[] = [];
	for (const [name, value] of Object.entries(query)) {
		if (value === undefined) continue;
		const text = Array.isArray(value)
			? value.map((entry) => encodeURIComponent(entry)).join(',')
			: encodeURIComponent(String(value));
		parts.push(`${encodeURIComponent(name)}=${text}`);
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

export function buildUrl(baseUrl: string, path: string, query: OperationCall['query']): string {
	return `${baseUrl}${path.startsWith('/') ? path : `/${path}`}${encodeQuery(query)}`;
}

export function decodeText(body: Uint8Array | undefined): string {
	return body && body.length ? new TextDecoder().decode(body) : '';
}

/** JSON body, or the text itself when it is not JSON, or `{}` when empty (204, 202 without body). */
export function parseBody(text: string): unknown {
	if (!text.trim()) return {};
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export function serializeBody(body: unknown): string | Uint8Array | undefined {
	if (body === undefined) return undefined;
	if (typeof body === 'string' || body instanceof Uint8Array) return body;
	return JSON.stringify(body);
}

function asEntry(value: unknown): AmazonErrorEntry | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const record = value as Record<string, unknown>;
	if (typeof record.code !== 'string' && typeof record.message !== 'string') return undefined;
	return {
		code: String(record.code ?? ''),
		message: String(record.message ?? ''),
		details: typeof record.details === 'string' ? record.details : undefined,
	};
}

/** Amazon's `{"errors":[{code,message,details}]}` (also a single `errors` object, seen on some v0 paths). */
export function extractErrors(data: unknown): AmazonErrorEntry[] {
	if (!data || typeof data !== 'object') return [];
	const errors = (data as Record<string, unknown>).errors;
	const list = Array.isArray(errors) ? errors : [errors];
	return list.map(asEntry).filter((entry): entry is AmazonErrorEntry => entry !== undefined);
}

const EXPIRED_TOKEN_PATTERNS = [
	/access token you provided has expired/i,
	/access token you provided is revoked, malformed or invalid/i,
	/access token is missing/i,
	/access token.*(expired|revoked|malformed|invalid)/i,
];

/** SP-API answers an expired/invalid LWA token with 403 Unauthorized; the text may be in `details` or `message`. */
export function isExpiredTokenError(errors: AmazonErrorEntry[]): boolean {
	return errors.some((entry) =>
		EXPIRED_TOKEN_PATTERNS.some(
			(pattern) => pattern.test(entry.details ?? '') || pattern.test(entry.message),
		),
	);
}

/** `x-amzn-RateLimit-Limit` as requests per second, when present and sane. */
export function parseRateLimitHeader(headers: Record<string, string>): number | undefined {
	const raw = headers['x-amzn-ratelimit-limit'];
	if (raw === undefined) return undefined;
	const rate = Number.parseFloat(raw);
	return Number.isFinite(rate) && rate > 0 ? rate : undefined;
}

export function unwrapPayload(data: unknown): unknown {
	if (data && typeof data === 'object' && 'payload' in (data as Record<string, unknown>)) {
		return (data as Record<string, unknown>).payload;
	}
	return data;
}
