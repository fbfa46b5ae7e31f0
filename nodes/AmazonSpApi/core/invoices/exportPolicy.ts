/**
 * Per-marketplace export of business (B2B) and consumer (B2C) orders: sellers often invoice or confirm only some
 * marketplaces themselves. Orders outside the policy are skipped with the reason, and nothing is sent for them.
 */

export interface ExportPolicy {
	/** Marketplaces whose business orders are exported; undefined: all of them. */
	businessMarketplaceIds?: readonly string[];
	/** Marketplaces whose consumer orders are exported; undefined: all of them. */
	consumerMarketplaceIds?: readonly string[];
}

export type ExportDecision = { export: true } | { export: false; reason: string };

export function exportDecision(policy: ExportPolicy, order: { marketplaceId: string; isBusiness: boolean }): ExportDecision {
	const allowed = order.isBusiness ? policy.businessMarketplaceIds : policy.consumerMarketplaceIds;
	if (!allowed || allowed.includes(order.marketplaceId)) return { export: true };
	const kind = order.isBusiness ? 'business (B2B)' : 'consumer (B2C)';
	return {
		export: false,
		reason: `${kind} orders of marketplace ${order.marketplaceId} are not in the export list${allowed.length ? ` (${allowed.join(', ')})` : ' (none selected)'}`,
	};
}
