import { SpApiError } from './errors';
import type { AmazonErrorEntry, HttpRequest, HttpResponse, OperationCall, UsagePlan } from '../types';
import { decodeText } from './wire';

/** A failed SP-API response, as seen by the client. */
export interface FailedCall {
	call: OperationCall;
	status: number;
	errors: AmazonErrorEntry[];
	requestId?: string;
	data: unknown;
}

const MAX_TEXT_IN_MESSAGE = 300;

interface CallFlags {
	idempotent: boolean;
	expiredToken: boolean;
}

function truncate(text: string): string {
	return text.length > MAX_TEXT_IN_MESSAGE ? `${text.slice(0, MAX_TEXT_IN_MESSAGE)}…` : text;
}

function describeEntry(entry: AmazonErrorEntry | undefined, data: unknown): string {
	if (entry) return [entry.code, entry.message].filter(Boolean).join(': ');
	return typeof data === 'string' ? truncate(data) : 'no error details in the response';
}

function formatRate(rate: number): string {
	return Number(rate.toPrecision(3)).toString();
}

const TIMEOUT_PATTERN = /timeout|timed out|ETIMEDOUT|ECONNABORTED/i;

export function networkError(operation: string, error: unknown): SpApiError {
	const message = error instanceof Error ? error.message : String(error);
	const code = (error as { code?: unknown })?.code;
	const timedOut = TIMEOUT_PATTERN.test(`${message} ${typeof code === 'string' ? code : ''}`);
	return new SpApiError({
		kind: timedOut ? 'timeout' : 'network',
		operation,
		code: typeof code === 'string' ? code : undefined,
		message: `${operation}: ${timedOut ? 'request timed out' : 'network error'} (${message})`,
		hint: 'Check the network connection to Amazon (or the custom base URL) and try again.',
	});
}

/** Pre-signed S3 URLs carry a signature in the query string: only origin and path appear in errors. */
function safeUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return '(invalid URL)';
	}
}

export function transferError(request: HttpRequest, response: HttpResponse): SpApiError {
	const text = truncate(decodeText(response.body));
	const expired = response.status === 403 && /expired/i.test(text);
	return new SpApiError({
		kind: 'api',
		status: response.status,
		operation: 'documents.transfer',
		message: `${request.method} ${safeUrl(request.url)} failed with HTTP ${response.status}`,
		details: text,
		hint: expired
			? 'Pre-signed document URLs expire after 5 minutes; request a new document URL and retry.'
			: 'Request a new document URL and retry. For uploads, the Content-Type must equal the one given to createFeedDocument.',
	});
}

export function throttledError(
	failed: FailedCall,
	plan: UsagePlan,
	currentRate: number,
	retries: number,
): SpApiError {
	const retryAfterMs = Math.max(1000, Math.ceil(1000 / currentRate));
	const first = failed.errors[0];
	return new SpApiError({
		kind: 'throttled',
		status: 429,
		operation: failed.call.operation,
		code: first?.code ?? 'QuotaExceeded',
		amazonMessage: first?.message,
		details: first?.details,
		requestId: failed.requestId,
		errors: failed.errors,
		retryAfterMs,
		message: `Amazon throttled ${failed.call.operation} (HTTP 429 ${first?.code ?? 'QuotaExceeded'}) ${retries + 1} times in a row. Its usage plan restores ${formatRate(currentRate)} requests per second (burst ${plan.burst}); wait at least ${Math.ceil(retryAfterMs / 1000)} s before calling it again`,
		hint: 'Run this less often or process fewer items per run. Every workflow using the same Amazon account shares this limit.',
	});
}

function hintFor(failed: FailedCall, flags: CallFlags): string {
	const { status } = failed;
	if (flags.expiredToken) {
		return failed.call.restrictedDataToken
			? 'The Restricted Data Token expired or does not cover this path; request a new one.'
			: 'Amazon rejected the access token even after a refresh. Re-authorize the app and update the refresh token in the credential.';
	}
	if (status === 401 || status === 403) {
		return 'The app may lack the SP-API role this operation needs, the selling partner may not have authorised the app, or the marketplace does not belong to the credential region. Check the roles of the app in the Developer Console and the credential region.';
	}
	if (status === 400) {
		return 'Check the parameters. Amazon reports many causes as InvalidInput, for example order dates less than 2 minutes in the past or a marketplace of another region.';
	}
	if (status === 404) return 'Check the ID in the request: Amazon found no such resource for this account.';
	if (status >= 500 && !flags.idempotent) {
		return 'This call changes data, so it was not retried automatically to avoid doing it twice. Check in Seller/Vendor Central whether it took effect before retrying.';
	}
	if (status >= 500) return 'Amazon had an internal error and retries did not help; try again later.';
	return 'See Amazon\'s message and details.';
}

export function failedCallError(
	failed: FailedCall,
	flags: CallFlags,
): SpApiError {
	const first = failed.errors[0];
	const { status } = failed;
	return new SpApiError({
		kind: status === 401 || status === 403 ? 'auth' : 'api',
		status,
		operation: failed.call.operation,
		code: first?.code,
		amazonMessage: first?.message,
		details: first?.details || undefined,
		requestId: failed.requestId,
		errors: failed.errors,
		message: `${failed.call.operation} failed with HTTP ${status}: ${describeEntry(first, failed.data)}`,
		hint: hintFor(failed, flags),
	});
}
