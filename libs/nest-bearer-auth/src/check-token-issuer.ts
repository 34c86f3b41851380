/**
 * Step 3 of the pipeline — RFC 9068 §4 / RFC 8414 §3.3 / RFC 8725 §3.8: the `iss` claim must be
 * the configured issuer, compared as exact strings (no case folding, no trailing-slash
 * normalisation: `https://idp.example/` is another issuer than `https://idp.example`).
 * It runs BEFORE the key lookup, on the still-unverified payload, so that a token of another
 * issuer is refused as `issuer_mismatch` (not as "unknown key"), and never makes this API
 * fetch keys because of a foreign token. The signature step checks `iss` again, verified.
 */
import { InvalidTokenError } from './errors/bearer-auth-error.js';

/** The payload of a compact JWS, decoded but NOT verified. */
function decodeUnverifiedPayload(token: string): Record<string, unknown> {
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  try {
    const payload: unknown = JSON.parse(
      Buffer.from(token.slice(first + 1, second), 'base64url').toString('utf8'),
    );
    if (typeof payload === 'object' && payload !== null && !Array.isArray(payload))
      return payload as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InvalidTokenError('token_malformed', 'The access token payload is not a JSON object');
}

/**
 * Refuses a token whose (unverified) `iss` is not exactly `issuer`. Call after the header check,
 * which has established the compact JWS shape.
 *
 * @example
 * checkTokenIssuer(token, 'http://localhost:4000'); // throws InvalidTokenError('issuer_mismatch') for another issuer
 */
export function checkTokenIssuer(token: string, issuer: string): void {
  const claimed = decodeUnverifiedPayload(token)['iss'];
  if (claimed === undefined)
    throw new InvalidTokenError('claim_missing', 'The token has no iss claim');
  if (claimed !== issuer)
    throw new InvalidTokenError('issuer_mismatch', 'The token was issued by another issuer');
}
