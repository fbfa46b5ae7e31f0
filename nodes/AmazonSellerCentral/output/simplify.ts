import type { IDataObject } from 'n8n-workflow';

import { applyPackingStationLayout } from './address';
import { shipServiceSpeed } from '../../AmazonSpApi/core/orders/carriers';
import type {
	NormalizedOrder,
	OrderApiVersion,
	SimplifiedAddress,
	SimplifiedOrder,
	SimplifiedOrderItem,
	SimplifySettings,
} from '../../AmazonSpApi/core/orders/types';

export const DEFAULT_SIMPLIFY_SETTINGS: SimplifySettings = {
	packingStationLayout: 'addressLine',
	markFbaAsShipped: false,
};

type Money = { amount: number | null; currency: string | null };

/** Deadlines sellers work to: when to ship, and when the buyer expects the package (ISO 8601 or null). */
interface OrderDeadlines {
	earliestShipDate: string | null;
	latestShipDate: string | null;
	earliestDeliveryDate: string | null;
	latestDeliveryDate: string | null;
}

/** A simplified order as the Seller Central nodes output it. */
export interface SellerSimplifiedOrder extends SimplifiedOrder, OrderDeadlines {
	/** The shipping speed in one spelling for both API versions, e.g. STANDARD, NEXT_DAY (null when unknown). */
	shippingSpeed: string | null;
}

