/**
 * RFC 6749 §4.1.1 + RFC 7636 §4.3 + OIDC Core §3.1.2.1 + RFC 8707 §2.1: the authorization request
 * of a public client. It carries the challenge (never the verifier), the state, the nonce, the exact
 * redirect URI and the resource, and never a client secret. S256 is required: if the server's
 * metadata lists its PKCE methods and S256 is not among them, the request is refused here.
 */
import type * as oauth from 'oauth4webapi';
import type { AuthorizationAttempt } from './create-authorization-attempt.js';
import { PkceClientError } from './errors/pkce-client-error.js';

/**
 * Builds the URL the user agent is sent to.
 *
 * @example
 * const url = buildAuthorizationUrl(as, attempt);
 * url.searchParams.get('code_challenge_method'); // 'S256'
 */
export function buildAuthorizationUrl(
  as: oauth.AuthorizationServer,
  attempt: AuthorizationAttempt,
): URL {
  const methods = as.code_challenge_methods_supported;
  if (methods !== undefined && !methods.includes('S256')) {
    throw new PkceClientError('s256_unsupported', `server lists ${methods.join(', ') || 'none'}`);
  }
  if (!as.authorization_endpoint) {
    throw new PkceClientError('discovery_failed', 'no authorization_endpoint in the metadata');
  }
  const url = new URL(as.authorization_endpoint);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: attempt.clientId,
    redirect_uri: attempt.redirectUri,
    scope: attempt.scope,
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: attempt.codeChallenge,
    code_challenge_method: attempt.codeChallengeMethod,
    resource: attempt.resource,
    // offline_access needs explicit consent (OIDC Core §11).
    prompt: attempt.scope.split(' ').includes('offline_access') ? 'consent' : undefined,
  };
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}
