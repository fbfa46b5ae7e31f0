// Minimal client for n8n's internal REST API (/rest/*), authenticated with the login cookie.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const DEMO_OWNER = {
	email: 'owner@example.com',
	password: 'Amazon-demo-1',
	firstName: 'Demo',
	lastName: 'Owner',
};

export class N8nRestClient {
	constructor(baseUrl, { n8nDir } = {}) {
		this.baseUrl = baseUrl;
		this.cookie = '';
		this.n8nDir = n8nDir;
	}

	async request(method, path, body, { allowFailure = false } = {}) {
		const response = await fetch(`${this.baseUrl}/rest/${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'amazon-spapi-e2e',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const authCookie = setCookie.find((cookie) => cookie.startsWith('n8n-auth='));
		if (authCookie) this.cookie = authCookie.split(';')[0];
		const text = await response.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			json = { raw: text };
		}
		if (!response.ok && !allowFailure) throw new Error(`n8n ${method} /rest/${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return { status: response.status, body: json, data: json?.data };
	}

	/** Sets up the owner on a fresh instance, or logs in when it already has one. */
	async ensureOwner(owner = DEMO_OWNER) {
		const setup = await this.request('POST', 'owner/setup', owner, { allowFailure: true });
		if (setup.status === 200) return 'created';
		await this.login(owner);
		return 'existing';
	}

	async login({ email, password } = DEMO_OWNER) {
		// n8n 1.8x+ and 2.x take `emailOrLdapLoginId`; older 1.x took `email`. Send both.
		await this.request('POST', 'login', { emailOrLdapLoginId: email, email, password });
	}

	/** n8n's "Test" button: POST /rest/credentials/test. Returns `{ status: 'OK' | 'Error', message }`. */
	async testCredential(credential) {
		const { data } = await this.request('POST', 'credentials/test', { credentials: credential });
		return data;
	}

	async getCredential(id, { includeData = true } = {}) {
		return (await this.request('GET', `credentials/${id}${includeData ? '?includeData=true' : ''}`)).data;
	}

	async listExecutions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { data } = await this.request('GET', `executions?filter=${filter}&limit=100`);
		return data?.results ?? data ?? [];
	}

	/** One execution with its run data decoded (n8n stores it with `flatted`). */
	async getExecution(id) {
		const { data } = await this.request('GET', `executions/${id}`);
		if (typeof data?.data === 'string') data.data = this.flatted().parse(data.data);
		return data;
	}

	flatted() {
		if (!this.n8nDir) throw new Error('N8nRestClient needs n8nDir to decode execution data');
		return createRequire(join(this.n8nDir, 'node_modules', 'n8n', 'package.json'))('flatted');
	}
}
