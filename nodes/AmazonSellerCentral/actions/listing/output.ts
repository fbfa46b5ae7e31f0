import type { IDataObject } from 'n8n-workflow';

import type { ComputedOffer, PushResult } from '../../../AmazonSpApi/core/listings';
import { ROW_FIELD_LABELS } from './input';

const defined = (object: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/** One SKU of the dry run: values before and after, the rules that fired, problems by field. */
export function offerToJson(offer: ComputedOffer): IDataObject {
	return defined({
		sku: offer.sku,
		status: offer.status,
		reason: offer.reason,
		marketplaceId: offer.marketplaceId || undefined,
		currency: offer.currency || undefined,
		productType: offer.productType,
		fulfillmentChannel: offer.fulfillment,
		before: defined({ quantity: offer.quantityBefore, price: offer.priceBefore, salePrice: offer.salePriceBefore }),
		after: defined({
			quantity: offer.quantity,
			handlingTimeDays: offer.handlingTimeDays,
			price: offer.price,
			salePrice: offer.sale?.price,
			saleStartDate: offer.sale?.startAt,
			saleEndDate: offer.sale?.endAt,
		}),
		rulesApplied: [...offer.rules],
		problems: offer.problems.map((problem) => ({ field: ROW_FIELD_LABELS[problem.field], message: problem.message })),
	});
}

/** One SKU after the push: Amazon's status, its errors and warnings, and where to look them up. */
export function pushResultToJson(result: PushResult): IDataObject {
	return defined({
		...offerToJson(result.offer),
		status: result.status,
		accepted: result.status === 'ACCEPTED' || result.status === 'VALID',
		method: result.method === 'patch' ? 'Listings Items API (PATCH)' : 'JSON_LISTINGS_FEED',
		submissionId: result.submissionId,
		feedId: result.feedId,
		messageId: result.messageId,
		processingStatus: result.processingStatus,
		errors: result.errors.map((issue) => ({ ...issue })),
		warnings: result.warnings.map((issue) => ({ ...issue })),
		hint: result.hint,
	});
}

/** Skipped and refused SKUs of an update: reported, never sent. */
export function notSentToJson(offer: ComputedOffer): IDataObject {
	return { ...offerToJson(offer), status: offer.status.toUpperCase(), accepted: false };
}
