/** Types for the CommonJS emulator entry point. */
/** A parsed JSON value, exactly what JSON.parse returns (tests navigate response bodies freely). */
export type Json = ReturnType<typeof JSON.parse>;
export interface EmulatorHandle {
	url: string;
	port: number;
	ctx: Json;
	stop(): Promise<void>;
}
export function start(options?: Record<string, unknown>): Promise<EmulatorHandle>;
export const CREDENTIALS: Record<string, string>;
export function validateResponse(modelFile: string, operationId: string, status: number, body: unknown): string[];
