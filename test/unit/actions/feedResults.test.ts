import {
	failedFeedOutcome,
	mapFeedMessages,
} from '../../../nodes/AmazonSpApi/core/feeds/feedResults';

describe('mapFeedMessages', () => {
	it('maps report messages to feed messages by MessageID (position, starting at 1)', () => {
		const outcomes = mapFeedMessages(3, [
			{ messageId: 2, resultCode: 'Error', code: '18028', description: 'The order ID is not valid.' },
			{ messageId: 3, resultCode: 'Warning', code: '5001', description: 'Merchant order ID changed.' },
		]);
		expect(outcomes).toEqual([
			{ success: true, messages: [] },
			{
				success: false,
				messages: [{ resultCode: 'Error', code: '18028', description: 'The order ID is not valid.' }],
			},
			{
				success: true,
				messages: [{ resultCode: 'Warning', code: '5001', description: 'Merchant order ID changed.' }],
			},
		]);
	});

	it('attaches messages without a valid MessageID to every item', () => {
		const outcomes = mapFeedMessages(2, [
			{ messageId: 0, resultCode: 'Error', code: '90001', description: 'Document is malformed.' },
			{ messageId: 7, resultCode: 'Warning', description: 'Unknown message.' },
		]);
		expect(outcomes.map((outcome) => outcome.success)).toEqual([false, false]);
		expect(outcomes[1].messages).toHaveLength(2);
	});

	it('keeps the item code so per-item cancellations stay traceable', () => {
		const [outcome] = mapFeedMessages(1, [
			{ messageId: 1, resultCode: 'Error', code: '1', description: 'x', amazonOrderItemCode: '123' },
		]);
		expect(outcome.messages[0]).toEqual({
			resultCode: 'Error',
			code: '1',
			description: 'x',
			amazonOrderItemCode: '123',
		});
	});
});

describe('failedFeedOutcome', () => {
	it('marks every item failed and explains a FATAL feed without a report', () => {
		const outcomes = failedFeedOutcome(2, 'FATAL', []);
		expect(outcomes).toEqual([
			{
				success: false,
				messages: [
					{
						resultCode: 'Error',
						description: 'Amazon ended the feed with status FATAL without a processing report',
					},
				],
			},
			expect.objectContaining({ success: false }),
		]);
	});

	it('uses Amazon\'s own text when the FATAL feed has a reason', () => {
		const [outcome] = failedFeedOutcome(1, 'FATAL', [
			{ messageId: 0, resultCode: 'Error', code: 'FATAL', description: 'The feed type is not supported.' },
		]);
		expect(outcome.messages).toEqual([
			{ resultCode: 'Error', code: 'FATAL', description: 'The feed type is not supported.' },
		]);
	});
});
