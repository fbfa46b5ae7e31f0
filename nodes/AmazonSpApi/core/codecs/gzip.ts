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

const PLAIN_CHUNK_BYTES = 1 << 20;

/**
 * Decompressed chunks of a document, produced as they are consumed, so a large report never exists as one
 * decompressed buffer (nor, downstream, as one decoded string). Plain (non-gzip) bytes are sliced into 1 MiB chunks.
 */
export async function* gunzipChunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	if (!isGzip(bytes)) {
		for (let start = 0; start < bytes.length; start += PLAIN_CHUNK_BYTES) {
			yield bytes.subarray(start, start + PLAIN_CHUNK_BYTES);
		}
		return;
	}
	try {
		yield* readChunks(gunzipStream(bytesToStream(bytes)));
	} catch (error) {
		throw decompressionFailed(error);
	}
}
