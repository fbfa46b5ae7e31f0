import { reviseSpApiError, SpApiError, SpApiInputError } from './errors';
import { sha256Hex } from './hash';
import type { HttpMethod, SpApiRequester } from '../types';

export interface RestrictedResource {
	method: HttpMethod;
	/** Specific (`/orders/v0/orders/123-…`) or generic (`/orders/v0/orders/{orderId}/address`). */
	path: string;
	/** Orders getOrders/getOrder/getOrderItems only: buyerInfo, shippingAddress, buyerTaxInformation. */
	dataElements?: string[];
}

const RDT_PATH = '/tokens/2021-03-01/restrictedDataToken';
const MAX_RESOURCES = 50;
/** An RDT lives 3600 s; stop reusing it a minute before. */
const RDT_REUSE_MARGIN_MS = 60_000;

const ROLE_BY_DATA_ELEMENT: Record<string, string> = {
	shippingAddress: 'Direct-to-Consumer Shipping (Restricted)',
	buyerInfo: 'Direct-to-Consumer Shipping (Restricted) or Tax Invoicing (Restricted)',
	buyerTaxInformation: 'Tax Invoicing (Restricted) or Tax Remittance (Restricted)',
};

interface CachedRdt {
	token: string;
	reuseUntil: number;
}

/** RDTs per (selling partner, endpoint, resource set), with deduplicated concurrent requests. */
export class RdtCache {
	private readonly tokens = new Map<string, CachedRdt>();
	private readonly inflight = new Map<string, Promise<CachedRdt>>();

	async get(key: string, now: number, fetch: () => Promise<CachedRdt>): Promise<string> {
		const cached = this.tokens.get(key);
		if (cached && cached.reuseUntil > now) return cached.token;
		let running = this.inflight.get(key);
		if (!running) {
			running = fetch()
				.then((entry) => {
					for (const [id, old] of this.tokens) if (old.reuseUntil <= now) this.tokens.delete(id);
					this.tokens.set(key, entry);
					return entry;
				})
				.finally(() => this.inflight.delete(key));
			this.inflight.set(key, running);
		}
		return (await running).token;
	}

	/** Drops a token Amazon refused (expired early on Amazon's clock, revoked): the next get fetches a new one. */
	invalidate(token: string): void {
		for (const [key, entry] of this.tokens) if (entry.token === token) this.tokens.delete(key);
	}

	clear(): void {
		this.tokens.clear();
		this.inflight.clear();
	}
}

export const defaultRdtCache = new RdtCache();

function canonicalResources(resources: RestrictedResource[]): RestrictedResource[] {
	return resources
		.map((resource) => ({
			method: resource.method,
			path: resource.path,
			...(resource.dataElements?.length ? { dataElements: [...resource.dataElements].sort() } : {}),
		}))
		.sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

function isMissingRole(error: unknown): error is SpApiError {
	return (
		error instanceof SpApiError &&
		/does not have access to one or more requested data elements/i.test(
			`${error.message} ${error.details ?? ''}`,
		)
	);
}

/** Turns "Application does not have access to one or more requested data elements: [..]" into a role hint. */
function missingRoleError(error: SpApiError): SpApiError {
	const text = `${error.amazonMessage ?? ''} ${error.details ?? ''} ${error.message}`;
	const listed = /data elements:\s*\[([^\]]*)\]/i.exec(text)?.[1];
	const elements = (listed ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
	const roles = elements.map((element) => `${element} needs ${ROLE_BY_DATA_ELEMENT[element] ?? 'a restricted role'}`);
	return reviseSpApiError(error, {
		kind: 'auth',
		message: `The app is missing a restricted role for the requested personal data${elements.length ? ` (${elements.join(', ')})` : ''}`,
		hint: `${roles.length ? `${roles.join('; ')}. ` : ''}Add the role to the app in the Developer Console (and have the selling partner re-authorize), or turn off the option that asks for buyer or address data.`,
	});
}

/** POST /tokens/2021-03-01/restrictedDataToken, cached until shortly before `expiresIn`. */
export async function fetchRestrictedDataToken(
	requester: SpApiRequester,
	resources: RestrictedResource[],
	cache: RdtCache,
	endpointId: string,
): Promise<string> {
	if (!resources.length || resources.length > MAX_RESOURCES) {
		throw new SpApiInputError(
			'restrictedResources',
			`A Restricted Data Token needs 1 to ${MAX_RESOURCES} resources, got ${resources.length}`,
			'Request the token for fewer paths, for example generic paths such as /orders/v0/orders/{orderId}/address.',
		);
	}
	const restrictedResources = canonicalResources(resources);
	const key = sha256Hex('rdt', requester.partnerKey, endpointId, JSON.stringify(restrictedResources));
	return await cache.get(key, requester.clock.now(), async () => {
		const requestedAt = requester.clock.now();
		const response = await requester
			.request<Record<string, unknown>>({
				operation: 'tokens.createRestrictedDataToken',
				method: 'POST',
				path: RDT_PATH,
				body: { restrictedResources },
				unwrapPayload: true,
			})
			.catch((error: unknown) => {
				throw isMissingRole(error) ? missingRoleError(error) : error;
			});
		const data = response.data ?? {};
		const token = data.restrictedDataToken;
		if (typeof token !== 'string' || !token) {
			throw new SpApiError({
				kind: 'api',
				operation: 'tokens.createRestrictedDataToken',
				message: 'Amazon answered createRestrictedDataToken without a token',
			});
		}
		const expiresInMs = (Number(data.expiresIn) > 0 ? Number(data.expiresIn) : 3600) * 1000;
		return { token, reuseUntil: requestedAt + Math.max(expiresInMs - RDT_REUSE_MARGIN_MS, expiresInMs / 2) };
	});
}

const MAX_REMEMBERED_TOKENS = 100;

/** The RDTs one client hands out, remembered with their resources so that a refused one can be renewed. */
export class RestrictedTokens {
	private readonly issued = new Map<string, RestrictedResource[]>();

	constructor(
		private readonly requester: SpApiRequester,
		private readonly cache: RdtCache,
		private readonly endpointId: string,
	) {}

	async get(resources: RestrictedResource[]): Promise<string> {
		const token = await fetchRestrictedDataToken(this.requester, resources, this.cache, this.endpointId);
		if (this.issued.size >= MAX_REMEMBERED_TOKENS) this.issued.clear();
		this.issued.set(token, resources);
		return token;
	}

	/** Amazon refused `token` (its clock ahead of ours, or revoked): a new one for the same resources, once. */
	async renew(token: string): Promise<string | undefined> {
		const resources = this.issued.get(token);
		if (!resources) return undefined;
		this.issued.delete(token);
		this.cache.invalidate(token);
		return await this.get(resources);
	}
}
