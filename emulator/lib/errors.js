'use strict';

const MESSAGES = {
	invalidInput: 'The input you have submitted is not valid. Please check your input and try again.',
	quotaExceeded: 'You exceeded your quota for the requested resource.',
	accessDenied: 'Access to requested resource is denied.',
	tokenExpired: 'The access token you provided has expired.',
	tokenInvalid: 'The access token you provided is revoked, malformed or invalid.',
	tokenMissing: 'Access token is missing in the request header.',
	notFound: 'Resource not found.',
	internalFailure: 'We encountered an internal error. Please try again.',
	serviceUnavailable: 'Service is temporarily unavailable. Please try again later.',
	sandboxNoMatch: 'Could not match input arguments',
};

/** Amazon's SP-API error body: {"errors":[{code,message,details}]}. */
function errorResult(status, code, message, details = '') {
	return { status, body: { errors: [{ code, message, details }] } };
}

const errors = {
	invalidInput: (message = MESSAGES.invalidInput, details = '') => errorResult(400, 'InvalidInput', message, details),
	notFound: (message = MESSAGES.notFound, details = '') => errorResult(404, 'NotFound', message, details),
	unauthorized: (details) => errorResult(403, 'Unauthorized', MESSAGES.accessDenied, details),
	accessDenied: (details) => errorResult(403, 'AccessDenied', MESSAGES.accessDenied, details),
	quotaExceeded: () => errorResult(429, 'QuotaExceeded', MESSAGES.quotaExceeded, ''),
	internalFailure: (details = '') => errorResult(500, 'InternalFailure', MESSAGES.internalFailure, details),
	serviceUnavailable: () => errorResult(503, 'ServiceUnavailable', MESSAGES.serviceUnavailable, ''),
	notImplemented: (operation) =>
		errorResult(501, 'NotImplemented', `The emulator does not implement ${operation}.`, 'Use sandbox mode to replay Amazon\'s static cases.'),
	sandboxNoMatch: () => errorResult(400, 'InvalidInput', MESSAGES.sandboxNoMatch, ''),
};

/** Fault/status code -> Amazon-shaped error result. */
function errorForStatus(status) {
	if (status === 429) return errors.quotaExceeded();
	if (status === 500) return errors.internalFailure();
	if (status === 503) return errors.serviceUnavailable();
	if (status === 403) return errors.unauthorized(MESSAGES.tokenExpired);
	if (status === 404) return errors.notFound();
	return errorResult(status, status >= 500 ? 'InternalFailure' : 'InvalidInput', status >= 500 ? MESSAGES.internalFailure : MESSAGES.invalidInput);
}

module.exports = { MESSAGES, errorResult, errors, errorForStatus };
