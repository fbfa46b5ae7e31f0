import type { IDataObject, IExecuteFunctions, IHttpRequestHelper, IN8nHttpFullResponse } from 'n8n-workflow';

import type { HttpClient, HttpRequest, HttpResponse } from '../core/types';

/** Anything with n8n's `helpers.httpRequest` (execute, poll, load-options and preAuthentication contexts). */
export type HttpRequestContext = IHttpRequestHelper;

function toBytes(body: unknown): Uint8Array {
	if (body === undefined || body === null) return new Uint8Array();
	if (body instanceof Uint8Array) return body;
	if (body instanceof ArrayBuffer) return new Uint8Array(body);
	if (typeof body === 'string') return new TextEncoder().encode(body);
	return new TextEncoder().encode(JSON.stringify(body));
}

function toRequestBody(body: HttpRequest['body']): string | Buffer | undefined {
	if (body === undefined || typeof body === 'string') return body;
	return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

function lowerCaseHeaders(headers: IDataObject | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined || value === null) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

/**
 * The core's HttpClient on top of n8n's `helpers.httpRequest`: raw bytes in and out, every status returned (the core
 * maps errors itself). Deliberately separate from any getCredentials call (lint rule no-http-request-with-manual-auth):
 * the core adds the LWA token it manages itself.
 */
export function createHttpClient(context: HttpRequestContext): HttpClient {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const response = (await context.helpers.httpRequest({
			method: request.method,
			url: request.url,
			headers: request.headers,
			body: toRequestBody(request.body),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: request.stream ? 'stream' : 'arraybuffer',
			json: false,
		})) as IN8nHttpFullResponse;
		const status = response.statusCode;
		const headers = lowerCaseHeaders(response.headers);
		if (request.stream && isByteStream(response.body)) {
			rememberReadableFrom(response.body);
			// Documents stream; error bodies are small and read whole, for the error message.
			if (status >= 200 && status < 300) return { status, headers, body: new Uint8Array(), stream: response.body };
			return { status, headers, body: await readAll(response.body) };
		}
		return { status, headers, body: toBytes(response.body) };
	};
}

/** Node's Readable, as n8n's binary helpers name it (the type is reached without importing node:stream). */
export type Readable = Exclude<Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0], Buffer>;
type ReadableFrom = (source: AsyncIterable<Uint8Array>) => Readable;
let readableFrom: ReadableFrom | undefined;

/**
 * n8n's lint allows no `node:stream` import, yet n8n's binary helpers take a Node Readable. The response stream of
 * n8n's own HTTP helper is one, and its class inherits Readable's static `from`: that is kept (it is the same for the
 * whole process) to turn a document's chunks back into a Readable.
 */
function rememberReadableFrom(body: object): void {
	const from = (body.constructor as { from?: unknown }).from;
	if (!readableFrom && typeof from === 'function') readableFrom = (source) => from.call(body.constructor, source) as Readable;
}

/** A Node Readable over the chunks, when a streamed response has shown how to make one; undefined otherwise. */
export function toNodeReadable(chunks: AsyncIterable<Uint8Array>): Readable | undefined {
	return readableFrom?.(chunks);
}

function isByteStream(body: unknown): body is AsyncIterable<Uint8Array> {
	return typeof (body as AsyncIterable<Uint8Array> | undefined)?.[Symbol.asyncIterator] === 'function';
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const chunk of stream) parts.push(chunk);
	return toBytes(Buffer.concat(parts));
}
