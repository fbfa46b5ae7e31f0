import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	JsonObject,
	LogMetadata,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { SpApiClient } from '../core/http/client';
import { readAccount, readRateShare, readSpApiCredentials, type SpApiAccount } from './credentials';
import { SpApiError, SpApiInputError } from '../core/http/errors';
import type { Logger, OperationCall, SpApiResponse } from '../core/types';
import { createHttpClient } from './httpAdapter';
import { n8nClock, processLimiter } from './runtime';

export { createHttpClient } from './httpAdapter';
export type { SpApiAccount } from './credentials';

export type SpApiContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;
export type SpApiCredentialType = 'amazonSellerCentralApi' | 'amazonVendorCentralApi';

export interface SpApiSession {
	client: SpApiClient;
	account: SpApiAccount;
}

/** One session per n8n context and credential type; tokens and rate limits are shared process-wide anyway. */
const sessions = new WeakMap<object, Map<SpApiCredentialType, Promise<SpApiSession>>>();

function n8nLogger(context: SpApiContext): Logger {
	return {
		debug: (message, meta) => context.logger?.debug(message, meta as LogMetadata),
		warn: (message, meta) => context.logger?.warn(message, meta as LogMetadata),
	};
}

async function createSession(
	context: SpApiContext,
	credentialType: SpApiCredentialType,
): Promise<SpApiSession> {
	const fields = (await context.getCredentials(credentialType)) as Record<string, unknown>;
	const credentials = readSpApiCredentials(fields);
	// The nodes don't use n8n's preAuthentication token: the core's own cache works the same on n8n 1.x and 2.x,
	// dedupes concurrent refreshes, keys tokens per selling partner and refreshes on Amazon's 403 "expired".
	const client = new SpApiClient({
		credentials,
		http: createHttpClient(context),
		clock: n8nClock,
		limiter: processLimiter,
		rateShare: readRateShare(fields),
		logger: n8nLogger(context),
	});
	const kind = credentialType === 'amazonVendorCentralApi' ? 'vendor' : 'seller';
	return { client, account: readAccount(kind, fields, credentials, client.endpoints) };
}

/** SP-API client and non-secret account facts for the node's credential. */
export async function getSpApiClient(
	this: SpApiContext,
	credentialType: SpApiCredentialType,
): Promise<SpApiSession> {
	let perType = sessions.get(this);
	if (!perType) {
		perType = new Map();
		sessions.set(this, perType);
	}
	let session = perType.get(credentialType);
	if (!session) {
		session = createSession(this, credentialType);
		perType.set(credentialType, session);
		session.catch(() => perType?.delete(credentialType));
	}
	try {
		return await session;
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** One SP-API call; failures become NodeApiError / NodeOperationError for `itemIndex`. */
export async function spApiRequest<T = unknown>(
	this: SpApiContext,
	credentialType: SpApiCredentialType,
	call: OperationCall,
	itemIndex?: number,
): Promise<SpApiResponse<T>> {
	const { client } = await getSpApiClient.call(this, credentialType);
	try {
		return await client.request<T>(call);
	} catch (error) {
		throw toNodeError(this.getNode(), error, itemIndex);
	}
}

function itemSuffix(itemIndex: number | undefined): string {
	return itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
}

function describeApiError(error: SpApiError): string {
	const lines = [error.hint];
	if (error.details) lines.push(`Details: ${error.details}`);
	for (const extra of error.errors.slice(1)) {
		lines.push(`Also: ${[extra.code, extra.message, extra.details].filter(Boolean).join(' - ')}`);
	}
	if (error.retryAfterMs !== undefined) lines.push(`Retry after about ${Math.ceil(error.retryAfterMs / 1000)} s.`);
	if (error.requestId) lines.push(`x-amzn-RequestId: ${error.requestId} (quote it when contacting Amazon support)`);
	return lines.filter(Boolean).join('\n');
}

/** Maps core errors to n8n errors. SpApiError → NodeApiError; SpApiInputError → NodeOperationError. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof SpApiInputError) {
		return new NodeOperationError(node, `${error.field}: ${error.message}${itemSuffix(itemIndex)}`, {
			itemIndex,
			description: error.hint,
		});
	}
	if (error instanceof SpApiError) {
		const response: JsonObject = {
			message: error.message,
			kind: error.kind,
			operation: error.operation ?? null,
			code: error.code ?? null,
			status: error.status ?? null,
			requestId: error.requestId ?? null,
		};
		return new NodeApiError(node, response, {
			message: `Amazon SP-API: ${error.message}${itemSuffix(itemIndex)}`,
			description: describeApiError(error),
			httpCode: error.status === undefined ? undefined : String(error.status),
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, `${message}${itemSuffix(itemIndex)}`, { itemIndex });
}
