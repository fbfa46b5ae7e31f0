import { NodeOperationError } from 'n8n-workflow';

import { resolveMarketplaceId } from '../../../nodes/AmazonSpApi/n8n/marketplace';
import {
	checkAgainstOrder,
	readRequestedLines,
	remainingLines,
	type OrderLine,
} from '../../../nodes/AmazonSellerCentral/actions/common/orderLines';
import { assertOrderId, readRequiredString } from '../../../nodes/AmazonSpApi/n8n/parameters';
import { mockContext } from './helpers';

function thrown(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected an error');
}

const LINES: OrderLine[] = [
	{ orderItemId: '11111111111111', quantityOrdered: 3, quantityShipped: 1, remaining: 2 },
	{ orderItemId: '22222222222222', quantityOrdered: 1, quantityShipped: 1, remaining: 0 },
];

describe('order ID', () => {
	const context = mockContext();

	it('accepts and trims 3-7-7 digit order IDs', () => {
		expect(assertOrderId.call(context, 0, ' 123-1234567-1234567 ')).toBe('123-1234567-1234567');
	});

	it.each(['', '123-123456-1234567', 'S01-1234567-1234567', '1231234567-1234567', 42])(
		'rejects %p naming the field, the item and the fix',
		(value) => {
			const error = thrown(() => assertOrderId.call(context, 4, value));
			expect(error.message).toMatch(/^Order ID: .*\[item 4\]$/);
			expect(error.context.itemIndex).toBe(4);
			expect(error.description).toContain('123-1234567-1234567');
		},
	);
});

describe('required strings', () => {
	it('names the field when empty', () => {
		const context = mockContext({ parameters: { trackingNumber: '  ' } });
		const error = thrown(() =>
			readRequiredString.call(context, 1, 'trackingNumber', 'Tracking Number', 'Enter it'),
		);
		expect(error.message).toBe('Tracking Number: is empty [item 1]');
		expect(error.description).toBe('Enter it');
	});
});

describe('item lists', () => {
	const context = mockContext();

	it('rejects an empty item list', () => {
		const error = thrown(() => readRequestedLines.call(context, 2, [], 'Items'));
		expect(error.message).toBe('Items: the item list is empty [item 2]');
	});

	it('rejects a row without an order item ID and a quantity that is not a whole number', () => {
		expect(thrown(() => readRequestedLines.call(context, 0, [{ quantity: 1 }], 'Items')).message).toContain(
			'Items (row 1) Order Item ID',
		);
		expect(
			thrown(() => readRequestedLines.call(context, 0, [{ orderItemId: 'x', quantity: 1.5 }], 'Items'))
				.message,
		).toContain('1.5 is not a positive whole number');
	});

	it('treats quantity 0 as "everything left"', () => {
		expect(readRequestedLines.call(context, 0, [{ orderItemId: 'x', quantity: 0 }], 'Items')).toEqual([
			{ orderItemId: 'x', quantity: undefined },
		]);
	});

	it('checks quantities against what is left of the order', () => {
		const order = '123-1234567-1234567';
		expect(
			checkAgainstOrder.call(context, 0, order, LINES, [{ orderItemId: '11111111111111' }], 'Items'),
		).toEqual([{ orderItemId: '11111111111111', quantity: 2 }]);

		const tooMany = thrown(() =>
			checkAgainstOrder.call(context, 3, order, LINES, [{ orderItemId: '11111111111111', quantity: 3 }], 'Items'),
		);
		expect(tooMany.message).toContain('quantity 3 for order item 11111111111111 is larger than the 2 left of 3 ordered');
		expect(tooMany.message).toMatch(/\[item 3\]$/);
		expect(tooMany.description).toBe('Enter a quantity between 1 and 2');

		expect(
			thrown(() => checkAgainstOrder.call(context, 0, order, LINES, [{ orderItemId: '999' }], 'Items')).message,
		).toContain('order item 999 is not part of order 123-1234567-1234567');
		expect(
			thrown(() => checkAgainstOrder.call(context, 0, order, LINES, [{ orderItemId: '22222222222222' }], 'Items'))
				.message,
		).toContain('has nothing left');
	});

	it('defaults to all unshipped lines with their remaining quantities', () => {
		expect(remainingLines.call(context, 0, 'o', LINES)).toEqual([{ orderItemId: '11111111111111', quantity: 2 }]);
		expect(thrown(() => remainingLines.call(context, 5, 'o', [LINES[1]])).message).toContain(
			'has no unshipped items left [item 5]',
		);
	});
});

describe('marketplace', () => {
	const context = mockContext();
	const account = { defaultMarketplaceId: 'A1PA6795UKMFR9', region: 'eu' as const };

	it('uses the credential default, IDs and country codes', () => {
		expect(resolveMarketplaceId.call(context, 0, '', account)).toBe('A1PA6795UKMFR9');
		expect(resolveMarketplaceId.call(context, 0, 'fr', account)).toBe('A13V1IB3VIYZZH');
		expect(resolveMarketplaceId.call(context, 0, 'APJ6JRA9NG5V4', account)).toBe('APJ6JRA9NG5V4');
	});

	it('rejects unknown marketplaces and marketplaces of another region', () => {
		const unknown = thrown(() => resolveMarketplaceId.call(context, 1, 'XX', account));
		expect(unknown.message).toBe('Marketplace ID: Unknown Amazon marketplace "XX" [item 1]');
		expect(unknown.description).toContain('ATVPDKIKX0DER');
		expect(thrown(() => resolveMarketplaceId.call(context, 0, 'US', account)).message).toContain(
			'belongs to region NA, but the credential uses region EU',
		);
		expect(thrown(() => resolveMarketplaceId.call(context, 0, '', { region: 'eu' })).message).toContain(
			'no default marketplace',
		);
	});
});
