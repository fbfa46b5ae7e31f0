import {
	finishFeed,
	openMfnOrders,
	orderStore,
	startPartB,
	submitFeed,
	type EmuOrder,
	type PartB,
} from './conformance-b.helpers';

const XML = 'text/xml; charset=UTF-8';
const TSV = 'text/tab-separated-values; charset=UTF-8';

const envelope = (messageType: string, messages: string[]) =>
	`<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">` +
	`<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A1EMULATORSELLER</MerchantIdentifier></Header>` +
	`<MessageType>${messageType}</MessageType>` +
	messages.map((body, i) => `<Message><MessageID>${i + 1}</MessageID>${body}</Message>`).join('') +
	'</AmazonEnvelope>';
const acknowledgement = (orderId: string, status: string, items = '', merchantOrderId = '') =>
	`<OrderAcknowledgement><AmazonOrderID>${orderId}</AmazonOrderID>${merchantOrderId ? `<MerchantOrderID>${merchantOrderId}</MerchantOrderID>` : ''}<StatusCode>${status}</StatusCode>${items}</OrderAcknowledgement>`;
const cancelItem = (itemId: string, reason: string) => `<Item><AmazonOrderItemCode>${itemId}</AmazonOrderItemCode><CancelReason>${reason}</CancelReason></Item>`;
const fulfillment = (orderId: string, carrier: string) =>
	`<OrderFulfillment><AmazonOrderID>${orderId}</AmazonOrderID><FulfillmentDate>2026-01-02T10:00:00Z</FulfillmentDate>` +
	`<FulfillmentData>${carrier}<ShippingMethod>Paket</ShippingMethod><ShipperTrackingNumber>TRACK-${orderId}</ShipperTrackingNumber></FulfillmentData></OrderFulfillment>`;
const summaryValue = (text: string, name: string) => Number(new RegExp(`<${name}>(\\d+)</${name}>`).exec(text)?.[1]);

describe('feeds lifecycle (time scale 1)', () => {
	let emu: PartB;
	beforeAll(async () => (emu = await startPartB({ timeScale: 1 })));
	afterAll(async () => await emu.stop());

	it('uploads only with the declared Content-Type and before the URL expires', async () => {
		const document = await emu.api('POST', '/feeds/2021-06-30/documents', { contentType: XML });
		expect(document.status).toBe(201);
		const url = document.body.url as string;
		expect(url).toContain('X-Amz-Expires=300');

		const wrongType = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: '<x/>' });
		expect(wrongType.status).toBe(403);
		expect(await wrongType.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

		const expiring = await emu.api('POST', '/feeds/2021-06-30/documents', { contentType: XML });
		await emu.control.advanceClock(301 * 1000);
		const expired = await fetch(expiring.body.url as string, { method: 'PUT', headers: { 'content-type': XML }, body: '<x/>' });
		expect(expired.status).toBe(403);
		expect(await expired.text()).toContain('Request has expired');
	});

	it('rejects createFeed for unknown or never uploaded documents', async () => {
		const unknown = await emu.api('POST', '/feeds/2021-06-30/feeds', {
			feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
			marketplaceIds: ['ATVPDKIKX0DER'],
			inputFeedDocumentId: 'amzn1.tortuga.4.na.nope',
		});
		expect(unknown.status).toBe(400);
		const empty = await emu.api('POST', '/feeds/2021-06-30/documents', { contentType: XML });
		const notUploaded = await emu.api('POST', '/feeds/2021-06-30/feeds', {
			feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
			marketplaceIds: ['ATVPDKIKX0DER'],
			inputFeedDocumentId: empty.body.feedDocumentId,
		});
		expect(notUploaded.status).toBe(400);
	});

	it('moves IN_QUEUE -> IN_PROGRESS -> DONE over virtual time and serves a gzip report', async () => {
		const feedId = await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, envelope('OrderAcknowledgement', []));
		const status = async () => (await emu.api('GET', `/feeds/2021-06-30/feeds/${feedId}`)).body;
		expect((await status()).processingStatus).toBe('IN_QUEUE');
		await emu.control.advanceClock(31 * 1000);
		expect((await status()).processingStatus).toBe('IN_PROGRESS');
		await emu.control.advanceClock(60 * 1000);
		const done = await status();
		expect(done).toMatchObject({ processingStatus: 'DONE', resultFeedDocumentId: expect.any(String) });
		const document = await emu.api('GET', `/feeds/2021-06-30/documents/${done.resultFeedDocumentId}`);
		expect(document.body.compressionAlgorithm).toBe('GZIP');
		const raw = new Uint8Array(await (await fetch(document.body.url as string)).arrayBuffer());
		expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]);
	});

	it('cancels only while IN_QUEUE', async () => {
		const queued = await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, envelope('OrderAcknowledgement', []));
		expect((await emu.api('DELETE', `/feeds/2021-06-30/feeds/${queued}`)).status).toBe(200);
		expect((await emu.api('GET', `/feeds/2021-06-30/feeds/${queued}`)).body.processingStatus).toBe('CANCELLED');
		const started = await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, envelope('OrderAcknowledgement', []));
		await emu.control.advanceClock(31 * 1000);
		expect((await emu.api('DELETE', `/feeds/2021-06-30/feeds/${started}`)).status).toBe(400);
	});

	it('lists feeds by type with the nextToken-alone rule', async () => {
		expect((await emu.api('GET', '/feeds/2021-06-30/feeds')).status).toBe(400);
		const first = await emu.api('GET', '/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA&pageSize=1');
		expect(first.body.feeds).toHaveLength(1);
		const token = encodeURIComponent(first.body.nextToken as string);
		expect((await emu.api('GET', `/feeds/2021-06-30/feeds?nextToken=${token}&pageSize=1`)).status).toBe(400);
		const next = await emu.api('GET', `/feeds/2021-06-30/feeds?nextToken=${token}`);
		expect(next.status).toBe(200);
		expect((next.body.feeds as Array<{ feedId: string }>)[0].feedId).not.toBe((first.body.feeds as Array<{ feedId: string }>)[0].feedId);
	});
});

