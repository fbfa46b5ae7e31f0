import { createHash } from 'crypto';

/** sha256 (hex) of the parts, separated so that ('ab', 'c') and ('a', 'bc') differ. */
export function sha256Hex(...parts: string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(`${part.length}:${part}\u0000`);
	return hash.digest('hex');
}

/** Short, non-secret identity of a selling-partner authorisation (LWA app + refresh token). */
export function partnerKeyFor(clientId: string, refreshToken: string): string {
	return sha256Hex('partner', clientId, refreshToken).slice(0, 16);
}
