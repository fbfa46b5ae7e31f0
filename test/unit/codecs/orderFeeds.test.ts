import {
	buildCancellationFlatFile,
	buildFulfillmentFlatFile,
	buildOrderAcknowledgementFeed,
	buildOrderFulfillmentFeed,
	CANCEL_REASONS,
} from '../../../nodes/AmazonSpApi/core/orders/orderFeeds';
import { SpApiInputError } from '../../../nodes/AmazonSpApi/core/http/errors';
import { parseXml } from '../../../nodes/AmazonSpApi/core/codecs/xml';

const HEAD =
	'<?xml version="1.0" encoding="UTF-8"?>\n' +
	'<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n' +
	'  <Header>\n    <DocumentVersion>1.01</DocumentVersion>\n    <MerchantIdentifier>A1SELLER</MerchantIdentifier>\n  </Header>\n';

function inputError(run: () => unknown): SpApiInputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(SpApiInputError);
	return caught as SpApiInputError;
}

describe('OrderAcknowledgement feed', () => {
	it('acknowledges and cancels with Amazon element order', () => {
		const xml = buildOrderAcknowledgementFeed('A1SELLER', [
			{
				amazonOrderId: '123-1234567-1234567',
				merchantOrderId: 'MY-1001 & Co',
				statusCode: 'Success',
				items: [{ amazonOrderItemCode: '11111111111111', merchantOrderItemId: 'L1' }],
			},
			{
				amazonOrderId: '234-2345678-2345678',
				statusCode: 'Failure',
				items: [{ amazonOrderItemCode: '22222222222222', cancelReason: 'NoInventory', quantity: 2 }],
			},
		]);
		expect(xml).toBe(
			HEAD +
				'  <MessageType>OrderAcknowledgement</MessageType>\n' +
				'  <Message>\n    <MessageID>1</MessageID>\n    <OrderAcknowledgement>\n' +
				'      <AmazonOrderID>123-1234567-1234567</AmazonOrderID>\n' +
				'      <MerchantOrderID>MY-1001 &amp; Co</MerchantOrderID>\n' +
				'      <StatusCode>Success</StatusCode>\n' +
				'      <Item>\n        <AmazonOrderItemCode>11111111111111</AmazonOrderItemCode>\n' +
				'        <MerchantOrderItemID>L1</MerchantOrderItemID>\n      </Item>\n' +
				'    </OrderAcknowledgement>\n  </Message>\n' +
				'  <Message>\n    <MessageID>2</MessageID>\n    <OrderAcknowledgement>\n' +
				'      <AmazonOrderID>234-2345678-2345678</AmazonOrderID>\n' +
				'      <StatusCode>Failure</StatusCode>\n' +
				'      <Item>\n        <AmazonOrderItemCode>22222222222222</AmazonOrderItemCode>\n' +
				'        <CancelReason>NoInventory</CancelReason>\n        <Quantity>2</Quantity>\n      </Item>\n' +
				'    </OrderAcknowledgement>\n  </Message>\n' +
				'</AmazonEnvelope>\n',
		);
		expect(parseXml(xml).name).toBe('AmazonEnvelope');
	});

	it('acknowledges a whole order without items', () => {
		const xml = buildOrderAcknowledgementFeed('A1SELLER', [
			{ messageId: 7, amazonOrderId: '123-1234567-1234567', statusCode: 'Success' },
		]);
		expect(xml).toContain('<MessageID>7</MessageID>');
		expect(xml).not.toContain('<Item>');
	});

	it.each([
		[{ amazonOrderId: '123-123456-1234567', statusCode: 'Success' }, 'messages[0].amazonOrderId', 'not an Amazon order ID'],
		[
			{ amazonOrderId: '123-1234567-1234567', statusCode: 'Failure', items: [] },
			'messages[0].items',
			'at least one item',
		],
		[{ amazonOrderId: '123-1234567-1234567', statusCode: 'Failure' }, 'messages[0].items', 'at least one item'],
		[
			{ amazonOrderId: '123-1234567-1234567', statusCode: 'Failure', items: [{ amazonOrderItemCode: '1', cancelReason: 'OutOfStock' }] },
			'messages[0].items[0].cancelReason',
			'"OutOfStock" is not an Amazon cancel reason',
		],
		[
			{ amazonOrderId: '123-1234567-1234567', statusCode: 'Success', items: [{ amazonOrderItemCode: '1', cancelReason: 'NoInventory' }] },
			'messages[0].items[0].cancelReason',
			'only allowed',
		],
		[
			{ amazonOrderId: '123-1234567-1234567', statusCode: 'Failure', items: [{ amazonOrderItemCode: '1', cancelReason: 'NoInventory', quantity: 0 }] },
			'messages[0].items[0].quantity',
			'positive whole number',
		],
		[{ amazonOrderId: '123-1234567-1234567', statusCode: 'Ok' }, 'messages[0].statusCode', 'Success or Failure'],
	])('rejects invalid input %#', (message, field, text) => {
		const error = inputError(() => buildOrderAcknowledgementFeed('A1SELLER', [message as never]));
		expect(error.field).toBe(field);
		expect(error.message).toContain(text);
	});

	it('names all valid reasons in the hint and rejects empty feeds, duplicate IDs and a missing seller', () => {
		const error = inputError(() =>
			buildOrderAcknowledgementFeed('S', [
				{ amazonOrderId: '123-1234567-1234567', statusCode: 'Failure', items: [{ amazonOrderItemCode: '1' }] },
			]),
		);
		expect(error.hint).toContain(CANCEL_REASONS.join(', '));
		expect(inputError(() => buildOrderAcknowledgementFeed('S', [])).field).toBe('messages');
		const ok = { amazonOrderId: '123-1234567-1234567', statusCode: 'Success' as const, messageId: 1 };
		expect(inputError(() => buildOrderAcknowledgementFeed('S', [ok, ok])).message).toContain('used twice');
		expect(inputError(() => buildOrderAcknowledgementFeed(' ', [ok])).field).toBe('sellerId');
	});
});

