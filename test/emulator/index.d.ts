/** Types for the CommonJS emulator entry point. */
export interface EmulatorHandle {
	url: string;
	port: number;
	ctx: any;
	stop(): Promise<void>;
}
export function start(options?: Record<string, unknown>): Promise<EmulatorHandle>;
export const CREDENTIALS: Record<string, string>;
export function validateResponse(modelFile: string, operationId: string, status: number, body: unknown): string[];