describe('order feeds change order state', () => {
	let emu: PartB;
	let orders: EmuOrder[];
	beforeAll(async () => {
		emu = await startPartB();
		orders = openMfnOrders(emu, 8);
	});
	afterAll(async () => await emu.stop());
	const current = (order: EmuOrder) => orderStore(emu).get(order.orderId)!;

	it('acknowledges with Success, refuses Pending orders and reports unknown orders', async () => {
		const [ack, pending] = orders;
		orderStore(emu).upsert({ orderId: pending.orderId, status: 'Pending' });
		const feedId = await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML,
			envelope('OrderAcknowledgement', [
				acknowledgement(ack.orderId, 'Success', '', 'MY-1001'),
				acknowledgement(pending.orderId, 'Success'),
				acknowledgement('999-0000000-0000000', 'Success'),
			]));
		const { feed, text } = await finishFeed(emu, feedId);
		expect(feed.processingStatus).toBe('DONE');
		expect(current(ack)).toMatchObject({ acknowledged: true, merchantOrderId: 'MY-1001' });
		expect(summaryValue(text, 'MessagesProcessed')).toBe(3);
		expect(summaryValue(text, 'MessagesWithError')).toBe(2);
		expect(text).toContain(`<AmazonOrderID>${pending.orderId}</AmazonOrderID>`);
		expect(text).toMatch(/Pending status/);
		expect(text).toContain('<ResultMessageCode>18028</ResultMessageCode>');
	});

	it('cancels items with Failure + CancelReason and rejects unknown reasons', async () => {
		const [, , cancel, badReason] = orders;
		const item = cancel.items[0];
		const feedId = await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML,
			envelope('OrderAcknowledgement', [
				acknowledgement(cancel.orderId, 'Failure', cancelItem(item.orderItemId, 'NoInventory')),
				acknowledgement(badReason.orderId, 'Failure', cancelItem(badReason.items[0].orderItemId, 'TooExpensive')),
			]));
		const { text } = await finishFeed(emu, feedId);
		expect(current(cancel).items[0].quantityCanceled).toBe(item.quantityOrdered);
		expect(current(badReason).items[0].quantityCanceled).toBe(0);
		expect(text).toContain("The CancelReason &apos;TooExpensive&apos; is not valid");
		expect(text).toContain(`<AmazonOrderItemCode>${badReason.items[0].orderItemId}</AmazonOrderItemCode>`);
	});

	it('cancels whole orders from the flat file (it never acknowledges)', async () => {
		const order = orders[4];
		const wasAcknowledged = order.acknowledged;
		const content = `order-id\tamazon-order-item-code\tcancellation-reason-code\n${order.orderId}\t\tBuyerCanceled\nnot-an-order\t\tBuyerCanceled\n`;
		const { text } = await finishFeed(emu, await submitFeed(emu, 'POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA', TSV, content));
		expect(current(order).status).toBe('Canceled');
		expect(current(order).acknowledged).toBe(wasAcknowledged);
		expect(text).toMatch(/Number of records processed\t\t2/);
		expect(text).toMatch(/Number of records successful\t\t1/);
	});

	it('ships with valid carriers (or Other + CarrierName) and rejects unknown carrier codes', async () => {
		const [, , , , , dhl, other, unknown] = orders;
		const feedId = await submitFeed(emu, 'POST_ORDER_FULFILLMENT_DATA', XML,
			envelope('OrderFulfillment', [
				fulfillment(dhl.orderId, '<CarrierCode>DHL</CarrierCode>'),
				fulfillment(other.orderId, '<CarrierCode>Other</CarrierCode><CarrierName>Hermes Einrichtungsservice</CarrierName>'),
				fulfillment(unknown.orderId, '<CarrierCode>Pigeon Post</CarrierCode>'),
			]));
		const { text } = await finishFeed(emu, feedId);
		expect(current(dhl).status).toBe('Shipped');
		expect(current(dhl).shipments[0]).toMatchObject({ carrierCode: 'DHL', trackingNumber: `TRACK-${dhl.orderId}` });
		expect(current(other).shipments[0]).toMatchObject({ carrierName: 'Hermes Einrichtungsservice' });
		expect(current(unknown).status).toBe('Unshipped');
		expect(summaryValue(text, 'MessagesWithError')).toBe(1);
		expect(text).toContain('Pigeon Post');
	});

	it('ships from the flat-file fulfillment feed', async () => {
		const order = openMfnOrders(emu, 1)[0];
		const item = order.items[0];
		const content =
			'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\n' +
			`${order.orderId}\t${item.orderItemId}\t${item.quantityOrdered}\t2026-01-02\tUPS\t\t1Z999\tGround\n`;
		const { text } = await finishFeed(emu, await submitFeed(emu, 'POST_FLAT_FILE_FULFILLMENT_DATA', TSV, content));
		expect(text).toMatch(/Number of records successful\t\t1/);
		expect(current(order).items[0].quantityShipped).toBe(item.quantityOrdered);
	});

	it('applies feeds in submission order even when a later feed is read first', async () => {
		const order = openMfnOrders(emu, 1)[0];
		await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML,
			envelope('OrderAcknowledgement', [acknowledgement(order.orderId, 'Failure', order.items.map((i) => cancelItem(i.orderItemId, 'NoInventory')).join(''))]));
		const ship = await submitFeed(emu, 'POST_ORDER_FULFILLMENT_DATA', XML, envelope('OrderFulfillment', [fulfillment(order.orderId, '<CarrierCode>UPS</CarrierCode>')]));
		const { text } = await finishFeed(emu, ship);
		expect(current(order).status).toBe('Canceled');
		expect(summaryValue(text, 'MessagesWithError')).toBe(1);
	});

	it('turns malformed feeds into error reports instead of crashing', async () => {
		const broken = await finishFeed(emu, await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, '<AmazonEnvelope><Message>'));
		expect(broken.feed.processingStatus).toBe('DONE');
		expect(broken.text).toContain('<ResultMessageCode>5000</ResultMessageCode>');
		const wrongType = await finishFeed(emu, await submitFeed(emu, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, envelope('OrderFulfillment', [])));
		expect(wrongType.text).toContain('<ResultMessageCode>5001</ResultMessageCode>');
		const retired = await finishFeed(emu, await submitFeed(emu, 'POST_PRODUCT_PRICING_DATA', XML, envelope('Price', [])));
		expect(retired.feed.processingStatus).toBe('FATAL');
		expect(retired.text).toContain('retired');
	});

	it('requires orderid and invoicenumber metadata for UPLOAD_VAT_INVOICE', async () => {
		const pdf = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF';
		const missing = await finishFeed(emu, await submitFeed(emu, 'UPLOAD_VAT_INVOICE', 'application/pdf', pdf, { feedOptions: { 'metadata:orderid': orders[0].orderId } }));
		expect(summaryValue(missing.text, 'MessagesWithError')).toBe(1);
		expect(missing.text).toContain('metadata:invoicenumber');
		const feedOptions = { 'metadata:orderid': orders[0].orderId, 'metadata:invoicenumber': 'INV-2026-0001', 'metadata:documenttype': 'Invoice' };
		const accepted = await finishFeed(emu, await submitFeed(emu, 'UPLOAD_VAT_INVOICE', 'application/pdf', pdf, { feedOptions }));
		expect(summaryValue(accepted.text, 'MessagesSuccessful')).toBe(1);
	});
});
