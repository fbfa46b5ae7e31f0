export const RATE_TABLE: Record<string, [number, number]>;
export const SANDBOX_PLAN: [number, number];
export const DEFAULT_PLAN: [number, number];
export function planFor(operationKey: string): [number, number];
