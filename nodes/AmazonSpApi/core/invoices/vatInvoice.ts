/**
 * UPLOAD_VAT_INVOICE (REFERENCE §7.6): one PDF per feed, its metadata in feedOptions with lowercase keys as in
 * Amazon's guide. Everything is checked before anything is sent.
 */

import { SpApiInputError } from '../http/errors';

export const VAT_INVOICE_FEED_TYPE = 'UPLOAD_VAT_INVOICE';
export const VAT_INVOICE_CONTENT_TYPE = 'application/pdf';

export interface VatInvoice {
	/** The order, or with `shippingId` the shipment, the document belongs to. */
	orderId?: string;
	shippingId?: string;
	invoiceNumber: string;
	documentType: 'Invoice' | 'CreditNote';
	totalAmount?: number;
	totalVatAmount?: number;
	transactionId?: string;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function assertPdf(bytes: Uint8Array): void {
	if (!PDF_MAGIC.every((value, index) => bytes[index] === value)) {
		throw new SpApiInputError('document', 'is not a PDF file (it does not start with %PDF-)', 'Pass the invoice as a PDF in the binary field');
	}
}

function money(field: string, value: number | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (!Number.isFinite(value) || Math.round(value * 100) !== Math.round(value * 1000) / 10) {
		throw new SpApiInputError(field, `${value} is not an amount with at most 2 decimals`, 'Amazon compares the amounts to 2 decimals: round them first');
	}
	return value.toFixed(2);
}

/** The feedOptions of one invoice upload. */
export function vatInvoiceFeedOptions(invoice: VatInvoice): Record<string, string> {
	const target = invoice.orderId?.trim() || invoice.shippingId?.trim();
	if (!target) throw new SpApiInputError('orderId', 'is empty', 'Enter the Amazon order ID (or the shipping ID) of the invoice');
	if (!invoice.invoiceNumber?.trim()) throw new SpApiInputError('invoiceNumber', 'is empty', "Enter the invoice's number");
	if (invoice.documentType === 'CreditNote' && !invoice.transactionId?.trim()) {
		throw new SpApiInputError('transactionId', 'is empty', "A credit note needs the refund's transaction ID (from the VAT invoice data report)");
	}
	const options: Record<string, string> = {
		[invoice.orderId?.trim() ? 'metadata:orderid' : 'metadata:shippingid']: target,
		'metadata:invoicenumber': invoice.invoiceNumber.trim(),
		'metadata:documenttype': invoice.documentType,
	};
	const total = money('totalAmount', invoice.totalAmount);
	const vat = money('totalVatAmount', invoice.totalVatAmount);
	if (total !== undefined) options['metadata:totalamount'] = total;
	if (vat !== undefined) options['metadata:totalvatamount'] = vat;
	if (invoice.transactionId?.trim()) options['metadata:transactionid'] = invoice.transactionId.trim();
	return options;
}
