import { SpApiClient, type SpApiClientOptions } from '../../nodes/AmazonSpApi/core/http/client';
import { RateLimiter } from '../../nodes/AmazonSpApi/core/http/limiter';
import { LwaTokenCache } from '../../nodes/AmazonSpApi/core/http/lwa';
import { RdtCache } from '../../nodes/AmazonSpApi/core/http/rdt';
import type { Logger, SpApiCredentials } from '../../nodes/AmazonSpApi/core/types';
import { ScriptedHttp, TEST_CREDENTIALS } from './scriptedHttp';
import { VirtualClock } from './virtualClock';

export interface LogEntry {
	level: 'debug' | 'warn';
	message: string;
	meta?: Record<string, unknown>;
}

export class RecordingLogger implements Logger {
	readonly entries: LogEntry[] = [];

	debug(message: string, meta?: Record<string, unknown>): void {
		this.entries.push({ level: 'debug', message, meta });
	}

	warn(message: string, meta?: Record<string, unknown>): void {
		this.entries.push({ level: 'warn', message, meta });
	}
}

export interface TestRig {
	client: SpApiClient;
	http: ScriptedHttp;
	clock: VirtualClock;
	limiter: RateLimiter;
	tokens: LwaTokenCache;
	logger: RecordingLogger;
}

/** A client with private caches, a virtual clock, deterministic jitter and a recording logger. */
export function createTestClient(
	options: {
		http?: ScriptedHttp;
		credentials?: Partial<SpApiCredentials>;
		clock?: VirtualClock;
		limiter?: RateLimiter;
		tokens?: LwaTokenCache;
	} & Partial<Pick<SpApiClientOptions, 'maxThrottleRetries' | 'maxServerRetries' | 'rdtCache'>> = {},
): TestRig {
	const http = options.http ?? new ScriptedHttp();
	const clock = options.clock ?? new VirtualClock();
	const limiter = options.limiter ?? new RateLimiter({ clock });
	const tokens = options.tokens ?? new LwaTokenCache();
	const logger = new RecordingLogger();
	const client = new SpApiClient({
		credentials: { ...TEST_CREDENTIALS, ...options.credentials },
		http: http.client,
		clock,
		limiter,
		tokens,
		logger,
		rdtCache: options.rdtCache ?? new RdtCache(),
		random: () => 0.5,
		maxThrottleRetries: options.maxThrottleRetries,
		maxServerRetries: options.maxServerRetries,
	});
	return { client, http, clock, limiter, tokens, logger };
}

/** Resolves to the rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('Expected the promise to reject');
}
