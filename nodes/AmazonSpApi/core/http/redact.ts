export const REDACTED = '[redacted]';

/** Shorter values are not treated as secrets: scrubbing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 6;
const MAX_DEPTH = 8;

/** LWA access/refresh tokens and RDTs, even ones this redactor has never seen (e.g. echoed by a proxy). */
const AMAZON_TOKEN_PATTERN = /Atz[a-z.]*(\||%7C)[^\s"'&,;<>]+/gi;

/**
 * Remembers every secret it is given (client secret, refresh token, access tokens, RDTs) and scrubs them, in raw and
 * URL-encoded form, from strings and nested values. Every error message, detail and log entry passes through it.
 */
export class Redactor {
	private readonly secrets = new Set<string>();
	private ordered: string[] = [];

	add(...values: Array<string | undefined>): void {
		let changed = false;
		for (const value of values) {
			if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
			for (const form of [value, encodeURIComponent(value)]) {
				if (!this.secrets.has(form)) {
					this.secrets.add(form);
					changed = true;
				}
			}
		}
		if (changed) this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
	}

	scrub(text: string): string {
		let result = text;
		for (const secret of this.ordered) {
			if (result.includes(secret)) result = result.split(secret).join(REDACTED);
		}
		return result.replace(AMAZON_TOKEN_PATTERN, REDACTED);
	}

	/** Deep copy of `value` with every string scrubbed. */
	scrubValue<T>(value: T): T {
		return this.scrubAny(value, 0) as T;
	}

	private scrubAny(value: unknown, depth: number): unknown {
		if (typeof value === 'string') return this.scrub(value);
		if (value === null || typeof value !== 'object') return value;
		if (depth >= MAX_DEPTH) return REDACTED;
		if (Array.isArray(value)) return value.map((entry) => this.scrubAny(entry, depth + 1));
		if (value instanceof Uint8Array) return value;
		if (value instanceof Error) return this.scrub(value.message);
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = this.scrubAny(entry, depth + 1);
		return copy;
	}
}
