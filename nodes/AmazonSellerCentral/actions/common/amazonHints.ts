import { SpApiError } from '../../../AmazonSpApi/core/http/errors';

/**
 * What to do about Amazon's answer, per operation and HTTP status. The transport's hints are generic (a 400 on any
 * call mentions order dates); these replace them where the operation says more.
 */
const OPERATION_HINTS: Record<string, Partial<Record<number, string>>> = {
	'ordersV0.confirmShipment': {
		400: 'Amazon refused the shipment confirmation. Common causes: the order is no longer unshipped (check it with Order → Get), an item quantity above what is left to ship, a carrier code outside Amazon\'s list (add a carrier mapping, or send "Other" with a carrier name), a ship date in the future or before the order date, or a package reference ID used before for this order.',
		404: 'Amazon knows no such order for this seller account: check the order ID and that the credential belongs to the seller who received the order.',
	},
	'ordersV0.getOrder': {
		404: 'Amazon knows no such order for this seller account: check the order ID and that the credential belongs to the seller who received the order. Nothing was sent for this order.',
	},
	'ordersV0.getOrderItems': {
		404: 'Amazon knows no such order for this seller account: check the order ID. Nothing was sent for this order.',
	},
	'feeds.createFeedDocument': {
		400: 'Amazon refused to create the feed document: check the credential\'s region and marketplace. Nothing was sent.',
	},
	'feeds.createFeed': {
		400: 'Amazon refused the feed: check the seller ID (merchant token) in the credential and that the order\'s marketplace belongs to the credential\'s region. The feed was not created, so it can be sent again after the fix.',
	},
};

/** The error with the operation's own hint when there is one; anything else unchanged. */
export function withOperationHint(error: unknown): unknown {
	if (!(error instanceof SpApiError) || !error.operation || error.status === undefined) return error;
	const hint = OPERATION_HINTS[error.operation]?.[error.status];
	return hint ? new SpApiError({ ...error, message: error.message, hint }) : error;
}

/** Runs an SP-API call; its failure carries the operation's own hint. */
export async function withOperationHints<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw withOperationHint(error);
	}
}
