/**
 * DPoP proof, token binding — RFC 9449 §4.3 check 12 and §7.1 / §6.1:
 * - `ath` equals base64url(SHA-256(access token)): the proof was made for THIS token;
 * - the token's `cnf.jkt` equals the RFC 7638 SHA-256 thumbprint of the proof's `jwk`: the
 *   caller holds the private key the token was bound to when it was issued.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { InvalidDpopProofError } from '../errors/bearer-auth-error.js';

function sameText(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks `ath` against the token and `jkt` against the proof key; returns the thumbprint.
 *
 * @example
 * await checkDpopTokenBinding({ ath }, jwk, token, principalJkt); // 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'
 */
export async function checkDpopTokenBinding(
  claims: Readonly<Record<string, unknown>>,
  jwk: JWK,
  token: string,
  boundThumbprint: string,
): Promise<string> {
  const ath = claims['ath'];
  const expected = createHash('sha256').update(token).digest('base64url');
  if (typeof ath !== 'string' || !sameText(ath, expected)) {
    throw new InvalidDpopProofError(
      'dpop_token_hash_mismatch',
      'The DPoP proof ath does not match the access token',
    );
  }
  const thumbprint = await calculateJwkThumbprint(jwk, 'sha256');
  if (!sameText(thumbprint, boundThumbprint)) {
    throw new InvalidDpopProofError(
      'dpop_key_mismatch',
      'The DPoP proof key is not the key the access token is bound to (cnf.jkt)',
    );
  }
  return thumbprint;
}