describe('OrderFulfillment feed', () => {
	it('confirms a shipment with Amazon element order', () => {
		const xml = buildOrderFulfillmentFeed('A1SELLER', [
			{
				amazonOrderId: '123-1234567-1234567',
				merchantFulfillmentId: 'F-1',
				fulfillmentDate: new Date('2026-03-01T10:00:00Z'),
				carrierCode: 'Other',
				carrierName: 'Acme Parcel',
				shippingMethod: 'Express',
				trackingNumber: 'TRK<1>',
				items: [{ amazonOrderItemCode: '11111111111111', quantity: 1 }, { amazonOrderItemCode: '22222222222222' }],
			},
		]);
		expect(xml).toBe(
			HEAD +
				'  <MessageType>OrderFulfillment</MessageType>\n' +
				'  <Message>\n    <MessageID>1</MessageID>\n    <OrderFulfillment>\n' +
				'      <AmazonOrderID>123-1234567-1234567</AmazonOrderID>\n' +
				'      <MerchantFulfillmentID>F-1</MerchantFulfillmentID>\n' +
				'      <FulfillmentDate>2026-03-01T10:00:00.000Z</FulfillmentDate>\n' +
				'      <FulfillmentData>\n        <CarrierCode>Other</CarrierCode>\n' +
				'        <CarrierName>Acme Parcel</CarrierName>\n        <ShippingMethod>Express</ShippingMethod>\n' +
				'        <ShipperTrackingNumber>TRK&lt;1&gt;</ShipperTrackingNumber>\n      </FulfillmentData>\n' +
				'      <Item>\n        <AmazonOrderItemCode>11111111111111</AmazonOrderItemCode>\n' +
				'        <Quantity>1</Quantity>\n      </Item>\n' +
				'      <Item>\n        <AmazonOrderItemCode>22222222222222</AmazonOrderItemCode>\n      </Item>\n' +
				'    </OrderFulfillment>\n  </Message>\n' +
				'</AmazonEnvelope>\n',
		);
	});

	it('validates carrier, date and items', () => {
		const base = { amazonOrderId: '123-1234567-1234567', fulfillmentDate: '2026-03-01T10:00:00Z' };
		expect(inputError(() => buildOrderFulfillmentFeed('S', [base])).field).toBe('messages[0].carrierCode');
		expect(inputError(() => buildOrderFulfillmentFeed('S', [{ ...base, carrierCode: 'Other' }])).field).toBe(
			'messages[0].carrierName',
		);
		expect(
			inputError(() => buildOrderFulfillmentFeed('S', [{ ...base, carrierCode: 'DHL', fulfillmentDate: 'soon' }])).field,
		).toBe('messages[0].fulfillmentDate');
		expect(inputError(() => buildOrderFulfillmentFeed('S', [{ ...base, carrierCode: 'DHL', items: [] }])).field).toBe(
			'messages[0].items',
		);
		expect(buildOrderFulfillmentFeed('S', [{ ...base, carrierCode: 'DHL' }])).not.toContain('<Item>');
	});
});

describe('flat-file order feeds', () => {
	it('writes the cancellation flat file', () => {
		expect(
			buildCancellationFlatFile([
				{ amazonOrderId: '123-1234567-1234567', amazonOrderItemCode: '111', cancelReason: 'BuyerCanceled' },
			]),
		).toBe('order-id\tamazon-order-item-code\tcancellation-reason-code\n123-1234567-1234567\t111\tBuyerCanceled\n');
		expect(
			inputError(() =>
				buildCancellationFlatFile([{ amazonOrderId: '123-1234567-1234567', amazonOrderItemCode: '1', cancelReason: 'x' }]),
			).field,
		).toBe('rows[0].cancelReason');
	});

	it('writes the fulfillment flat file with tabs in values neutralised', () => {
		const tsv = buildFulfillmentFlatFile([
			{
				amazonOrderId: '123-1234567-1234567',
				amazonOrderItemCode: '111',
				quantity: 1,
				shipDate: '2026-03-01T10:00:00Z',
				carrierCode: 'Other',
				carrierName: 'Acme\tParcel',
				trackingNumber: 'T1',
				shippingMethod: 'Std',
			},
		]);
		expect(tsv).toBe(
			'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\tship_from_supply_source_id\n' +
				'123-1234567-1234567\t111\t1\t2026-03-01T10:00:00.000Z\tOther\tAcme Parcel\tT1\tStd\t\n',
		);
	});
});
