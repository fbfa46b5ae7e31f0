export * from './types';
export * from './windows';
export * from './purchaseOrders';
export * from './acknowledgements';
export * from './transactions';
export * from './shipments';
export * from './directFulfillment';
