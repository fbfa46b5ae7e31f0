// Every part B operation over HTTP, its body validated against Amazon's model (lib/validate.js).
import type { IDataObject } from 'n8n-workflow';

import { finishFeed, startPartB, submitFeed, validateResponse, type ApiResponse, type PartB } from './conformance-b.helpers';

const US = 'ATVPDKIKX0DER';
const DE = 'A1PA6795UKMFR9';
const DAY = 86400000;

async function expectConforms(modelFile: string, operationId: string, response: ApiResponse, status: number) {
	expect(response.status).toBe(status);
	expect(validateResponse(modelFile, operationId, response.status, response.status === 200 && !Object.keys(response.body).length ? undefined : response.body)).toEqual([]);
}

describe('part B conformance: seller APIs', () => {
	let emu: PartB;
	beforeAll(async () => (emu = await startPartB()));
	afterAll(async () => await emu.stop());

	it('feeds', async () => {
		const model = 'feeds_2021-06-30.json';
		await expectConforms(model, 'createFeedDocument', await emu.api('POST', '/feeds/2021-06-30/documents', { contentType: 'text/xml' }), 201);
		const feedId = await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', 'text/xml', '<AmazonEnvelope/>');
		await expectConforms(model, 'getFeed', await emu.api('GET', `/feeds/2021-06-30/feeds/${feedId}`), 200);
		const cancellable = await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', 'text/xml', '<AmazonEnvelope/>');
		await expectConforms(model, 'cancelFeed', await emu.api('DELETE', `/feeds/2021-06-30/feeds/${cancellable}`), 200);
		const { feed } = await finishFeed(emu, feedId);
		await expectConforms(model, 'getFeedDocument', await emu.api('GET', `/feeds/2021-06-30/documents/${feed.resultFeedDocumentId}`), 200);
		await expectConforms(model, 'getFeeds', await emu.api('GET', '/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA'), 200);
		await expectConforms(model, 'getFeeds', await emu.api('GET', '/feeds/2021-06-30/feeds'), 400);
		await expectConforms(model, 'getFeed', await emu.api('GET', '/feeds/2021-06-30/feeds/1'), 404);
		const badFeed = await emu.api('POST', '/feeds/2021-06-30/feeds', { feedType: 'X', marketplaceIds: [US], inputFeedDocumentId: 'nope' });
		await expectConforms(model, 'createFeed', badFeed, 400);
	});

	it('reports', async () => {
		const model = 'reports_2021-06-30.json';
		const created = await emu.api('POST', '/reports/2021-06-30/reports', { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE] });
		await expectConforms(model, 'createReport', created, 202);
		const queued = await emu.api('POST', '/reports/2021-06-30/reports', { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [US] });
		await expectConforms(model, 'cancelReport', await emu.api('DELETE', `/reports/2021-06-30/reports/${queued.body.reportId}`), 200);
		await emu.control.advanceClock(2 * 60 * 1000);
		const report = await emu.api('GET', `/reports/2021-06-30/reports/${created.body.reportId}`);
		await expectConforms(model, 'getReport', report, 200);
		await expectConforms(model, 'getReportDocument', await emu.api('GET', `/reports/2021-06-30/documents/${report.body.reportDocumentId}`), 200);
		await expectConforms(model, 'getReports', await emu.api('GET', '/reports/2021-06-30/reports?reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA&processingStatuses=DONE,CANCELLED'), 200);
		await expectConforms(model, 'getReport', await emu.api('GET', '/reports/2021-06-30/reports/1'), 404);
		await expectConforms(model, 'createReport', await emu.api('POST', '/reports/2021-06-30/reports', { reportType: 'X', marketplaceIds: [] }), 400);
	});

	it('listings items', async () => {
		const model = 'listingsItems_2021-08-01.json';
		const base = '/listings/2021-08-01/items/A1EMULATORSELLER';
		const search = await emu.api('GET', `${base}?marketplaceIds=${US}&includedData=summaries,attributes,issues,offers,fulfillmentAvailability,productTypes,relationships,procurement`);
		await expectConforms(model, 'searchListingsItems', search, 200);
		const [item] = search.body.items as Array<{ sku: string; summaries: Array<{ productType: string }> }>;
		const all = 'summaries,attributes,issues,offers,fulfillmentAvailability,productTypes,relationships,procurement';
		await expectConforms(model, 'getListingsItem', await emu.api('GET', `${base}/${item.sku}?marketplaceIds=${US}&includedData=${all}`), 200);
		const patch = (productType: string, quantity: number, query = '') =>
			emu.api('PATCH', `${base}/${item.sku}?marketplaceIds=${US}${query}`, {
				productType,
				patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity }] }],
			});
		const productType = item.summaries[0].productType;
		await expectConforms(model, 'patchListingsItem', await patch(productType, 3, '&includedData=identifiers,issues'), 200);
		await expectConforms(model, 'patchListingsItem', await patch(productType, 4, '&mode=VALIDATION_PREVIEW'), 200);
		await expectConforms(model, 'patchListingsItem', await patch('NOT_A_TYPE', -1), 200);
		await expectConforms(model, 'getListingsItem', await emu.api('GET', `${base}/NO-SKU?marketplaceIds=${US}`), 404);
		await expectConforms(model, 'getListingsItem', await emu.api('GET', `/listings/2021-08-01/items/OTHER/${item.sku}?marketplaceIds=${US}`), 403);
	});

	it('FBA inventory', async () => {
		const response = await emu.api('GET', `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${DE}&marketplaceIds=${DE}&details=true`);
		await expectConforms('fbaInventory.json', 'getInventorySummaries', response, 200);
	});
});

