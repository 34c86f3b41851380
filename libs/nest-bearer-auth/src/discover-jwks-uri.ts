/**
 * RFC 8414 §3 / OIDC Discovery 1.0 §4: find `jwks_uri` in the issuer's metadata, through the
 * workspace's one discovery client (`@oauth-ref/token-types`): the document is validated and its
 * `issuer` must equal the configured issuer exactly (RFC 8414 §3.3), or it is refused.
 */
import { discoverAuthorizationServer } from '@oauth-ref/token-types';
import { JwksUnavailableError } from './errors/bearer-auth-error.js';

/**
 * Fetches the issuer's metadata (RFC 8414 document first, then OIDC) and returns its `jwks_uri`.
 *
 * @example
 * const jwksUri = await discoverJwksUri('http://localhost:4000', fetch, 5000);
 * // 'http://localhost:4000/jwks'
 */
export async function discoverJwksUri(
  issuer: string,
  fetchFn: typeof fetch,
  timeoutMs: number,
): Promise<string> {
  try {
    return (await discoverAuthorizationServer(issuer, { fetch: fetchFn, timeoutMs })).jwks_uri;
  } catch (error) {
    throw new JwksUnavailableError(
      `Could not discover the issuer's jwks_uri (${(error as Error).message})`,
    );
  }
}
