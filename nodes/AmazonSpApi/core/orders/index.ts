export * from './types';
export { PENDING_STATUSES, statusFromV2026, statusToV2026 } from './statuses';
export { normalizeV0Order, normalizeV2026Order } from './normalize';
export { assertOrderId, clampToSafeNow, normalizeDateFilters, resolveMarketplaceIds, SAFE_LAG_MS } from './validate';
export { explainPiiError, PII_ROLES_HINT } from './pii';
export {
	buildSearchCall,
	fetchV0Items,
	matchesFilters,
	OrderSearch,
	prepareFilters,
	searchOrders,
	V0_ORDERS_PATH,
	V2026_ORDERS_PATH,
} from './search';
export { getOrder, getOrderItems } from './read';
