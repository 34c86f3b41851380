/**
 * DPoP proof, signature — RFC 9449 §4.3 check 7: the proof verifies with the public key in its
 * own `jwk` header, under the `alg` the header step allowed (and nothing else). The claims are
 * returned for the next steps, which check every one of them.
 */
import { importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { InvalidDpopProofError } from '../errors/bearer-auth-error.js';

/**
 * Verifies the proof's signature with its embedded public key; returns its claims.
 *
 * @example
 * const claims = await verifyDpopProofSignature(proof, { alg: 'ES256', jwk });
 */
export async function verifyDpopProofSignature(
  proof: string,
  header: { readonly alg: string; readonly jwk: JWK },
): Promise<JWTPayload> {
  try {
    const key = await importJWK(header.jwk, header.alg);
    const { payload } = await jwtVerify(proof, key, {
      algorithms: [header.alg],
      typ: 'dpop+jwt',
    });
    return payload;
  } catch {
    throw new InvalidDpopProofError(
      'dpop_signature_invalid',
      'The DPoP proof signature does not verify with its jwk',
    );
  }
}
