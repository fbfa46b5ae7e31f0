/** Types for the JS test helper (tests are TypeScript, the emulator is CommonJS). */
/** A parsed JSON value, exactly what JSON.parse returns (tests navigate response bodies freely). */
export type Json = ReturnType<typeof JSON.parse>;
export interface EmulatorResponse {
	status: number;
	headers: Headers;
	text: string;
	body: Json;
}
export interface CallOptions {
	as?: 'seller' | 'vendor' | null;
	token?: string;
	query?: Record<string, string | number | boolean | string[] | undefined>;
	body?: unknown;
	headers?: Record<string, string>;
}
export interface TestEmulator {
	url: string;
	port: number;
	ctx: Json;
	stop(): Promise<void>;
	raw(method: string, path: string, options?: { body?: Json; headers?: Record<string, string>; form?: boolean }): Promise<EmulatorResponse>;
	lwa(fields: Record<string, string>, options?: { json?: boolean }): Promise<EmulatorResponse>;
	token(kind?: 'seller' | 'vendor'): Promise<string>;
	forgetTokens(): void;
	call(method: string, path: string, options?: CallOptions): Promise<EmulatorResponse>;
	inspect(method: string, path: string, body?: unknown): Promise<Json>;
	advance(ms: number): Promise<Json>;
	inject(orders: unknown): Promise<Json[]>;
	setFaults(spec: string): Promise<Json>;
	calls(operation?: string): Promise<Json>;
}
export function startEmulator(options?: Record<string, unknown>): Promise<TestEmulator>;
export const CREDENTIALS: Record<string, string>;
export function withQuery(path: string, query?: Record<string, unknown>): string;
