/**
 * Carrier resolution in both directions:
 * - outbound: the user's carrier / shipping-provider name → Amazon `CarrierCode` (+ `CarrierName` for `Other`);
 * - inbound: Amazon's `ShipServiceLevel` / shipping option → the user's shipping provider.
 * Pure functions, no I/O.
 */

import { SpApiInputError } from '../http/errors';

/**
 * `CarrierCode` values from Amazon's amzn-base.xsd (2020 copy, de-duplicated). Amazon's current list is longer;
 * a code missing here still works through a mapping that names it (it is then sent as `Other` + name).
 */
export const AMAZON_CARRIER_CODES = [
	'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'Fastway', 'GLS', 'GO!', 'Hermes Logistik Gruppe', 'Royal Mail',
	'Parcelforce', 'City Link', 'TNT', 'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport',
	'DHL Global Mail', 'UPS Mail Innovations', 'FedEx SmartPost', 'OSM', 'OnTrac', 'Streamlite', 'Newgistics',
	'Canada Post', 'Blue Package', 'Chronopost', 'Deutsche Post', 'DPD', 'La Poste', 'Parcelnet', 'Poste Italiane',
	'SDA', 'Smartmail', 'FEDEX_JP', 'JP_EXPRESS', 'NITTSU', 'SAGAWA', 'YAMATO', 'BlueDart', 'AFL/Fedex', 'Aramex',
	'India Post', 'Professional', 'DTDC', 'Overnite Express', 'First Flight', 'Delhivery', 'Lasership', 'Yodel',
	'Other', 'Amazon Shipping', 'Seur', 'Correos', 'MRW', 'Endopack', 'Chrono Express', 'Nacex', 'Otro', 'Correios',
	'Toll Global Express', 'China Post', 'AUSSIE_POST', 'EUB', 'Australia Post', 'Yun Express', '4PX', 'YANWEN',
	'SF Express',
] as const;

export type AmazonCarrierCode = (typeof AMAZON_CARRIER_CODES)[number];

export interface CarrierMapping {
	/** The user's carrier or shipping-provider name, matched ignoring case and spaces. */
	from: string;
	/** Amazon carrier code; a value outside Amazon's list is sent as `Other` with this value as carrier name. */
	carrierCode: string;
	carrierName?: string;
	shippingMethod?: string;
}

export interface CarrierTarget {
	carrierCode: string;
	carrierName?: string;
	shippingMethod?: string;
}

export interface ResolveCarrierOptions {
	mappings?: CarrierMapping[];
	/**
	 * Unmapped carriers that are not Amazon codes: a fixed target, `other` (send `Other` + the input as name) or
	 * `error` (the default).
	 */
	fallback?: CarrierTarget | 'other' | 'error';
}

export interface ResolvedCarrier extends CarrierTarget {
	matchedBy: 'mapping' | 'amazonCode' | 'fallback' | 'other';
}