function str(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function num(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : null;
}

function obj(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function list(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

function v0Money(value: unknown): Money {
	const money = obj(value);
	return { amount: num(money.Amount), currency: str(money.CurrencyCode) };
}

function v2026Money(value: unknown): Money {
	const money = obj(value);
	return { amount: num(money.amount), currency: str(money.currencyCode) };
}

function breakdown(proceeds: unknown, type: string): Money {
	const entry = list(obj(proceeds).breakdowns).find((candidate) => candidate.type === type);
	return v2026Money(entry?.subtotal);
}

function address(fields: Array<[keyof SimplifiedAddress, unknown]>): SimplifiedAddress | null {
	const result = Object.fromEntries(fields.map(([key, value]) => [key, str(value)])) as unknown as SimplifiedAddress;
	return Object.values(result).some((value) => value !== null) ? result : null;
}

function v0Items(raw: IDataObject): SimplifiedOrderItem[] | null {
	if (!Array.isArray(raw.OrderItems)) return null;
	return list(raw.OrderItems).map((item) => ({
		orderItemId: String(item.OrderItemId ?? ''),
		sku: str(item.SellerSKU),
		asin: str(item.ASIN),
		title: str(item.Title),
		quantity: num(item.QuantityOrdered) ?? 0,
		quantityShipped: num(item.QuantityShipped) ?? 0,
		price: v0Money(item.ItemPrice).amount,
		tax: v0Money(item.ItemTax).amount,
		isGift: item.IsGift === true || item.IsGift === 'true',
	}));
}

function v2026Items(raw: IDataObject): SimplifiedOrderItem[] {
	return list(raw.orderItems).map((item) => {
		const product = obj(item.product);
		const quantity = num(item.quantityOrdered) ?? 0;
		const unitPrice = v2026Money(obj(product.price).unitPrice).amount;
		const lineTotal = breakdown(item.proceeds, 'ITEM').amount;
		return {
			orderItemId: String(item.orderItemId ?? ''),
			sku: str(product.sellerSku),
			asin: str(product.asin),
			title: str(product.title),
			quantity,
			quantityShipped: num(obj(item.fulfillment).quantityFulfilled) ?? 0,
			price: lineTotal ?? (unitPrice === null ? null : Math.round(unitPrice * quantity * 100) / 100),
			tax: breakdown(item.proceeds, 'TAX').amount,
			isGift: Object.keys(obj(obj(obj(item.fulfillment).packing).giftOption)).length > 0,
		};
	});
}

type Details = Omit<SellerSimplifiedOrder, keyof NormalizedFields | 'markAsShipped' | 'shippingSpeed'>;

function fromV0(raw: IDataObject): Details {
	const buyer = obj(raw.BuyerInfo);
	const shipping = obj(raw.ShippingAddress);
	const total = v0Money(raw.OrderTotal);
	return {
		orderTotal: total.amount,
		currency: total.currency,
		shipServiceLevel: str(raw.ShipServiceLevel),
		earliestShipDate: str(raw.EarliestShipDate),
		latestShipDate: str(raw.LatestShipDate),
		earliestDeliveryDate: str(raw.EarliestDeliveryDate),
		latestDeliveryDate: str(raw.LatestDeliveryDate),
		buyer: {
			name: str(buyer.BuyerName),
			email: str(buyer.BuyerEmail ?? raw.BuyerEmail),
			company: str(buyer.BuyerCompanyName ?? obj(buyer.BuyerTaxInfo).CompanyLegalName ?? raw.BuyerCompanyName),
		},
		shippingAddress: address([
			['name', shipping.Name],
			['company', shipping.CompanyName],
			['addressLine1', shipping.AddressLine1],
			['addressLine2', shipping.AddressLine2],
			['addressLine3', shipping.AddressLine3],
			['city', shipping.City],
			['stateOrRegion', shipping.StateOrRegion],
			['postalCode', shipping.PostalCode],
			['countryCode', shipping.CountryCode],
			['phone', shipping.Phone],
		]),
		items: v0Items(raw),
	};
}

function fromV2026(raw: IDataObject): Details {
	const buyer = obj(raw.buyer);
	const fulfillment = obj(raw.fulfillment);
	const delivery = obj(obj(raw.recipient).deliveryAddress);
	const total = v2026Money(obj(raw.proceeds).grandTotal);
	return {
		orderTotal: total.amount,
		currency: total.currency,
		shipServiceLevel: str(fulfillment.fulfillmentServiceLevel),
		earliestShipDate: str(obj(fulfillment.shipByWindow).earliestDateTime),
		latestShipDate: str(obj(fulfillment.shipByWindow).latestDateTime),
		earliestDeliveryDate: str(obj(fulfillment.deliverByWindow).earliestDateTime),
		latestDeliveryDate: str(obj(fulfillment.deliverByWindow).latestDateTime),
		buyer: { name: str(buyer.buyerName), email: str(buyer.buyerEmail), company: str(buyer.buyerCompanyName) },
		shippingAddress: address([
			['name', delivery.name],
			['company', delivery.companyName],
			['addressLine1', delivery.addressLine1],
			['addressLine2', delivery.addressLine2],
			['addressLine3', delivery.addressLine3],
			['city', delivery.city],
			['stateOrRegion', delivery.stateOrRegion],
			['postalCode', delivery.postalCode],
			['countryCode', delivery.countryCode],
			['phone', delivery.phone],
		]),
		items: v2026Items(raw),
	};
}

type NormalizedFields = Pick<
	SimplifiedOrder,
	| 'orderId'
	| 'status'
	| 'fulfillmentChannel'
	| 'isPrime'
	| 'isBusiness'
	| 'purchaseDate'
	| 'lastUpdateDate'
	| 'marketplaceId'
>;

/**
 * The same flat shape for v0 and v2026 orders. `price` and `tax` of an item are line totals (all units);
 * `items` is null when items were not fetched (v0 without Include Order Items).
 */
export function simplifyOrder(
	order: NormalizedOrder,
	settings: SimplifySettings = DEFAULT_SIMPLIFY_SETTINGS,
): SellerSimplifiedOrder {
	const details = order.version === 'v2026' ? fromV2026(order.raw) : fromV0(order.raw);
	const shippingAddress =
		details.shippingAddress && applyPackingStationLayout(details.shippingAddress, settings.packingStationLayout);
	return {
		orderId: order.orderId,
		status: order.status,
		fulfillmentChannel: order.fulfillmentChannel,
		isPrime: order.isPrime,
		isBusiness: order.isBusiness,
		purchaseDate: order.purchaseDate,
		lastUpdateDate: order.lastUpdateDate,
		marketplaceId: order.marketplaceId,
		...details,
		shippingSpeed: shipServiceSpeed(details.shipServiceLevel) ?? null,
		shippingAddress,
		markAsShipped: settings.markFbaAsShipped && order.fulfillmentChannel === 'AFN',
	};
}

/** Amazon's items of one order (v0 OrderItem or v2026 OrderItem list) in the simplified item shape. */
export function simplifyOrderItems(version: OrderApiVersion, items: IDataObject[]): SimplifiedOrderItem[] {
	return version === 'v2026' ? v2026Items({ orderItems: items }) : (v0Items({ OrderItems: items }) ?? []);
}

/** Output JSON of one order: simplified, or Amazon's raw order (with items/address attached when fetched). */
export function orderToJson(order: NormalizedOrder, simplify: boolean, settings?: SimplifySettings): IDataObject {
	return simplify ? (simplifyOrder(order, settings) as unknown as IDataObject) : order.raw;
}
