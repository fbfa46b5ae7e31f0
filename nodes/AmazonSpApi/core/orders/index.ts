export * from './types';
export { PENDING_STATUSES, statusFromV2026, statusToV2026 } from './statuses';
export { normalizeV0Order, normalizeV2026Order } from './normalize';
export { assertOrderId, clampToSafeNow, normalizeDateFilters, resolveMarketplaceIds, SAFE_LAG_MS } from './validate';
export { explainPiiError, PII_ROLES_HINT } from './pii';
export { buildSearchCall, matchesFilters, OrderSearch, prepareFilters, searchOrders } from './search';
export {
	fetchV0Items,
	ordersApi,
	V0_ORDERS_PATH,
	V0_PII_ELEMENTS,
	V2026_ORDERS_PATH,
	v2026IncludedData,
	withOrderItems,
	type OrdersApi,
} from './versions';
export { getOrder, getOrderItems } from './read';
