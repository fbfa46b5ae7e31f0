/**
 * Listings patches for a computed offer (REFERENCE §9.4), shared by patchListingsItem and JSON_LISTINGS_FEED
 * PATCH messages: `fulfillment_availability` (quantity, handling time) and `purchasable_offer` (our price, plus a
 * discounted price with its schedule for a sale). `replace` on purchasable_offer drops a sale the rules no longer
 * send, which is what the rules mean.
 */

import type { ComputedOffer } from './rules';

export interface ListingPatch {
	op: 'add' | 'replace' | 'merge' | 'delete';
	path: string;
	value: Array<Record<string, unknown>>;
}

/** Merchant-fulfilled stock; FBA stock is counted by Amazon, so "Update Stock for FBA Offers" sends it here too. */
export const MERCHANT_CHANNEL = 'DEFAULT';

export function fulfillmentAvailabilityPatch(offer: ComputedOffer): ListingPatch | undefined {
	if (offer.quantity === undefined) return undefined;
	const entry: Record<string, unknown> = { fulfillment_channel_code: MERCHANT_CHANNEL, quantity: offer.quantity };
	if (offer.handlingTimeDays !== undefined) entry.lead_time_to_ship_max_days = offer.handlingTimeDays;
	return { op: 'replace', path: '/attributes/fulfillment_availability', value: [entry] };
}

export function purchasableOfferPatch(offer: ComputedOffer): ListingPatch | undefined {
	if (offer.price === undefined) return undefined;
	const entry: Record<string, unknown> = {
		marketplace_id: offer.marketplaceId,
		currency: offer.currency,
		audience: 'ALL',
		our_price: [{ schedule: [{ value_with_tax: offer.price }] }],
	};
	if (offer.sale) {
		entry.discounted_price = [
			{ schedule: [{ start_at: offer.sale.startAt, end_at: offer.sale.endAt, value_with_tax: offer.sale.price }] },
		];
	}
	return { op: 'replace', path: '/attributes/purchasable_offer', value: [entry] };
}

/** The patches of one ready offer (one or two). */
export function offerPatches(offer: ComputedOffer): ListingPatch[] {
	const patches: ListingPatch[] = [];
	const availability = fulfillmentAvailabilityPatch(offer);
	if (availability) patches.push(availability);
	const purchasable = purchasableOfferPatch(offer);
	if (purchasable) patches.push(purchasable);
	return patches;
}
