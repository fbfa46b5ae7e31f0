import type { Logger, UsagePlan } from '../types';

/** For operations not in the table: slow enough to be safe for any SP-API operation. */
export const DEFAULT_USAGE_PLAN: UsagePlan = { rate: 0.5, burst: 1 };

/** Sandbox-only operations whose model states no plan; Amazon's sandbox shares 5 rps, burst 15. */
const SANDBOX_PLAN: UsagePlan = { rate: 5, burst: 15 };

type PlanTable = Record<string, Record<string, [rate: number, burst: number] | UsagePlan>>;

// Defaults from REFERENCE §15 (Amazon's model descriptions). Orders uses dynamic plans: the header adapts them.
const TABLE: PlanTable = {
	ordersV0: {
		getOrders: [0.0167, 20],
		getOrder: [0.5, 30],
		getOrderBuyerInfo: [0.5, 30],
		getOrderAddress: [0.5, 30],
		getOrderItems: [0.5, 30],
		getOrderItemsBuyerInfo: [0.5, 30],
		updateShipmentStatus: [5, 15],
		getOrderRegulatedInfo: [0.5, 30],
		updateVerificationStatus: [0.5, 30],
		confirmShipment: [2, 10],
	},
	orders: { searchOrders: [0.0056, 20], getOrder: [0.5, 30], cancelOrder: [1, 5] },
	reports: {
		getReports: [0.0222, 10],
		createReport: [0.0167, 15],
		getReport: [2, 15],
		cancelReport: [0.0222, 10],
		getReportSchedules: [0.0222, 10],
		createReportSchedule: [0.0222, 10],
		getReportSchedule: [0.0222, 10],
		cancelReportSchedule: [0.0222, 10],
		getReportDocument: [0.0167, 15],
	},
	feeds: {
		getFeeds: [0.0222, 10],
		createFeed: [0.0083, 15],
		getFeed: [2, 15],
		cancelFeed: [2, 15],
		createFeedDocument: [0.5, 15],
		getFeedDocument: [0.0222, 10],
	},
	vendorOrders: {
		getPurchaseOrders: [10, 10],
		getPurchaseOrder: [10, 10],
		submitAcknowledgement: [10, 10],
		getPurchaseOrdersStatus: [10, 10],
	},
	vendorTransactionStatus: { getTransaction: [10, 20] },
	vendorShipments: {
		SubmitShipmentConfirmations: [10, 10],
		GetShipmentDetails: [10, 10],
		SubmitShipments: [10, 10],
		GetShipmentLabels: [10, 10],
	},
	vendorDFOrders: { getOrders: [10, 10], getOrder: [10, 10], submitAcknowledgement: [10, 10] },
	vendorDFShipping: {
		getShippingLabels: [10, 10],
		submitShippingLabelRequest: [10, 10],
		getShippingLabel: [10, 10],
		createShippingLabels: [10, 10],
		submitShipmentConfirmations: [10, 10],
		submitShipmentStatusUpdates: [10, 10],
		getCustomerInvoices: [10, 10],
		getCustomerInvoice: [10, 10],
		getPackingSlips: [10, 10],
		getPackingSlip: [10, 10],
		createContainerLabel: [10, 10],
	},
	vendorDFTransactions: { getTransactionStatus: [10, 10] },
	vendorDFSandbox: { generateOrderScenarios: SANDBOX_PLAN, getOrderScenarios: SANDBOX_PLAN },
	listingsItems: {
		getListingsItem: [5, 10],
		putListingsItem: [5, 10],
		deleteListingsItem: [5, 5],
		patchListingsItem: [5, 5],
		searchListingsItems: [5, 5],
	},
	productTypeDefinitions: {
		searchDefinitionsProductTypes: [5, 10],
		getDefinitionsProductType: [5, 10],
	},
	sellers: { getMarketplaceParticipations: [0.016, 15], getAccount: [0.016, 15] },
	tokens: { createRestrictedDataToken: [1, 10] },
	fbaInventory: {
		getInventorySummaries: [2, 2],
		createInventoryItem: SANDBOX_PLAN,
		deleteInventoryItem: SANDBOX_PLAN,
		addInventory: SANDBOX_PLAN,
	},
	productPricingV0: {
		getPricing: [0.5, 1],
		getCompetitivePricing: [0.5, 1],
		getListingOffers: [1, 2],
		getItemOffers: [0.5, 1],
		getItemOffersBatch: [0.1, 1],
		getListingOffersBatch: [0.5, 1],
	},
	productPricing: { getFeaturedOfferExpectedPriceBatch: [0.033, 1], getCompetitiveSummary: [0.033, 1] },
	notifications: {
		getSubscriptions: [1, 5],
		getSubscription: [1, 5],
		createSubscription: [1, 5],
		getSubscriptionById: [1, 5],
		deleteSubscriptionById: [1, 5],
		sendTestNotification: [1, 5],
		getDestinations: [1, 5],
		createDestination: [1, 5],
		getDestination: [1, 5],
		deleteDestination: [1, 5],
	},
	catalogItems: { searchCatalogItems: [2, 2], getCatalogItem: [2, 2] },
	productFeesV0: {
		getMyFeesEstimateForSKU: [1, 2],
		getMyFeesEstimateForASIN: [1, 2],
		getMyFeesEstimates: [0.5, 1],
	},
	applications: { rotateApplicationClientSecret: [0.0167, 1] },
};

export const USAGE_PLANS: Readonly<Record<string, UsagePlan>> = Object.fromEntries(
	Object.entries(TABLE).flatMap(([api, operations]) =>
		Object.entries(operations).map(([operationId, plan]) => [
			`${api}.${operationId}`,
			Array.isArray(plan) ? { rate: plan[0], burst: plan[1] } : plan,
		]),
	),
);

const warnedUnknown = new Set<string>();

/** Usage plan of `<api>.<operationId>`; unknown keys get DEFAULT_USAGE_PLAN and one warning per process. */
export function getUsagePlan(operation: string, logger?: Logger): UsagePlan {
	const plan = USAGE_PLANS[operation];
	if (plan) return plan;
	if (logger && !warnedUnknown.has(operation)) {
		warnedUnknown.add(operation);
		logger.warn('SP-API operation has no known usage plan; using a conservative default', {
			operation,
			rate: DEFAULT_USAGE_PLAN.rate,
			burst: DEFAULT_USAGE_PLAN.burst,
		});
	}
	return DEFAULT_USAGE_PLAN;
}

/**
 * The part of a usage plan one process may use when several share a selling partner (n8n queue mode: the main and
 * each worker hold their own limiter). Rate and burst scale together; with shares summing to at most 1, the
 * processes together never exceed Amazon's bucket.
 */
export function sharePlan(plan: UsagePlan, share: number): UsagePlan {
	if (share >= 1) return plan;
	return { rate: plan.rate * share, burst: Math.max(1, plan.burst * share) };
}

/** A credential's "share of the rate limits" in percent (1-100) as a fraction; anything else means the whole plan. */
export function rateShareFromPercent(percent: unknown): number {
	const value = Number(percent);
	if (!Number.isFinite(value) || value <= 0 || value >= 100) return 1;
	return Math.max(value, 1) / 100;
}
