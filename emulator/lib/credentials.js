'use strict';

/** Fixed test credentials (CONTRACT.md). */
const CREDENTIALS = {
	clientId: 'amzn1.application-oa2-client.emulator',
	clientSecret: 'emulator-client-secret',
	sellerRefreshToken: 'Atzr|emulator-seller-refresh-token',
	vendorRefreshToken: 'Atzr|emulator-vendor-refresh-token',
	authorizationCode: 'emulator-auth-code',
	sellerId: 'A1EMULATORSELLER',
	vendorCode: 'EMUVC',
};

const PARTNERS = {
	seller: { id: CREDENTIALS.sellerId, kind: 'seller' },
	vendor: { id: CREDENTIALS.vendorCode, kind: 'vendor' },
	grantless: { id: 'GRANTLESS', kind: 'grantless' },
};

const GRANTLESS_SCOPES = ['sellingpartnerapi::notifications', 'sellingpartnerapi::migration', 'sellingpartnerapi::client_credential:rotation'];

module.exports = { CREDENTIALS, PARTNERS, GRANTLESS_SCOPES };
