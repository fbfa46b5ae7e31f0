import { resolveEndpoints } from '../../../nodes/AmazonSpApi/core/http/endpoints';
import { BASE_URL_EXPRESSION } from '../../../nodes/AmazonSpApi/n8n/credentialType';

/** Evaluates the credential test's base-URL expression the way n8n does: the JavaScript between ={{ and }}. */
function evaluate(credentials: Record<string, string>): string {
	const body = /^=\{\{(.*)\}\}$/s.exec(BASE_URL_EXPRESSION)?.[1] ?? '';
	expect(body).not.toContain('}}');
	return new Function('$credentials', `return (${body});`)(credentials) as string;
}

describe('credential test base URL expression', () => {
	it.each(['na', 'eu', 'fe'] as const)('matches resolveEndpoints for region %s', (region) => {
		for (const environment of ['production', 'sandbox'] as const) {
			expect(evaluate({ region, environment })).toBe(resolveEndpoints({ region, environment }).baseUrl);
		}
	});

	it('uses the custom base URL', () => {
		expect(evaluate({ region: 'na', environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010' })).toBe(
			'http://127.0.0.1:4010',
		);
	});
});
