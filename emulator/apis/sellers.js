'use strict';

const { MARKETPLACES, regionFromHost } = require('../lib/marketplaces');

function participations(req) {
	const region = regionFromHost(req.headers['x-forwarded-host'] || req.headers.host);
	return MARKETPLACES.filter((marketplace) => !region || marketplace.region === region).map((marketplace) => ({
		marketplace: {
			id: marketplace.id,
			name: marketplace.name,
			countryCode: marketplace.code,
			defaultCurrencyCode: marketplace.currency,
			defaultLanguageCode: marketplace.language,
			domainName: marketplace.domain,
		},
		participation: { isParticipating: marketplace.participating !== false, hasSuspendedListings: Boolean(marketplace.suspendedListings) },
		storeName: 'Emulator Outfitters',
	}));
}

module.exports = {
	name: 'sellers',
	handlers: {
		'sellers.getMarketplaceParticipations': (req) => ({ status: 200, body: { payload: participations(req) } }),
		'sellers.getAccount': (req) => ({
			status: 200,
			body: {
				payload: {
					marketplaceParticipationList: participations(req),
					businessType: 'PRIVATE_LIMITED',
					sellingPlan: 'PROFESSIONAL',
					business: {
						name: 'Emulator Outfitters GmbH',
						registeredBusinessAddress: { addressLine1: 'Torstraße 1', city: 'Berlin', postalCode: '10119', countryCode: 'DE' },
						companyRegistrationNumber: 'HRB 123456 B',
						companyTaxIdentificationNumber: 'DE123456789',
					},
					primaryContact: { name: 'Erika Mustermann', address: { addressLine1: 'Torstraße 1', city: 'Berlin', postalCode: '10119', countryCode: 'DE' } },
				},
			},
		}),
	},
};
