import type { Clock, HttpRequest, HttpResponse, OperationCall, SpApiRequester, SpApiResponse } from '../../../nodes/AmazonSpApi/core/types';

export type OperationHandler = (call: OperationCall) => unknown;
export type TransferHandler = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/** Virtual clock: sleeping advances time instantly. */
export function virtualClock(start = Date.parse('2026-01-01T00:00:00Z')): Clock & { sleeps: number[] } {
	let now = start;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => now,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
		},
	};
}

export function textResponse(text: string | Uint8Array, contentType = 'text/plain', status = 200): HttpResponse {
	const body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	return { status, headers: { 'content-type': contentType }, body };
}

/**
 * A small SpApiRequester whose operations and transfers are answered by scripted handlers (keyed by operation
 * and by URL), recording every call.
 */
export class ScriptedRequester implements SpApiRequester {
	readonly calls: OperationCall[] = [];
	readonly transfers: HttpRequest[] = [];
	readonly rdtRequests: unknown[] = [];
	readonly clock = virtualClock();
	readonly partnerKey = 'test-partner';
	readonly region = 'eu' as const;

	constructor(
		private readonly operations: Record<string, OperationHandler>,
		private readonly transferHandlers: Record<string, TransferHandler> = {},
	) {}

	async request<T>(call: OperationCall): Promise<SpApiResponse<T>> {
		this.calls.push(call);
		const handler = this.operations[call.operation];
		if (!handler) throw new Error(`unexpected operation ${call.operation}`);
		return { status: 200, headers: {}, data: (await handler(call)) as T };
	}

	async transfer(request: HttpRequest): Promise<HttpResponse> {
		this.transfers.push(request);
		const handler = this.transferHandlers[request.url];
		if (!handler) throw new Error(`unexpected transfer ${request.method} ${request.url}`);
		return handler(request);
	}

	async restrictedDataToken(resources: unknown[]): Promise<string> {
		this.rdtRequests.push(...resources);
		return 'Atz.sprdt|test-rdt';
	}

	operationsCalled(): string[] {
		return this.calls.map((call) => call.operation);
	}
}

export async function gzipBytes(data: string | Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}
