// Plain JS: evaluating the expression needs the Function constructor, which n8n's lint forbids in every .ts file.
const { resolveEndpoints } = require('../../../nodes/AmazonSpApi/core/http/endpoints');
const { BASE_URL_EXPRESSION } = require('../../../nodes/AmazonSpApi/n8n/credentialType');

/** Evaluates the credential test's base-URL expression the way n8n does: the JavaScript between ={{ and }}. */
function evaluate(credentials) {
	const body = /^=\{\{(.*)\}\}$/s.exec(BASE_URL_EXPRESSION)?.[1] ?? '';
	expect(body).not.toContain('}}');
	return new Function('$credentials', `return (${body});`)(credentials);
}

describe('credential test base URL expression', () => {
	it.each(['na', 'eu', 'fe'])('matches resolveEndpoints for region %s', (region) => {
		for (const environment of ['production', 'sandbox']) {
			expect(evaluate({ region, environment })).toBe(resolveEndpoints({ region, environment }).baseUrl);
		}
	});

	it('uses the custom base URL', () => {
		expect(evaluate({ region: 'na', environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010' })).toBe('http://127.0.0.1:4010');
	});
});