describe('part B conformance: vendor APIs', () => {
	let emu: PartB;
	let now: number;
	beforeAll(async () => {
		emu = await startPartB({}, 'vendor');
		now = await emu.control.now();
	});
	afterAll(async () => await emu.stop());
	const iso = (ms: number) => new Date(ms).toISOString();

	it('retail orders, acknowledgements, transactions and shipments', async () => {
		const model = 'vendorOrders.json';
		const list = await emu.api('GET', `/vendor/orders/v1/purchaseOrders?createdAfter=${iso(now - 7 * DAY)}&limit=5`);
		await expectConforms(model, 'getPurchaseOrders', list, 200);
		await expectConforms(model, 'getPurchaseOrders', await emu.api('GET', `/vendor/orders/v1/purchaseOrders?createdAfter=${iso(now - 30 * DAY)}`), 400);
		const [po] = (list.body.payload as IDataObject).orders as Array<{ purchaseOrderNumber: string }>;
		await expectConforms(model, 'getPurchaseOrder', await emu.api('GET', `/vendor/orders/v1/purchaseOrders/${po.purchaseOrderNumber}`), 200);
		await expectConforms(model, 'getPurchaseOrdersStatus', await emu.api('GET', `/vendor/orders/v1/purchaseOrdersStatus?createdAfter=${iso(now - 7 * DAY)}`), 200);
		const ack = await emu.api('POST', '/vendor/orders/v1/acknowledgements', {
			acknowledgements: [{ purchaseOrderNumber: 'UNKNOWN1', sellingParty: { partyId: 'EMUVC' }, acknowledgementDate: iso(now), items: [] }],
		});
		await expectConforms(model, 'submitAcknowledgement', ack, 202);
		const transactionPath = `/vendor/transactions/v1/transactions/${(ack.body.payload as IDataObject).transactionId}`;
		await expectConforms('vendorTransactionStatus.json', 'getTransaction', await emu.api('GET', transactionPath), 200);
		await emu.control.advanceClock(60 * 1000);
		await expectConforms('vendorTransactionStatus.json', 'getTransaction', await emu.api('GET', transactionPath), 200);
		const asn = await emu.api('POST', '/vendor/shipping/v1/shipmentConfirmations', { shipmentConfirmations: [{ shipmentIdentifier: 'A1' }] });
		await expectConforms('vendorShipments.json', 'SubmitShipmentConfirmations', asn, 202);
	});

	it('direct fulfillment orders and transactions', async () => {
		const model = 'vendorDirectFulfillmentOrders_2021-12-28.json';
		const path = '/vendor/directFulfillment/orders/2021-12-28/purchaseOrders';
		const token = await emu.api('POST', '/tokens/2021-03-01/restrictedDataToken', {
			restrictedResources: [{ method: 'GET', path }, { method: 'GET', path: `${path}/{purchaseOrderNumber}` }],
		});
		const rdt = { token: token.body.restrictedDataToken as string };
		const query = `?createdAfter=${iso(now - 14 * DAY)}&createdBefore=${iso(now)}`;
		const list = await emu.api('GET', `${path}${query}`, undefined, rdt);
		await expectConforms(model, 'getOrders', list, 200);
		await expectConforms(model, 'getOrders', await emu.api('GET', `${path}${query}`), 403);
		const [order] = list.body.orders as Array<{ purchaseOrderNumber: string }>;
		await expectConforms(model, 'getOrder', await emu.api('GET', `${path}/${order.purchaseOrderNumber}`, undefined, rdt), 200);
		const ack = await emu.api('POST', '/vendor/directFulfillment/orders/2021-12-28/acknowledgements', { orderAcknowledgements: [{ purchaseOrderNumber: 'NOPE' }] });
		await expectConforms(model, 'submitAcknowledgement', ack, 202);
		await emu.control.advanceClock(60 * 1000);
		const status = await emu.api('GET', `/vendor/directFulfillment/transactions/2021-12-28/transactions/${ack.body.transactionId}`);
		await expectConforms('vendorDirectFulfillmentTransactions_2021-12-28.json', 'getTransactionStatus', status, 200);
	});
});
