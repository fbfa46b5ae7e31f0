import { parseProcessingReport } from '../../../nodes/AmazonSpApi/core/feeds/processingReports';

const XML_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A1SELLER</MerchantIdentifier></Header>
  <MessageType>ProcessingReport</MessageType>
  <Message>
    <MessageID>1</MessageID>
    <ProcessingReport>
      <DocumentTransactionID>50012345678</DocumentTransactionID>
      <StatusCode>Complete</StatusCode>
      <ProcessingSummary>
        <MessagesProcessed>3</MessagesProcessed>
        <MessagesSuccessful>1</MessagesSuccessful>
        <MessagesWithError>2</MessagesWithError>
        <MessagesWithWarning>1</MessagesWithWarning>
      </ProcessingSummary>
      <Result>
        <MessageID>2</MessageID>
        <ResultCode>Error</ResultCode>
        <ResultMessageCode>18028</ResultMessageCode>
        <ResultDescription>The order ID &apos;123-1234567-1234567&apos; was not found in our system.</ResultDescription>
        <AdditionalInfo><AmazonOrderID>123-1234567-1234567</AmazonOrderID></AdditionalInfo>
      </Result>
      <Result>
        <MessageID>3</MessageID>
        <ResultCode>Error</ResultCode>
        <ResultMessageCode>18030</ResultMessageCode>
        <ResultDescription><![CDATA[Item <22222222222222> does not belong to the order.]]></ResultDescription>
        <AdditionalInfo>
          <AmazonOrderID>234-2345678-2345678</AmazonOrderID>
          <AmazonOrderItemCode>22222222222222</AmazonOrderItemCode>
        </AdditionalInfo>
      </Result>
      <Result>
        <MessageID>1</MessageID>
        <ResultCode>Warning</ResultCode>
        <ResultMessageCode>5001</ResultMessageCode>
        <ResultDescription>Tracking number format looks unusual.</ResultDescription>
        <AdditionalInfo><SKU>SKU-1</SKU></AdditionalInfo>
      </Result>
    </ProcessingReport>
  </Message>
</AmazonEnvelope>`;

describe('processing reports', () => {
	it('parses an XML ProcessingReport with Amazon\'s own texts', () => {
		expect(parseProcessingReport(XML_REPORT)).toEqual({
			format: 'xml',
			summary: { processed: 3, successful: 1, withError: 2, withWarning: 1 },
			messages: [
				{
					messageId: 2,
					resultCode: 'Error',
					code: '18028',
					description: "The order ID '123-1234567-1234567' was not found in our system.",
					amazonOrderId: '123-1234567-1234567',
				},
				{
					messageId: 3,
					resultCode: 'Error',
					code: '18030',
					description: 'Item <22222222222222> does not belong to the order.',
					amazonOrderId: '234-2345678-2345678',
					amazonOrderItemCode: '22222222222222',
				},
				{ messageId: 1, resultCode: 'Warning', code: '5001', description: 'Tracking number format looks unusual.', sku: 'SKU-1' },
			],
		});
	});

	it('parses the JSON listings processing report', () => {
		const report = JSON.stringify({
			header: { sellerId: 'A1SELLER', version: '2.0', feedId: '123' },
			issues: [
				{ messageId: 2, sku: 'SKU-B', code: '90220', severity: 'ERROR', message: "'condition_type' is required but not supplied.", attributeName: 'condition_type' },
				{ messageId: 1, sku: 'SKU-A', code: '18027', severity: 'WARNING', message: 'Price looks low.' },
			],
			summary: { errors: 1, warnings: 1, messagesProcessed: 2, messagesAccepted: 1, messagesInvalid: 1 },
		});
		expect(parseProcessingReport(report)).toEqual({
			format: 'json',
			summary: { processed: 2, successful: 1, withError: 1, withWarning: 1 },
			messages: [
				{ messageId: 2, resultCode: 'Error', code: '90220', description: "'condition_type' is required but not supplied.", sku: 'SKU-B' },
				{ messageId: 1, resultCode: 'Warning', code: '18027', description: 'Price looks low.', sku: 'SKU-A' },
			],
		});
	});

	it('parses the flat-file processing report by header name', () => {
		const report =
			'Feed Processing Summary:\r\n' +
			'\tNumber of records processed\t\t3\r\n' +
			'\tNumber of records successful\t\t2\r\n\r\n' +
			'original-record-number\terror-type\torder-id\torder-item-id\terror-code\terror-message\r\n' +
			'2\tError\t123-1234567-1234567\t111\t18028\tThe order ID was not found.\r\n';
		expect(parseProcessingReport(report)).toEqual({
			format: 'tsv',
			summary: { processed: 3, successful: 2, withError: 1, withWarning: 0 },
			messages: [
				{
					messageId: 2,
					resultCode: 'Error',
					code: '18028',
					description: 'The order ID was not found.',
					amazonOrderId: '123-1234567-1234567',
					amazonOrderItemCode: '111',
				},
			],
		});
	});

	it('returns undefined for documents that are not processing reports', () => {
		expect(parseProcessingReport('Feed processing failed: invalid file')).toBeUndefined();
		expect(parseProcessingReport('<Error><Code>AccessDenied</Code></Error>')).toBeUndefined();
		expect(parseProcessingReport('<not xml')).toBeUndefined();
		expect(parseProcessingReport('{"errorDetails":"bad"}')).toBeUndefined();
		expect(parseProcessingReport('{broken')).toBeUndefined();
	});
});
