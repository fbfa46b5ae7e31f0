import vectors from '../../emulator/contract/sandbox-vectors.json';
import { startEmulator, type TestEmulator } from '../../emulator/lib/testClient';

interface Vector {
	model: string;
	operationId: string;
	method: string;
	path: string;
	status: number;
	paramLocations: Record<string, string>;
	request: { parameters: Record<string, { value?: unknown }> };
	response: unknown;
}

const ALL = vectors as unknown as Vector[];
// Vectors whose parameters are identical to another pair of the same operation: only the header can pick them.
const NEEDS_CASE_HEADER = ['sellers.json getAccount 400'];

function requestFor(vector: Vector) {
	const parameters = vector.request.parameters;
	const path = vector.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
		encodeURIComponent(parameters[name] && 'value' in parameters[name] ? String(parameters[name].value) : 'ANY-ID-1'),
	);
	const query: Record<string, string> = {};
	let body: unknown;
	for (const [name, spec] of Object.entries(parameters)) {
		const location = name === 'body' ? 'body' : vector.paramLocations[name];
		if (location === 'body') body = 'value' in spec ? spec.value : vector.method === 'GET' ? undefined : { anything: true };
		else if (location === 'query' && 'value' in spec) query[name] = Array.isArray(spec.value) ? spec.value.join(',') : String(spec.value);
	}
	return { path: `/sandbox${path}`, query, body, as: vector.path.startsWith('/vendor/') ? ('vendor' as const) : ('seller' as const) };
}

const label = (vector: Vector) => `${vector.model} ${vector.operationId} ${vector.status}`;

describe('static sandbox replay', () => {
	let emulator: TestEmulator;
	beforeAll(async () => {
		emulator = await startEmulator({ orders: 5, timeScale: 1000 });
	});
	afterAll(async () => await emulator.stop());

	it('holds all 155 of Amazon\'s vectors', () => {
		expect(ALL).toHaveLength(155);
	});

	it('replays every vector with its status and body', async () => {
		const failures: string[] = [];
		const neededHeader: string[] = [];
		for (const vector of ALL) {
			const { path, query, body, as } = requestFor(vector);
			let response = await emulator.call(vector.method, path, { query, body, as });
			if (response.status !== vector.status) {
				response = await emulator.call(vector.method, path, { query, body, as, headers: { 'x-emulator-case': String(vector.status) } });
				neededHeader.push(label(vector));
			}
			const expectedBody = vector.response === null || vector.status === 204 ? undefined : vector.response;
			if (response.status !== vector.status) failures.push(`${label(vector)}: got ${response.status} ${response.text.slice(0, 120)}`);
			else if (JSON.stringify(response.body) !== JSON.stringify(expectedBody)) failures.push(`${label(vector)}: body differs`);
			else if (vector.status === 204 && response.text !== '') failures.push(`${label(vector)}: 204 with a body`);
		}
		expect(failures).toEqual([]);
		expect(neededHeader).toEqual(NEEDS_CASE_HEADER);
	});

	it('answers unmatched input with 400 "Could not match input arguments"', async () => {
		const response = await emulator.call('GET', '/sandbox/orders/v0/orders/123-0000000-0000000');
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ errors: [{ code: 'InvalidInput', message: 'Could not match input arguments', details: '' }] });
	});

	it('treats a sandbox. host (x-forwarded-host) as the static sandbox and matches CSV query arrays', async () => {
		const response = await emulator.call('GET', '/orders/v0/orders', {
			query: { CreatedAfter: 'TEST_CASE_200', MarketplaceIds: 'ATVPDKIKX0DER' },
			headers: { 'x-forwarded-host': 'sandbox.sellingpartnerapi-na.amazon.com' },
		});
		expect(response.status).toBe(200);
		expect(response.body.payload.Orders[0].AmazonOrderId).toBe('902-1845936-5435065');
	});

	it('shares one 5 rps / burst 15 plan across sandbox operations', async () => {
		const limited = await startEmulator({ orders: 1, sandbox: true });
		try {
			const statuses: number[] = [];
			for (let call = 0; call < 16; call++) {
				const operation = call % 2 ? '/sellers/v1/marketplaceParticipations' : '/sellers/v1/account';
				const response = await limited.call('GET', operation);
				statuses.push(response.status);
				if (response.status === 200) expect(response.headers.get('x-amzn-ratelimit-limit')).toBe('5');
			}
			expect(statuses.filter((status) => status === 429)).toHaveLength(1);
			expect(statuses[15]).toBe(429);
		} finally {
			await limited.stop();
		}
	});
});
