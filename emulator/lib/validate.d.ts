export function validateResponse(modelFile: string, operationId: string, status: number, body: unknown): string[];
