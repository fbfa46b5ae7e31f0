/** Types for the JS test helper (tests are TypeScript, the emulator is CommonJS). */
export interface EmulatorResponse {
	status: number;
	headers: Headers;
	text: string;
	body: any;
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
	ctx: any;
	stop(): Promise<void>;
	raw(method: string, path: string, options?: { body?: any; headers?: Record<string, string>; form?: boolean }): Promise<EmulatorResponse>;
	lwa(fields: Record<string, string>, options?: { json?: boolean }): Promise<EmulatorResponse>;
	token(kind?: 'seller' | 'vendor'): Promise<string>;
	forgetTokens(): void;
	call(method: string, path: string, options?: CallOptions): Promise<EmulatorResponse>;
	inspect(method: string, path: string, body?: unknown): Promise<any>;
	advance(ms: number): Promise<any>;
	inject(orders: unknown): Promise<any[]>;
	setFaults(spec: string): Promise<any>;
	calls(operation?: string): Promise<any>;
}
export function startEmulator(options?: Record<string, unknown>): Promise<TestEmulator>;
export const CREDENTIALS: Record<string, string>;
export function withQuery(path: string, query?: Record<string, unknown>): string;
