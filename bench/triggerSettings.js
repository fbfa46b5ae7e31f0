'use strict';
// The trigger's settings for the benchmarks: New Order on one marketplace, items included, simplified output.
const { dist } = require('./lib');

const MARKETPLACE = 'ATVPDKIKX0DER';

function triggerSettings(version) {
	const { DEFAULT_SIMPLIFY_SETTINGS } = dist('nodes/AmazonSellerCentral/output/simplify');
	return {
		version,
		filters: { marketplaceIds: [MARKETPLACE], fulfillmentChannels: [], prime: 'include', business: 'include', statuses: [] },
		includeItems: true,
		includePii: false,
		simplify: true,
		simplifySettings: DEFAULT_SIMPLIFY_SETTINGS,
		event: 'newOrder',
		statuses: [],
		waitWhilePending: true,
		importFrom: 'date',
	};
}

module.exports = { MARKETPLACE, triggerSettings };
