import type { SimplifiedAddress, SimplifySettings } from '../../AmazonSpApi/core/orders/types';

/** DHL Packstation / Postfiliale (and Paketshop) addresses carry the customer's PostNummer on a line of its own. */
const STATION = /\b(packstation|postfiliale|paketshop|filiale)\b/i;
const POST_NUMBER = /^(?:post\s*-?\s*nummer|postnr\.?|kundennummer)?\s*:?\s*(\d{6,10})$/i;

type LineField = 'company' | 'addressLine1' | 'addressLine2' | 'addressLine3';
const LINE_FIELDS: LineField[] = ['company', 'addressLine1', 'addressLine2', 'addressLine3'];

function postNumberOf(value: string | null): string | undefined {
	return value ? POST_NUMBER.exec(value.trim())?.[1] : undefined;
}

/**
 * Rearranges a German packing-station address so the PostNummer sits where the user's shipping tool expects it:
 * `addressLine` → line 1 station, line 2 PostNummer; `company` → PostNummer in the company field, line 1 station.
 * Other addresses are returned unchanged.
 */
export function applyPackingStationLayout(
	address: SimplifiedAddress,
	layout: SimplifySettings['packingStationLayout'],
): SimplifiedAddress {
	if (address.countryCode !== 'DE') return address;
	const stationField = LINE_FIELDS.find((field) => STATION.test(address[field] ?? ''));
	const numberField = LINE_FIELDS.find((field) => field !== stationField && postNumberOf(address[field]));
	if (!stationField || !numberField) return address;
	const station = address[stationField]?.trim() ?? null;
	const postNumber = postNumberOf(address[numberField]) ?? null;
	const rest = LINE_FIELDS.filter((field) => field !== stationField && field !== numberField)
		.map((field) => address[field]?.trim())
		.filter((value): value is string => !!value);
	if (layout === 'company') {
		return {
			...address,
			company: postNumber,
			addressLine1: station,
			addressLine2: rest[0] ?? null,
			addressLine3: rest.slice(1).join(', ') || null,
		};
	}
	const company = numberField === 'company' || stationField === 'company' ? null : address.company;
	const lines = rest.filter((value) => value !== company);
	return {
		...address,
		company,
		addressLine1: station,
		addressLine2: postNumber,
		addressLine3: lines.join(', ') || null,
	};
}
