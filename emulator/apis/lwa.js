'use strict';

const { CREDENTIALS, PARTNERS, GRANTLESS_SCOPES } = require('../lib/credentials');

const OAUTH_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' };
const REFRESH_TOKEN_PARTNERS = {
	[CREDENTIALS.sellerRefreshToken]: PARTNERS.seller,
	[CREDENTIALS.vendorRefreshToken]: PARTNERS.vendor,
};
const FAULT_ERRORS = { 500: 'server_error', 503: 'temporarily_unavailable', 429: 'temporarily_unavailable' };

const oauthError = (status, error, description) => ({ status, headers: OAUTH_HEADERS, body: { error_description: description, error } });
const missing = (name) => oauthError(400, 'invalid_request', `The request is missing a required parameter : ${name}`);

/** client_id/client_secret from the body or an HTTP Basic header. */
function clientCredentialsOf(req, body) {
	const basic = /^Basic (.+)$/i.exec(req.headers.authorization || '');
	if (basic) {
		const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		return { id, secret };
	}
	return { id: body.client_id, secret: body.client_secret };
}

function grantAccess(ctx, partner, extra = {}) {
	const { token, expiresIn } = ctx.tokens.issueAccessToken(partner, extra.scope);
	const body = { access_token: token, token_type: 'bearer', expires_in: expiresIn };
	if (extra.refreshToken) body.refresh_token = extra.refreshToken;
	return { status: 200, headers: OAUTH_HEADERS, body };
}

/** POST /auth/o2/token (REFERENCE §2): refresh_token, client_credentials and authorization_code grants. */
function exchangeToken(req, ctx) {
	const body = req.body && typeof req.body === 'object' ? req.body : {};
	if (!body.grant_type) return missing('grant_type');
	const client = clientCredentialsOf(req, body);
	if (!client.id) return missing('client_id');
	if (client.id !== CREDENTIALS.clientId || client.secret !== CREDENTIALS.clientSecret) {
		return oauthError(401, 'invalid_client', 'Client authentication failed');
	}
	switch (body.grant_type) {
		case 'refresh_token': {
			if (!body.refresh_token) return missing('refresh_token');
			if (body.scope) return oauthError(400, 'invalid_request', 'The request has an invalid parameter : scope');
			const partner = REFRESH_TOKEN_PARTNERS[body.refresh_token];
			if (!partner) return oauthError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
			return grantAccess(ctx, partner, { refreshToken: body.refresh_token });
		}
		case 'client_credentials': {
			if (!body.scope) return missing('scope');
			const scopes = String(body.scope).split(' ').filter(Boolean);
			if (!scopes.every((scope) => GRANTLESS_SCOPES.includes(scope))) return oauthError(400, 'invalid_scope', 'An unknown scope was specified');
			return grantAccess(ctx, PARTNERS.grantless, { scope: scopes.join(' ') });
		}
		case 'authorization_code': {
			if (!body.code) return missing('code');
			if (!body.redirect_uri) return missing('redirect_uri');
			if (body.code !== CREDENTIALS.authorizationCode) return oauthError(400, 'invalid_grant', 'The request has an invalid grant parameter : code');
			return grantAccess(ctx, PARTNERS.seller, { refreshToken: CREDENTIALS.sellerRefreshToken });
		}
		default:
			return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server');
	}
}

module.exports = {
	name: 'lwa',
	handlers: {},
	rawRoutes: [
		{
			method: 'POST',
			path: '/auth/o2/token',
			operation: 'lwa.token',
			handle: exchangeToken,
			faultResult: (status) => oauthError(status, FAULT_ERRORS[status] || 'server_error', 'The authorization server is temporarily unavailable'),
		},
	],
};
