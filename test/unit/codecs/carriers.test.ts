import {
	AMAZON_CARRIER_CODES,
	findAmazonCarrierCode,
	mapShipServiceLevel,
	resolveCarrier,
	shipServiceSpeed,
	type ShipServiceLevelRule,
} from '../../../nodes/AmazonSpApi/core/orders/carriers';
import { SpApiInputError } from '../../../nodes/AmazonSpApi/core/http/errors';

describe('Amazon carrier codes', () => {
	it('are de-duplicated and unambiguous when compared ignoring case and spaces', () => {
		expect(new Set(AMAZON_CARRIER_CODES).size).toBe(AMAZON_CARRIER_CODES.length);
		expect(AMAZON_CARRIER_CODES.filter((code) => code === 'Fastway')).toHaveLength(1);
		for (const code of AMAZON_CARRIER_CODES) expect(findAmazonCarrierCode(code)).toBe(code);
		expect(AMAZON_CARRIER_CODES).toHaveLength(69);
	});
});

describe('resolveCarrier', () => {
	const mappings = [
		{ from: 'DHL Paket', carrierCode: 'DHL', shippingMethod: 'DHL Paket' },
		{ from: 'Hermes', carrierCode: 'Hermes Logistik Gruppe' },
		{ from: 'Acme', carrierCode: 'Acme Express' },
		{ from: 'Local Courier', carrierCode: 'Other', carrierName: 'Speedy Local' },
	];

	it('uses the user mapping first, matching case- and space-insensitively', () => {
		expect(resolveCarrier('  dhl   PAKET ', { mappings })).toEqual({
			carrierCode: 'DHL',
			shippingMethod: 'DHL Paket',
			matchedBy: 'mapping',
		});
		expect(resolveCarrier('hermes', { mappings })).toEqual({ carrierCode: 'Hermes Logistik Gruppe', matchedBy: 'mapping' });
	});

	it('sends a mapping target outside Amazon\'s list as Other + name', () => {
		expect(resolveCarrier('ACME', { mappings })).toEqual({ carrierCode: 'Other', carrierName: 'Acme Express', matchedBy: 'mapping' });
		expect(resolveCarrier('local courier', { mappings })).toEqual({
			carrierCode: 'Other',
			carrierName: 'Speedy Local',
			matchedBy: 'mapping',
		});
	});

	it('passes Amazon codes through in Amazon\'s spelling', () => {
		expect(resolveCarrier('fedex')).toEqual({ carrierCode: 'FedEx', matchedBy: 'amazonCode' });
		expect(resolveCarrier('Royal Mail')).toEqual({ carrierCode: 'Royal Mail', matchedBy: 'amazonCode' });
		expect(resolveCarrier('royalmail')).toEqual({ carrierCode: 'Royal Mail', matchedBy: 'amazonCode' });
	});

	it('sends unlisted carriers as Other + name when allowed', () => {
		expect(resolveCarrier('Speedy Local', { fallback: 'other' })).toEqual({
			carrierCode: 'Other',
			carrierName: 'Speedy Local',
			matchedBy: 'other',
		});
	});

	it('uses a fixed fallback target', () => {
		expect(resolveCarrier('Unknown Co', { fallback: { carrierCode: 'dpd', shippingMethod: 'Classic' } })).toEqual({
			carrierCode: 'DPD',
			shippingMethod: 'Classic',
			matchedBy: 'fallback',
		});
	});

	it('fails naming the carrier when nothing matches and no fallback is allowed', () => {
		for (const options of [{}, { mappings, fallback: 'error' as const }]) {
			try {
				resolveCarrier('Speedy Local', options);
				throw new Error('expected an error');
			} catch (error) {
				expect(error).toBeInstanceOf(SpApiInputError);
				expect((error as SpApiInputError).message).toContain('"Speedy Local"');
				expect((error as SpApiInputError).field).toBe('carrier');
			}
		}
		expect(() => resolveCarrier('  ')).toThrow('Carrier is empty');
		expect(() => resolveCarrier('Other')).toThrow('"Other"');
	});
});

