import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Output items built by the operation itself (e.g. with binary data); the router adds pairedItem. */
export interface OutputItems {
	readonly outputItems: INodeExecutionData[];
}

export type ItemResult = IDataObject | IDataObject[] | OutputItems;

/** Marks items with binary data as the operation's output for one input item. */
export function outputItems(items: INodeExecutionData[]): OutputItems {
	return { outputItems: items };
}

export function isOutputItems(result: ItemResult): result is OutputItems {
	return !Array.isArray(result) && Array.isArray((result as Partial<OutputItems>).outputItems) && Object.keys(result).length === 1;
}

export interface PreparedItem<P = unknown> {
	itemIndex: number;
	prepared: P;
}

/** Outcome of a batch operation for one input item: output JSON or an error that belongs to that item. */
export interface BatchResult {
	itemIndex: number;
	json?: IDataObject;
	/** Several output items for this input item (e.g. one per SKU), all paired with `itemIndex`. */
	jsonItems?: IDataObject[];
	error?: Error;
}

/**
 * Shape of an `<op>.operation.ts` module.
 *
 * The router first calls `prepare` for EVERY input item (validation and reads only, never a write), so bad input
 * anywhere stops the execution before anything is sent to Amazon. Then it either calls `execute` once per item or,
 * when `isBatch` says so, `executeBatch` once with all prepared items (one feed per execution).
 */
export interface OperationModule {
	description: INodeProperties[];
	prepare?(this: IExecuteFunctions, itemIndex: number): Promise<unknown>;
	execute?(this: IExecuteFunctions, itemIndex: number, prepared: unknown): Promise<ItemResult>;
	isBatch?(this: IExecuteFunctions): boolean;
	executeBatch?(this: IExecuteFunctions, items: PreparedItem[]): Promise<BatchResult[]>;
}
