export * from './orderProperties';
export * from './readOrderOptions';
