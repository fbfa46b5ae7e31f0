// Workflows of the reports E2E file: every Feed and Report operation in one run, and a report to a binary file.
const T = 'n8n-nodes-amazon-spapi.amazonSellerCentral';
const EU = { amazonSellerCentralApi: { id: 'amzSellerDemoEU01', name: 'Amazon Seller Central EU (emulator)' } };

function workflow(id, name, nodes, chains) {
	const connections = {};
	for (const chain of chains) {
		for (let index = 0; index < chain.length - 1; index++) {
			const from = (connections[chain[index]] ??= { main: [[]] });
			from.main[0].push({ node: chain[index + 1], type: 'main', index: 0 });
		}
	}
	return { id, name, nodes, connections, active: false, settings: { executionOrder: 'v1' }, pinData: {}, versionId: `${id}-v1`, tags: [] };
}

let sequence = 0;
function amazon(name, parameters, y, x, extra = {}) {
	sequence += 1;
	return { parameters, id: `c0000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`, name, type: T, typeVersion: 1, position: [x, y], credentials: EU, ...extra };
}

const LISTINGS = 'GET_MERCHANT_LISTINGS_ALL_DATA';
const listingsFeed = JSON.stringify({
	header: { sellerId: 'A1EMULATORSELLER', version: '2.0', issueLocale: 'de_DE' },
	messages: [{ messageId: 1, sku: 'NO-SUCH-SKU-E2E', operationType: 'DELETE' }],
});

/** Branches run top to bottom (v1 order): the report of the first one is what Get Many, Get and Download find. */
export function allOperationsWorkflow() {
	const once = { executeOnce: true };
	const nodes = [
		{ parameters: {}, id: 'c0000000-0000-4000-8000-000000000000', name: 'Run Manually', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 400] },
		amazon('Request and Download', { resource: 'report', operation: 'requestAndDownload', reportType: LISTINGS, maxWaitMinutes: 5, maxRows: 3 }, 0, 220),
		amazon('Get Many Reports', { resource: 'report', operation: 'getAll', types: [LISTINGS], limit: 5, filters: { processingStatuses: ['DONE'] } }, 150, 220),
		amazon('Get Report', { resource: 'report', operation: 'get', reportId: '={{ $json.reportId }}' }, 150, 440, once),
		amazon('Download Report', { resource: 'report', operation: 'download', reportId: '={{ $json.reportId }}', maxRows: 2 }, 150, 660),
		amazon('Create Report', { resource: 'report', operation: 'create', reportType: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA' }, 300, 220),
		amazon('Cancel Report', { resource: 'report', operation: 'cancel', reportId: '={{ $json.reportId }}' }, 300, 440),
		amazon('Create Schedule', { resource: 'report', operation: 'createSchedule', reportType: LISTINGS, period: 'P7D' }, 450, 220),
		amazon('Get Many Schedules', { resource: 'report', operation: 'getSchedules', types: [LISTINGS] }, 450, 440),
		amazon('Cancel Schedule', { resource: 'report', operation: 'cancelSchedule', reportScheduleId: "={{ $('Create Schedule').item.json.reportScheduleId }}" }, 450, 660),
		amazon('Upload Listings Feed', { resource: 'feed', operation: 'upload', feedType: 'JSON_LISTINGS_FEED', contentSource: 'json', jsonContent: listingsFeed, waitForResult: true, maxWaitMinutes: 5 }, 600, 220),
		amazon('Get Feed', { resource: 'feed', operation: 'get', feedId: '={{ $json.feedId }}' }, 600, 440, once),
		amazon('Get Feed Result', { resource: 'feed', operation: 'getResult', feedId: '={{ $json.feedId }}' }, 600, 660),
		amazon('Get Many Feeds', { resource: 'feed', operation: 'getAll', types: ['JSON_LISTINGS_FEED'], returnAll: true }, 600, 880, once),
		amazon('Upload Invoice Confirmation', { resource: 'feed', operation: 'upload', feedType: 'POST_INVOICE_CONFIRMATION_DATA', contentSource: 'text', content: '<AmazonEnvelope><Message/></AmazonEnvelope>' }, 750, 220),
		amazon('Cancel Feed', { resource: 'feed', operation: 'cancel', feedId: '={{ $json.feedId }}' }, 750, 440),
	];
	return workflow('amzE2eFeedsReports01', 'E2E: every Feed and Report operation', nodes, [
		['Run Manually', 'Request and Download'],
		['Run Manually', 'Get Many Reports', 'Get Report', 'Download Report'],
		['Run Manually', 'Create Report', 'Cancel Report'],
		['Run Manually', 'Create Schedule', 'Get Many Schedules', 'Cancel Schedule'],
		['Run Manually', 'Upload Listings Feed', 'Get Feed', 'Get Feed Result', 'Get Many Feeds'],
		['Run Manually', 'Upload Invoice Confirmation', 'Cancel Feed'],
	]);
}

/** Request and Download as a binary file, with the given credential (the emulator decides the report's size). */
export function bigReportWorkflow(id, credentialId) {
	const nodes = [
		{ parameters: {}, id: 'd0000000-0000-4000-8000-000000000000', name: 'Run Manually', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			...amazon('Report as File', { resource: 'report', operation: 'requestAndDownload', reportType: LISTINGS, maxWaitMinutes: 10, output: 'binary' }, 0, 220),
			id: 'd0000000-0000-4000-8000-000000000001',
			credentials: { amazonSellerCentralApi: { id: credentialId, name: credentialId } },
		},
	];
	return workflow(id, `E2E: report as file (${credentialId})`, nodes, [['Run Manually', 'Report as File']]);
}
