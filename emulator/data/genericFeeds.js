'use strict';
// Processors for the feed types the emulator has no state for (payment adjustments, invoice confirmations, FBA carton
// contents): the document is checked for well-formed XML or a flat file with a header, and every message is
// reported processed, as Amazon's processing report would for valid input.
const docs = require('../lib/documents');
const { SELLER_ID } = require('./listings');

const XML_PARSE_ERROR = 5000;

function xmlFeed({ feed, content }) {
	const parsed = docs.parseXml(content.toString('utf8'));
	const report = (processed, results) => ({
		status: 'DONE',
		report: { contentType: 'text/xml; charset=UTF-8', body: docs.xmlProcessingReport({ transactionId: feed.feedId, merchantId: SELLER_ID, processed, results }) },
	});
	if (parsed.error) {
		const { line, col, message } = parsed.error;
		return report(0, [{ messageId: 0, type: 'Error', code: XML_PARSE_ERROR, description: `XML Parsing Error at Line ${line}, Column ${col}: ${message}` }]);
	}
	const messages = docs.asArray(parsed.doc?.AmazonEnvelope?.Message);
	return report(messages.length, []);
}

function flatFeed({ content }) {
	const rows = docs.parseTsv(content.toString('utf8'));
	return { status: 'DONE', report: { contentType: 'text/plain; charset=UTF-8', body: docs.flatProcessingReport({ processed: rows.length, results: [] }) } };
}

module.exports = {
	POST_PAYMENT_ADJUSTMENT_DATA: xmlFeed,
	POST_INVOICE_CONFIRMATION_DATA: xmlFeed,
	POST_FBA_INBOUND_CARTON_CONTENTS: xmlFeed,
	POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA: flatFeed,
};