function carrierKey(name: string): string {
	return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

const AMAZON_CODES_BY_KEY = new Map<string, AmazonCarrierCode>(
	AMAZON_CARRIER_CODES.map((code) => [carrierKey(code), code]),
);

/** Amazon's spelling of a carrier code given in any case/spacing, or undefined when it is not in the list. */
export function findAmazonCarrierCode(name: string): AmazonCarrierCode | undefined {
	return AMAZON_CODES_BY_KEY.get(carrierKey(name));
}

function withOptional(target: CarrierTarget, matchedBy: ResolvedCarrier['matchedBy']): ResolvedCarrier {
	const resolved: ResolvedCarrier = { carrierCode: target.carrierCode, matchedBy };
	if (target.carrierName) resolved.carrierName = target.carrierName;
	if (target.shippingMethod) resolved.shippingMethod = target.shippingMethod;
	return resolved;
}

/** Canonical Amazon code, or `Other` + name for anything Amazon does not list. */
function toAmazonTarget(target: CarrierTarget, nameForOther: string): CarrierTarget {
	const code = findAmazonCarrierCode(target.carrierCode);
	if (code === 'Other' || code === undefined) {
		const carrierName = target.carrierName?.trim() || (code === undefined ? target.carrierCode.trim() : nameForOther);
		return { ...target, carrierCode: 'Other', carrierName };
	}
	return { ...target, carrierCode: code };
}

export function resolveCarrier(input: string, options: ResolveCarrierOptions = {}): ResolvedCarrier {
	const name = (input ?? '').trim();
	if (!name) throw new SpApiInputError('carrier', 'Carrier is empty: give a carrier name or an Amazon carrier code');
	const key = carrierKey(name);

	const mapping = options.mappings?.find((candidate) => carrierKey(candidate.from) === key);
	if (mapping) return withOptional(toAmazonTarget(mapping, name), 'mapping');

	const amazonCode = findAmazonCarrierCode(name);
	if (amazonCode && amazonCode !== 'Other') return { carrierCode: amazonCode, matchedBy: 'amazonCode' };

	const fallback = options.fallback ?? 'error';
	if (fallback === 'other') return { carrierCode: 'Other', carrierName: name, matchedBy: 'other' };
	if (fallback !== 'error') return withOptional(toAmazonTarget(fallback, name), 'fallback');
	throw new SpApiInputError(
		'carrier',
		`Carrier "${name}" is not an Amazon carrier code and has no mapping`,
		'Add a carrier mapping for it, or allow unlisted carriers to be sent as "Other" with their name',
	);
}

export type ShipServiceLevelMatch = 'exact' | 'prefix' | 'contains';

export interface ShipServiceLevelRule {
	/** Amazon's ShipServiceLevel / shipping option, e.g. `Std`, `Expedited`, `NextDay`, `Std DE Dom`. */
	pattern: string;
	/** The user's shipping provider (or method) for orders matching the pattern. */
	provider: string;
	/** Default `exact`. */
	match?: ShipServiceLevelMatch;
}

export interface MappedShipServiceLevel {
	provider: string;
	/** `speed`: the rule names the same speed in another API version's spelling. */
	matchedBy: ShipServiceLevelMatch | 'speed' | 'fallback';
	pattern?: string;
}

function levelKey(level: string): string {
	return level.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Amazon names one shipping speed differently per API: Orders v0 `ShipServiceLevel` ("Second US D2D Dom",
 * "Std DE Dom"), v0 `ShipmentServiceLevelCategory` ("SecondDay") and v2026 `fulfillmentServiceLevel` ("SECOND_DAY").
 * Speed per first word (without `_`/`-`, lower case); `true` marks category names, `false` v0 abbreviations.
 */
const SPEEDS: Record<string, [string, boolean]> = {
	std: ['STANDARD', false], standard: ['STANDARD', true],
	exp: ['EXPEDITED', false], expedited: ['EXPEDITED', true],
	second: ['SECOND_DAY', false], secondday: ['SECOND_DAY', true],
	next: ['NEXT_DAY', false], nextday: ['NEXT_DAY', true],
	same: ['SAME_DAY', false], sameday: ['SAME_DAY', true],
	econ: ['FREE_ECONOMY', false], freeeconomy: ['FREE_ECONOMY', true],
	sched: ['SCHEDULED', false], scheduled: ['SCHEDULED', true],
	priority: ['PRIORITY', true],
};

interface Speed {
	speed?: string;
	/** Only a category name ("SECOND_DAY", "SecondDay"), as v2026 and the v0 category send it. */
	category: boolean;
}

function speedOf(key: string): Speed {
	const words = key.split(' ');
	const [speed, isCategory] = SPEEDS[words[0].replace(/[_-]/g, '')] ?? [undefined, false];
	return { speed, category: isCategory && words.length === 1 };
}

/** The shipping speed, in v2026 terms (`SECOND_DAY`), of any of Amazon's spellings; undefined when unknown. */
export function shipServiceSpeed(level: string | undefined | null): string | undefined {
	return speedOf(levelKey(level ?? '')).speed;
}

/**
 * The same speed in another API's spelling: a category ("SECOND_DAY") on either side matches every spelling of
 * that speed ("Second US D2D Dom"). Two v0 levels never match this way, so "Std DE Dom" stays apart from "Std".
 */
function sameSpeed(level: Speed, pattern: Speed): boolean {
	return !!level.speed && level.speed === pattern.speed && (level.category || pattern.category);
}

const MATCHERS: Record<ShipServiceLevelMatch, (level: string, pattern: string) => boolean> = {
	exact: (level, pattern) => level === pattern,
	prefix: (level, pattern) => level.startsWith(pattern),
	contains: (level, pattern) => level.includes(pattern),
};

/**
 * Maps an Amazon ship service level to the user's shipping provider. Exact rules win over prefix rules, prefix
 * over contains; within a kind the longest pattern wins (so `Std DE` beats `Std`). Case and repeated spaces are
 * ignored. Only when no rule matches as written, a rule for the same speed in another API version's spelling
 * applies (see sameSpeed; the most general pattern first). No match (or no level) → the fallback.
 */
export function mapShipServiceLevel(
	level: string | undefined | null,
	rules: ShipServiceLevelRule[],
	fallback: string,
): MappedShipServiceLevel {
	const key = levelKey(level ?? '');
	const usable = rules.filter((rule) => levelKey(rule.pattern));
	if (key) {
		for (const kind of ['exact', 'prefix', 'contains'] as const) {
			const best = usable
				.filter((rule) => (rule.match ?? 'exact') === kind && MATCHERS[kind](key, levelKey(rule.pattern)))
				.sort((a, b) => levelKey(b.pattern).length - levelKey(a.pattern).length)[0];
			if (best) return { provider: best.provider, matchedBy: kind, pattern: best.pattern };
		}
		const speed = speedOf(key);
		const bySpeed = usable
			.filter((rule) => sameSpeed(speed, speedOf(levelKey(rule.pattern))))
			.sort((a, b) => levelKey(a.pattern).length - levelKey(b.pattern).length)[0];
		if (bySpeed) return { provider: bySpeed.provider, matchedBy: 'speed', pattern: bySpeed.pattern };
	}
	return { provider: fallback, matchedBy: 'fallback' };
}
