import type { ShippedLine } from '../../../AmazonSpApi/core/vendor/shipments';
import { SpApiInputError } from '../../../AmazonSpApi/core/http/errors';

/** "1:5, B07XYZ1234:3" → [{ item: '1', quantity: 5 }, …]: compact item lists for fields that hold one string. */
export function parseLines(text: string, field: string): ShippedLine[] {
	return text
		.split(/[,;\n]+/)
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const [item, quantity] = part.split(':').map((piece) => piece.trim());
			const amount = Number(quantity);
			if (!item || !Number.isInteger(amount) || amount < 1) {
				throw new SpApiInputError(field, `"${part}" is not "item:quantity"`, 'Write each line as item:quantity, e.g. 1:5, B07XYZ1234:3 (item = sequence number, ASIN or vendor product ID).');
			}
			return { item, quantity: amount };
		});
}
