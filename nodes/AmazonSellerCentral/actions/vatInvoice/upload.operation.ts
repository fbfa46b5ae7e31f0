import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { submitFeed } from '../../../AmazonSpApi/core/feeds/feeds';
import { assertPdf, VAT_INVOICE_CONTENT_TYPE, VAT_INVOICE_FEED_TYPE, vatInvoiceFeedOptions, type VatInvoice } from '../../../AmazonSpApi/core/invoices/vatInvoice';
import { exportDecision, exportPolicyOptions, readExportPolicy, skippedItem } from '../../../AmazonSpApi/n8n/exportPolicy';
import { guardInput, invalidInput } from '../../../AmazonSpApi/n8n/inputErrors';
import { resolveMarketplaceId } from '../../../AmazonSpApi/n8n/marketplace';
import { assertOrderId } from '../../../AmazonSpApi/n8n/parameters';
import { sellerClient } from '../common/client';
import { feedResultItems, readWaitOptions, waitOptionsProperty, type FeedWaitSettings } from '../feed/common';

const FIELD_LABELS: Record<string, string> = {
	orderId: 'Order ID',
	invoiceNumber: 'Invoice Number',
	transactionId: 'Transaction ID',
	totalAmount: 'Total Amount',
	totalVatAmount: 'Total VAT Amount',
	document: 'Input Binary Field',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'options',
		options: [
			{ name: 'Order ID', value: 'orderId' },
			{ name: 'Shipping ID', value: 'shippingId', description: 'For an invoice per shipment of a split order' },
		],
		default: 'orderId',
	},
	{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '', required: true, placeholder: 'e.g. 028-1234567-1234567', displayOptions: { show: { reference: ['orderId'] } } },
	{ displayName: 'Shipping ID', name: 'shippingId', type: 'string', default: '', required: true, displayOptions: { show: { reference: ['shippingId'] } } },
	{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '', required: true, placeholder: 'e.g. RE-2026-00042' },
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		options: [
			{ name: 'Credit Note', value: 'CreditNote' },
			{ name: 'Invoice', value: 'Invoice' },
		],
		default: 'Invoice',
	},
	{ displayName: 'Transaction ID', name: 'transactionId', type: 'string', default: '', required: true, displayOptions: { show: { documentType: ['CreditNote'] } }, description: "The refund's transaction ID (VAT invoice data report)" },
	{ displayName: 'Total Amount', name: 'totalAmount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Gross total; Amazon rejects a document whose totals differ from its own (0: not sent)' },
	{ displayName: 'Total VAT Amount', name: 'totalVatAmount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'VAT included in the total (0: not sent)' },
	{ displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, hint: 'The name of the input binary field holding the PDF' },
	{ displayName: 'Marketplace Name or ID', name: 'marketplaceId', type: 'options', typeOptions: { loadOptionsMethod: 'getMarketplaces' }, default: '', description: 'The order\'s marketplace; empty means the credential\'s default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	{ displayName: 'Business Order', name: 'isBusinessOrder', type: 'boolean', default: false, description: "Whether the order is a business (B2B) order (map the order's isBusiness field); used by the export lists" },
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: exportPolicyOptions },
	...waitOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['vatInvoice'], operation: ['upload'] } }, properties);

type PreparedInvoice =
	| { skipped: IDataObject }
	| { marketplaceId: string; pdf: Uint8Array; feedOptions: Record<string, string>; wait: FeedWaitSettings; orderRef: string };

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedInvoice> {
	const { account } = await sellerClient.call(this);
	const node = this.getNode();
	const marketplaceId = resolveMarketplaceId.call(this, itemIndex, String(this.getNodeParameter('marketplaceId', itemIndex, '') ?? ''), account);
	const isBusiness = Boolean(this.getNodeParameter('isBusinessOrder', itemIndex, false));
	const reference = this.getNodeParameter('reference', itemIndex, 'orderId') as string;
	const str = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const decision = exportDecision(readExportPolicy(this, itemIndex), { marketplaceId, isBusiness });
	if (!decision.export) {
		const order = { orderReference: str(reference), marketplaceId, isBusinessOrder: isBusiness };
		return { skipped: skippedItem({ ...this.getInputData()[itemIndex].json, ...order }, decision.reason) };
	}

	const amount = (name: string) => Number(this.getNodeParameter(name, itemIndex, 0)) || undefined;
	const invoice: VatInvoice = {
		orderId: reference === 'orderId' ? assertOrderId.call(this, itemIndex, str('orderId')) : undefined,
		shippingId: reference === 'shippingId' ? str('shippingId') : undefined,
		invoiceNumber: str('invoiceNumber'),
		documentType: this.getNodeParameter('documentType', itemIndex, 'Invoice') as VatInvoice['documentType'],
		totalAmount: amount('totalAmount'),
		totalVatAmount: amount('totalVatAmount'),
		transactionId: str('transactionId') || undefined,
	};
	const feedOptions = guardInput(node, itemIndex, (field) => FIELD_LABELS[field] ?? field, () => vatInvoiceFeedOptions(invoice));

	const property = str('binaryPropertyName') || 'data';
	if (!this.getInputData()[itemIndex]?.binary?.[property]) {
		throw invalidInput(node, itemIndex, 'Input Binary Field', `the input item has no binary field "${property}"`, 'Enter the name of the binary field that holds the PDF (see the input panel)');
	}
	const pdf = new Uint8Array(await this.helpers.getBinaryDataBuffer(itemIndex, property));
	guardInput(node, itemIndex, 'Input Binary Field', () => assertPdf(pdf));
	return { marketplaceId, pdf, feedOptions, wait: readWaitOptions(this, itemIndex), orderRef: invoice.orderId ?? invoice.shippingId ?? '' };
}

/** One UPLOAD_VAT_INVOICE feed per invoice, never sent twice; skipped items pass through untouched. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, prepared: PreparedInvoice): Promise<IDataObject[]> {
	if ('skipped' in prepared) return [prepared.skipped];
	const { client } = await sellerClient.call(this);
	const { feedId, feedDocumentId } = await submitFeed(client, {
		feedType: VAT_INVOICE_FEED_TYPE,
		marketplaceIds: [prepared.marketplaceId],
		content: prepared.pdf,
		contentType: VAT_INVOICE_CONTENT_TYPE,
		feedOptions: prepared.feedOptions,
	});
	const submitted = { feedId, feedType: VAT_INVOICE_FEED_TYPE, feedDocumentId, orderReference: prepared.orderRef, invoiceNumber: prepared.feedOptions['metadata:invoicenumber'], skipped: false };
	if (!prepared.wait.enabled) return [{ ...submitted, processingStatus: 'IN_QUEUE' }];
	return await feedResultItems(client, submitted, prepared.wait.timeoutMs);
}
