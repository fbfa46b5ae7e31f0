import { reviseSpApiError, SpApiError } from '../index';

export const PII_ROLES_HINT =
	'Buyer name and e-mail need the Tax Invoicing (Restricted) or Direct-to-Consumer Shipping (Restricted) role; the shipping address needs Direct-to-Consumer Shipping (Restricted). Add the role to the app in the Developer Console and have the seller re-authorize it, or switch off "Include Buyer and Address".';

function isAccessDenied(error: unknown): error is SpApiError {
	if (!(error instanceof SpApiError)) return false;
	// createRestrictedDataToken's refusal is already explained, element by element (see core/http/rdt.ts).
	if (error.operation === 'tokens.createRestrictedDataToken') return false;
	if (error.kind === 'auth' && /restricted role/i.test(error.message)) return true;
	return error.status === 403 && !/expired/i.test(`${error.message} ${error.details ?? ''}`);
}

/** Re-throws a refused PII read as an error that names the missing roles and the option to switch off. */
export function explainPiiError(error: unknown): unknown {
	if (!isAccessDenied(error)) return error;
	return reviseSpApiError(error, {
		kind: 'auth',
		message: 'Amazon refused buyer or shipping-address data: the app is missing a restricted role',
		hint: PII_ROLES_HINT,
	});
}

/** Runs a PII read and translates a refused-role answer. */
export async function withPiiErrors<T>(includePii: boolean, read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (error) {
		throw includePii ? explainPiiError(error) : error;
	}
}
