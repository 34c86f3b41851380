/**
 * RFC 9449 §4.3 and §7.1: a DPoP proof is valid for a request and a bound access token when,
 * in this order (each step a file opening with its rule):
 * | step                        | rule                                                        |
 * | checkDpopProofHeader        | one JWS, typ dpop+jwt, alg in the allowlist, public jwk only |
 * | verifyDpopProofSignature    | signature by the jwk of the header                          |
 * | checkDpopProofRequest       | htm = method, htu = public URL + path (normalised)          |
 * | checkDpopProofAge           | iat within the window, jti present                          |
 * | checkDpopTokenBinding       | ath = hash of the token, cnf.jkt = thumbprint of the jwk    |
 * | checkDpopReplay             | jti never accepted twice (shared store)                     |
 */
import type { ResolvedBearerAuthOptions } from '../bearer-auth-options.js';
import { checkDpopProofAge } from './check-dpop-proof-age.js';
import { checkDpopProofHeader } from './check-dpop-proof-header.js';
import { checkDpopProofRequest, type ProofRequest } from './check-dpop-proof-request.js';
import { checkDpopReplay } from './check-dpop-replay.js';
import { checkDpopTokenBinding } from './check-dpop-token-binding.js';
import { verifyDpopProofSignature } from './verify-dpop-proof-signature.js';

export interface DpopProofInput {
  /** The `DPoP` request header. */
  readonly proof: string;
  /** The access token of the `Authorization: DPoP` header. */
  readonly token: string;
  /** The token's verified `cnf.jkt`. */
  readonly boundThumbprint: string;
  readonly request: ProofRequest;
}

/**
 * Verifies a DPoP proof for a request and its bound token; resolves with the key thumbprint.
 *
 * @example
 * const jkt = await verifyDpopProof({ proof, token, boundThumbprint: claims.cnf.jkt, request: { method: 'GET', path: '/notes' } }, options);
 */
export async function verifyDpopProof(
  input: DpopProofInput,
  options: ResolvedBearerAuthOptions,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  const { dpop } = options;
  const header = checkDpopProofHeader(input.proof, dpop.algorithms);
  const claims = await verifyDpopProofSignature(input.proof, header);
  checkDpopProofRequest(claims, input.request, dpop.publicUrl);
  const iat = checkDpopProofAge(
    claims,
    {
      maxAgeSeconds: dpop.proofMaxAgeSeconds,
      futureToleranceSeconds: options.clockToleranceSeconds,
    },
    nowSeconds,
  );
  const thumbprint = await checkDpopTokenBinding(
    claims,
    header.jwk,
    input.token,
    input.boundThumbprint,
  );
  await checkDpopReplay(
    dpop.replayStore,
    { jti: claims['jti'] as string, iat },
    thumbprint,
    dpop.proofMaxAgeSeconds + options.clockToleranceSeconds,
  );
  return thumbprint;
}
