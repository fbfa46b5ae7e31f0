import { readCarrierOptions, resolveItemCarrier } from '../../../nodes/AmazonSellerCentral/actions/common/carrier';
import { mockContext } from './helpers';

const carrierMappings = {
	mapping: [
		{ from: 'DHL Paket', carrierCode: 'DHL', carrierName: '', shippingMethod: 'Paket National' },
		{ from: '', carrierCode: 'UPS' },
		{ from: 'Kurier Nord', carrierCode: 'Other', carrierName: 'Kurier Nord GmbH' },
	],
};

describe('carrier mapping parameters', () => {
	it('reads the mapping table, skipping empty rows', () => {
		const options = readCarrierOptions.call(mockContext({ parameters: { carrierMappings } }), 0);
		expect(options).toEqual({
			mappings: [
				{ from: 'DHL Paket', carrierCode: 'DHL', carrierName: undefined, shippingMethod: 'Paket National' },
				{ from: 'Kurier Nord', carrierCode: 'Other', carrierName: 'Kurier Nord GmbH', shippingMethod: undefined },
			],
			fallback: 'error',
		});
	});

	it('reads a default carrier as the fallback', () => {
		const context = mockContext({
			parameters: { carrierFallback: 'default', fallbackCarrierCode: 'DPD', fallbackCarrierName: '' },
		});
		expect(readCarrierOptions.call(context, 0).fallback).toEqual({ carrierCode: 'DPD', carrierName: undefined });
	});

	it('resolves mapped, Amazon and unmapped carriers', () => {
		const resolve = (carrier: string, extra = {}) =>
			resolveItemCarrier.call(mockContext({ parameters: { carrier, carrierMappings, ...extra } }), 0);
		expect(resolve('dhl paket')).toMatchObject({ carrierCode: 'DHL', shippingMethod: 'Paket National' });
		expect(resolve('Kurier Nord')).toMatchObject({ carrierCode: 'Other', carrierName: 'Kurier Nord GmbH' });
		expect(resolve('royal mail')).toMatchObject({ carrierCode: 'Royal Mail', matchedBy: 'amazonCode' });
		expect(() => resolve('Bote Meier')).toThrow(/no mapping/);
		expect(resolve('Bote Meier', { carrierFallback: 'other' })).toMatchObject({ carrierCode: 'Other', carrierName: 'Bote Meier' });
		expect(resolve('Bote Meier', { carrierFallback: 'default', fallbackCarrierCode: 'GLS' })).toMatchObject({
			carrierCode: 'GLS',
			matchedBy: 'fallback',
		});
	});

	it('names the field, the item and the fix when there is no mapping and no fallback', () => {
		const context = mockContext({ parameters: [{}, { carrier: 'Bote Meier' }] });
		expect(() => resolveItemCarrier.call(context, 1)).toThrow(
			'Carrier: Carrier "Bote Meier" is not an Amazon carrier code and has no mapping [item 1]',
		);
		expect(() => resolveItemCarrier.call(mockContext({ parameters: { carrier: ' ' } }), 0)).toThrow(
			/^Carrier: Carrier is empty.*\[item 0\]$/,
		);
	});
});