describe('mapShipServiceLevel', () => {
	const rules: ShipServiceLevelRule[] = [
		{ pattern: 'NextDay', provider: 'DHL Express', match: 'exact' },
		{ pattern: 'Std', provider: 'DHL Paket', match: 'prefix' },
		{ pattern: 'Std DE', provider: 'DHL Paket DE', match: 'prefix' },
		{ pattern: 'Exp', provider: 'UPS Express', match: 'prefix' },
		{ pattern: 'prime', provider: 'Amazon Shipping', match: 'contains' },
		{ pattern: 'SecondDay', provider: 'UPS 2nd Day' },
	];

	it.each([
		['NextDay', 'DHL Express', 'exact'],
		['nextday', 'DHL Express', 'exact'],
		['SecondDay', 'UPS 2nd Day', 'exact'],
		['Std DE Dom', 'DHL Paket DE', 'prefix'],
		['Std  de dom', 'DHL Paket DE', 'prefix'],
		['Std UK Dom', 'DHL Paket', 'prefix'],
		['Std', 'DHL Paket', 'prefix'],
		['Expedited', 'UPS Express', 'prefix'],
		['FreeEconomy Prime', 'Amazon Shipping', 'contains'],
		['Scheduled', 'Post', 'fallback'],
		['', 'Post', 'fallback'],
		[undefined, 'Post', 'fallback'],
	])('maps %s to %s (%s)', (level, provider, matchedBy) => {
		expect(mapShipServiceLevel(level, rules, 'Post')).toMatchObject({ provider, matchedBy });
	});

	it('prefers exact over prefix over contains', () => {
		const overlapping: ShipServiceLevelRule[] = [
			{ pattern: 'd', provider: 'contains', match: 'contains' },
			{ pattern: 'Std', provider: 'prefix', match: 'prefix' },
			{ pattern: 'Std', provider: 'exact' },
		];
		expect(mapShipServiceLevel('Std', overlapping, 'none').provider).toBe('exact');
		expect(mapShipServiceLevel('Std X', overlapping, 'none').provider).toBe('prefix');
		expect(mapShipServiceLevel('Ad', overlapping, 'none').provider).toBe('contains');
	});
});

describe('mapShipServiceLevel across API versions', () => {
	const rules: ShipServiceLevelRule[] = [
		{ pattern: 'Second US D2D Dom', provider: 'UPS 2nd Day', match: 'exact' },
		{ pattern: 'NEXT_DAY', provider: 'UPS Next Day', match: 'exact' },
		{ pattern: 'Std', provider: 'DHL Paket', match: 'prefix' },
		{ pattern: 'Std DE Dom', provider: 'DHL Paket DE', match: 'exact' },
	];

	it('matches a rule written in one API version\'s spelling to the same speed in the other\'s', () => {
		const provider = (level: string) => mapShipServiceLevel(level, rules, 'fallback').provider;
		expect(provider('SECOND_DAY')).toBe('UPS 2nd Day'); // v2026 value, rule written with the v0 level
		expect(provider('Second US D2D Dom')).toBe('UPS 2nd Day');
		expect(provider('Next US D2D Dom')).toBe('UPS Next Day'); // v0 level, rule written with the v2026 value
		expect(provider('NextDay')).toBe('UPS Next Day'); // v0 category
		expect(provider('STANDARD')).toBe('DHL Paket'); // the most general rule of the speed
		expect(provider('Std DE Dom')).toBe('DHL Paket DE');
		expect(provider('Std US D2D Dom')).toBe('DHL Paket'); // full v0 levels of another country stay apart
		expect(provider('EXPEDITED')).toBe('fallback');
		expect(mapShipServiceLevel('SECOND_DAY', rules, 'x').matchedBy).toBe('speed');
	});

	it('names the speed of every spelling', () => {
		expect(shipServiceSpeed('Second US D2D Dom')).toBe('SECOND_DAY');
		expect(shipServiceSpeed('SecondDay')).toBe('SECOND_DAY');
		expect(shipServiceSpeed('free_economy')).toBe('FREE_ECONOMY');
		expect(shipServiceSpeed('Prime US D2D Dom')).toBeUndefined();
	});
});
