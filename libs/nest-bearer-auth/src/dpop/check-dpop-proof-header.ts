/**
 * DPoP proof, header — RFC 9449 §4.2 / §4.3 checks 2–6:
 * - the proof is one compact JWS whose header is a JSON object;
 * - `typ` is `dpop+jwt` (an access token or ID token is not a proof);
 * - `alg` is an asymmetric algorithm from the configured allowlist (never `none`, never HS*);
 * - `jwk` is a public key: an object with `kty`, not `oct`, and none of the private members
 *   (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`, `k`) — a proof that ships its private key proves
 *   nothing (§4.3 check 6).
 */
import type { JWK } from 'jose';
import { InvalidDpopProofError } from '../errors/bearer-auth-error.js';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

export interface CheckedProofHeader {
  readonly alg: string;
  readonly jwk: JWK;
}

function decodeProofHeader(proof: string): Record<string, unknown> {
  const dot = proof.indexOf('.');
  const second = dot <= 0 ? -1 : proof.indexOf('.', dot + 1);
  if (second === -1 || proof.includes('.', second + 1)) {
    throw new InvalidDpopProofError('dpop_proof_malformed', 'The DPoP proof is not a signed JWT');
  }
  try {
    const header: unknown = JSON.parse(
      Buffer.from(proof.slice(0, dot), 'base64url').toString('utf8'),
    );
    if (typeof header === 'object' && header !== null && !Array.isArray(header))
      return header as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InvalidDpopProofError('dpop_proof_malformed', 'The DPoP proof header is not JSON');
}

/**
 * Checks the proof's JOSE header; returns its `alg` and public `jwk`.
 *
 * @example
 * checkDpopProofHeader(proof, ['ES256']); // { alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x, y } }
 */
export function checkDpopProofHeader(
  proof: string,
  algorithms: readonly string[],
): CheckedProofHeader {
  const { typ, alg, jwk } = decodeProofHeader(proof);
  if (typ !== 'dpop+jwt') {
    throw new InvalidDpopProofError('dpop_proof_type', 'The DPoP proof typ must be dpop+jwt');
  }
  if (typeof alg !== 'string' || !algorithms.includes(alg)) {
    throw new InvalidDpopProofError(
      'dpop_algorithm_not_allowed',
      `The DPoP proof must be signed with one of: ${algorithms.join(' ')}`,
    );
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    throw new InvalidDpopProofError('dpop_key_invalid', 'The DPoP proof has no jwk header');
  }
  const key = jwk as Record<string, unknown>;
  if (typeof key['kty'] !== 'string' || key['kty'] === 'oct') {
    throw new InvalidDpopProofError('dpop_key_invalid', 'The DPoP proof jwk is not a public key');
  }
  for (const member of PRIVATE_MEMBERS) {
    if (member in key) {
      throw new InvalidDpopProofError(
        'dpop_key_invalid',
        'The DPoP proof jwk contains private key material',
      );
    }
  }
  return { alg, jwk: key as JWK };
}
