import type { AmazonErrorEntry, SpApiErrorKind } from '../types';

export interface SpApiErrorInit {
	kind: SpApiErrorKind;
	message: string;
	status?: number;
	/** Usage-plan key of the failed call, e.g. `ordersV0.getOrders`. */
	operation?: string;
	code?: string;
	amazonMessage?: string;
	details?: string;
	/** Value of the `x-amzn-RequestId` response header. */
	requestId?: string;
	errors?: AmazonErrorEntry[];
	retryAfterMs?: number;
	/** What the user can do about it. */
	hint?: string;
}

/** Failure reported by Amazon (SP-API or LWA) or on the way to it. Messages are already redacted. */
export class SpApiError extends Error {
	readonly kind: SpApiErrorKind;
	readonly status?: number;
	readonly operation?: string;
	readonly code?: string;
	readonly amazonMessage?: string;
	readonly details?: string;
	readonly requestId?: string;
	readonly errors: AmazonErrorEntry[];
	readonly retryAfterMs?: number;
	readonly hint?: string;

	constructor(init: SpApiErrorInit) {
		super(init.message);
		this.name = 'SpApiError';
		this.kind = init.kind;
		this.status = init.status;
		this.operation = init.operation;
		this.code = init.code;
		this.amazonMessage = init.amazonMessage;
		this.details = init.details;
		this.requestId = init.requestId;
		this.errors = init.errors ?? [];
		this.retryAfterMs = init.retryAfterMs;
		this.hint = init.hint;
	}
}

/** The same error with some fields replaced (a clearer message and hint, a scrubbed text). */
export function reviseSpApiError(error: SpApiError, changes: Partial<SpApiErrorInit>): SpApiError {
	const { kind, status, operation, code, amazonMessage, details, requestId, errors, retryAfterMs, hint, message } = error;
	return new SpApiError({
		...{ kind, status, operation, code, amazonMessage, details, requestId, errors, retryAfterMs, hint, message },
		...changes,
	});
}

/** Code of the SpApiError thrown when the local limiter refuses to wait longer than `maxWaitMs`. */
export const LOCAL_RATE_LIMIT_CODE = 'LocalRateLimit';

/** The call was refused locally because a rate-limit token was too far away; nothing was sent to Amazon. */
export function isLocalRateLimitRefusal(error: unknown): error is SpApiError {
	return error instanceof SpApiError && error.code === LOCAL_RATE_LIMIT_CODE;
}

/** Invalid configuration or parameter, detected before anything is sent. */
export class SpApiInputError extends Error {
	/** Name of the credential field or node parameter at fault, e.g. `marketplaceId`. */
	readonly field: string;
	readonly hint?: string;

	constructor(field: string, message: string, hint?: string) {
		super(message);
		this.name = 'SpApiInputError';
		this.field = field;
		this.hint = hint;
	}
}
