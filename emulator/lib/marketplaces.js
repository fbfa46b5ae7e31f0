'use strict';

/** REFERENCE §4.2. `participating: false` marks marketplaces the emulated seller is registered in but not selling. */
const MARKETPLACES = [
	{ code: 'US', id: 'ATVPDKIKX0DER', region: 'NA', currency: 'USD', language: 'en_US', domain: 'www.amazon.com', name: 'Amazon.com' },
	{ code: 'CA', id: 'A2EUQ1WTGCTBG2', region: 'NA', currency: 'CAD', language: 'en_CA', domain: 'www.amazon.ca', name: 'Amazon.ca' },
	{ code: 'MX', id: 'A1AM78C64UM0Y8', region: 'NA', currency: 'MXN', language: 'es_MX', domain: 'www.amazon.com.mx', name: 'Amazon.com.mx', participating: false },
	{ code: 'DE', id: 'A1PA6795UKMFR9', region: 'EU', currency: 'EUR', language: 'de_DE', domain: 'www.amazon.de', name: 'Amazon.de' },
	{ code: 'GB', id: 'A1F83G8C2ARO7P', region: 'EU', currency: 'GBP', language: 'en_GB', domain: 'www.amazon.co.uk', name: 'Amazon.co.uk' },
	{ code: 'FR', id: 'A13V1IB3VIYZZH', region: 'EU', currency: 'EUR', language: 'fr_FR', domain: 'www.amazon.fr', name: 'Amazon.fr' },
	{ code: 'IT', id: 'APJ6JRA9NG5V4', region: 'EU', currency: 'EUR', language: 'it_IT', domain: 'www.amazon.it', name: 'Amazon.it', suspendedListings: true },
	{ code: 'ES', id: 'A1RKKUPIHCS9HS', region: 'EU', currency: 'EUR', language: 'es_ES', domain: 'www.amazon.es', name: 'Amazon.es' },
	{ code: 'NL', id: 'A1805IZSGTT6HS', region: 'EU', currency: 'EUR', language: 'nl_NL', domain: 'www.amazon.nl', name: 'Amazon.nl' },
	{ code: 'PL', id: 'A1C3SOZRARQ6R3', region: 'EU', currency: 'PLN', language: 'pl_PL', domain: 'www.amazon.pl', name: 'Amazon.pl', participating: false },
	{ code: 'SE', id: 'A2NODRKZP88ZB9', region: 'EU', currency: 'SEK', language: 'sv_SE', domain: 'www.amazon.se', name: 'Amazon.se', participating: false },
	{ code: 'JP', id: 'A1VC38T7YXB528', region: 'FE', currency: 'JPY', language: 'ja_JP', domain: 'www.amazon.co.jp', name: 'Amazon.co.jp' },
	{ code: 'AU', id: 'A39IBJ37TRP1C6', region: 'FE', currency: 'AUD', language: 'en_AU', domain: 'www.amazon.com.au', name: 'Amazon.com.au' },
	{ code: 'SG', id: 'A19VAU5U5O7RUS', region: 'FE', currency: 'SGD', language: 'en_SG', domain: 'www.amazon.sg', name: 'Amazon.sg', participating: false },
];

const byId = new Map(MARKETPLACES.map((marketplace) => [marketplace.id, marketplace]));
const byCode = new Map(MARKETPLACES.map((marketplace) => [marketplace.code, marketplace]));

/** The region a request targets, from its Host (sellingpartnerapi-eu.amazon.com -> EU); null = every region. */
function regionFromHost(host = '') {
	const match = /sellingpartnerapi-(na|eu|fe)\./i.exec(host);
	return match ? match[1].toUpperCase() : null;
}

module.exports = { MARKETPLACES, marketplaceById: (id) => byId.get(id), marketplaceByCode: (code) => byCode.get(code), regionFromHost };
