/**
 * Step 7 of the pipeline — RFC 9449 §7.1 / §6.1 sender constraint:
 * - a token bound to a key (`cnf.jkt`) presented with the `Bearer` scheme is refused
 *   (`invalid_token`): a stolen bound token must be useless without the private key;
 * - a token presented with the `DPoP` scheme must be bound (`cnf.jkt`), and its proof must
 *   pass every check of `verifyDpopProof`;
 * - when bound tokens are required (`dpop.required`), the `Bearer` scheme is refused outright;
 * - a `cnf` claim of another shape (e.g. `x5t#S256`, mTLS) is a binding this API cannot check,
 *   so the token is refused rather than accepted as a bearer token.
 */
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import type { ProofRequest } from './dpop/check-dpop-proof-request.js';
import { verifyDpopProof } from './dpop/verify-dpop-proof.js';
import { InvalidTokenError } from './errors/bearer-auth-error.js';
import type { Credentials } from './extract-credentials.js';

/** The key thumbprint the token is bound to; `undefined` for a bearer token (no `cnf`). */
function readBinding(claims: Readonly<Record<string, unknown>>): string | undefined {
  const cnf = claims['cnf'];
  if (cnf === undefined) return undefined;
  const jkt =
    typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>)['jkt'] : undefined;
  if (typeof jkt !== 'string' || jkt.length === 0) {
    throw new InvalidTokenError(
      'claim_invalid',
      'The token is bound by a confirmation method this API does not support',
    );
  }
  return jkt;
}

/**
 * Enforces the token's sender constraint: `undefined` for a bearer token accepted as such
 * (decided synchronously: no promise on the common path), else a promise of the bound key
 * thumbprint once the DPoP proof passed. Refusals of a bearer token throw; of a proof, reject.
 *
 * @example
 * const jkt = await checkSenderConstraint(credentials, claims, { method: 'GET', path: '/notes' }, options);
 */
export function checkSenderConstraint(
  credentials: Credentials,
  claims: Readonly<Record<string, unknown>>,
  request: ProofRequest,
  options: ResolvedBearerAuthOptions,
): Promise<string> | undefined {
  const bound = readBinding(claims);
  if (credentials.scheme === 'Bearer') {
    if (bound !== undefined) {
      throw new InvalidTokenError(
        'token_sender_constrained',
        'The access token is DPoP-bound: send it with the DPoP scheme and a proof',
      );
    }
    if (options.dpop.required) {
      throw new InvalidTokenError(
        'dpop_required',
        'This API accepts DPoP-bound access tokens only',
      );
    }
    return undefined;
  }
  if (bound === undefined) {
    throw new InvalidTokenError(
      'token_not_sender_constrained',
      'The DPoP scheme needs a DPoP-bound access token (cnf.jkt)',
    );
  }
  return verifyDpopProof(
    {
      proof: credentials.proof as string,
      token: credentials.token,
      boundThumbprint: bound,
      request,
    },
    options,
  );
}
