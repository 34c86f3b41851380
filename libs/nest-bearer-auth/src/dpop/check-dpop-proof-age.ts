/**
 * DPoP proof, freshness — RFC 9449 §4.3 check 11 and §11.1: `iat` is within the accepted
 * window (at most `proofMaxAgeSeconds` old, at most the clock tolerance in the future), and
 * `jti` is present (a non-empty string) so that the replay step can remember it.
 */
import { InvalidDpopProofError } from '../errors/bearer-auth-error.js';

/**
 * Checks `iat` and the presence of `jti`; returns the `iat`.
 *
 * @example
 * checkDpopProofAge({ iat: now, jti: 'x' }, { maxAgeSeconds: 60, futureToleranceSeconds: 30 }, now);
 */
export function checkDpopProofAge(
  claims: Readonly<Record<string, unknown>>,
  window: { readonly maxAgeSeconds: number; readonly futureToleranceSeconds: number },
  nowSeconds: number,
): number {
  const jti = claims['jti'];
  if (typeof jti !== 'string' || jti.length === 0) {
    throw new InvalidDpopProofError('dpop_proof_malformed', 'The DPoP proof has no jti');
  }
  const iat = claims['iat'];
  if (typeof iat !== 'number' || !Number.isFinite(iat)) {
    throw new InvalidDpopProofError('dpop_proof_malformed', 'The DPoP proof has no iat');
  }
  if (nowSeconds - iat > window.maxAgeSeconds) {
    throw new InvalidDpopProofError('dpop_proof_stale', 'The DPoP proof is too old');
  }
  if (iat - nowSeconds > window.futureToleranceSeconds) {
    throw new InvalidDpopProofError('dpop_proof_future', 'The DPoP proof iat is in the future');
  }
  return iat;
}
