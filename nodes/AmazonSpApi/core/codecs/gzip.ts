/**
 * Gzip handling without zlib: the WHATWG DecompressionStream available in Node >= 18.
 * Whether a document is compressed is decided by its magic bytes, never by `compressionAlgorithm` alone:
 * Amazon has labelled plain documents GZIP (python-amazon-sp-api#1076).
 */

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= GZIP_MAGIC.length && GZIP_MAGIC.every((value, index) => bytes[index] === value);
}

/** A stream over bytes already in memory (DecompressionStream consumes streams). */
export function bytesToStream(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
	return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
}

function decompressionFailed(error: unknown): Error {
	const reason = error instanceof Error ? error.message : String(error);
	return new Error(`The document could not be decompressed (corrupt or truncated gzip data): ${reason}`);
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	try {
		return new Uint8Array(await new Response(gunzipStream(bytesToStream(bytes))).arrayBuffer());
	} catch (error) {
		throw decompressionFailed(error);
	}
}

/** Gunzips the bytes when their magic bytes say gzip, otherwise returns them unchanged. */
export async function gunzipIfCompressed(bytes: Uint8Array): Promise<{ bytes: Uint8Array; compressed: boolean }> {
	return isGzip(bytes) ? { bytes: await gunzip(bytes), compressed: true } : { bytes, compressed: false };
}

/** Decompresses a stream of gzip bytes chunk by chunk. */
export function gunzipStream(
	source: ReadableStream<Uint8Array<ArrayBuffer>>,
): ReadableStream<Uint8Array<ArrayBuffer>> {
	return source.pipeThrough(new DecompressionStream('gzip'));
}

/** Iterates over the chunks of a stream; when the consumer stops early the stream is cancelled. */
export async function* readChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	let finished = false;
	try {
		while (true) {
			const result = await reader.read();
			if (result.done) {
				finished = true;
				return;
			}
			yield result.value;
		}
	} finally {
		if (!finished) await reader.cancel().catch(() => undefined);
		reader.releaseLock();
	}
}

/** A pull-based stream over an async iterable: a chunk is read only when the consumer asks for one. */
export function iterableToStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array<ArrayBuffer>> {
	const iterator = source[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array<ArrayBuffer>>(
		{
			async pull(controller) {
				const result = await iterator.next();
				if (result.done) controller.close();
				else controller.enqueue(result.value as Uint8Array<ArrayBuffer>);
			},
			async cancel(reason) {
				await iterator.return?.(reason);
			},
		},
		{ highWaterMark: 0 },
	);
}

async function* replay(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
	yield* head;
	for (;;) {
		const result = await rest.next();
		if (result.done) return;
		yield result.value;
	}
}

export interface DecompressedChunks {
	compressed: boolean;
	chunks: AsyncIterable<Uint8Array>;
}

/**
 * Peeks at the first bytes of a streamed document (however the network cut it into chunks) and, when they are gzip's
 * magic number, decompresses it chunk by chunk; otherwise passes the chunks through. Nothing is buffered beyond the
 * chunks in flight, so memory does not grow with the document.
 */
export async function gunzipIfCompressedChunks(source: AsyncIterable<Uint8Array>): Promise<DecompressedChunks> {
	const iterator = source[Symbol.asyncIterator]();
	const head: Uint8Array[] = [];
	let seen = 0;
	while (seen < GZIP_MAGIC.length) {
		const result = await iterator.next();
		if (result.done) break;
		head.push(result.value);
		seen += result.value.length;
	}
	const first = new Uint8Array(Math.min(seen, GZIP_MAGIC.length));
	let offset = 0;
	for (const chunk of head) {
		if (offset >= first.length) break;
		const part = chunk.subarray(0, first.length - offset);
		first.set(part, offset);
		offset += part.length;
	}
	const chunks = replay(head, iterator);
	if (!isGzip(first)) return { compressed: false, chunks };
	return { compressed: true, chunks: decompressing(chunks) };
}

const WRITTEN = Symbol('written');
const INPUT_SLICE_BYTES = 16 * 1024;

/**
 * Decompresses on demand. pipeThrough(DecompressionStream) is not used: Node's adapter behind it accepts up to 16,384
 * queued writes, so pipeTo buffers the compressed body as fast as the network delivers it (~the whole body when the
 * consumer is slower). Here one input slice is written at a time, and output is taken while that write waits.
 */
async function* decompressing(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	const stream = new DecompressionStream('gzip');
	const writer = stream.writable.getWriter();
	const reader = stream.readable.getReader();
	let pendingRead = reader.read();
	pendingRead.catch(() => undefined);
	let finished = false;
	const nextRead = () => {
		pendingRead = reader.read();
		pendingRead.catch(() => undefined);
	};
	try {
		for await (const chunk of source) {
			for (let offset = 0; offset < chunk.length; offset += INPUT_SLICE_BYTES) {
				const written = writer.write(chunk.subarray(offset, offset + INPUT_SLICE_BYTES) as Uint8Array<ArrayBuffer>).then(() => WRITTEN);
				for (;;) {
					const result = await Promise.race([written, pendingRead]);
					if (typeof result === 'symbol') break;
					if (result.done) throw new Error('the gzip stream ended before the document did');
					nextRead();
					yield result.value;
				}
			}
		}
		const closed = writer.close();
		closed.catch(() => undefined);
		for (let result = await pendingRead; !result.done; result = await pendingRead) {
			nextRead();
			yield result.value;
		}
		finished = true;
		await closed;
	} catch (error) {
		throw decompressionFailed(error);
	} finally {
		if (!finished) {
			await reader.cancel().catch(() => undefined);
			await writer.abort().catch(() => undefined);
		}
	}
}
