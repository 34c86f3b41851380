/**
 * RFC 8414 §3 / OIDC Discovery 1.0 §4 through the workspace's one discovery client
 * (`@oauth-ref/token-types`): the OIDC document is fetched, validated, and its `issuer` must be
 * exactly the configured issuer (no trailing-slash leniency: `iss` values are compared as exact
 * strings later, RFC 9207 and the ID token). Plain http only when the settings allow it.
 */
import type * as oauth from 'oauth4webapi';
import { discoverAuthorizationServer as discover } from '@oauth-ref/token-types';
import { PkceClientError } from './errors/pkce-client-error.js';
import type { PkceClientSettings } from './settings.js';

/**
 * Fetches and validates the authorization server metadata for `settings.issuer`.
 *
 * @example
 * const as = await discoverAuthorizationServer({ issuer: 'http://localhost:4000', allowInsecureHttp: true, ... });
 * as.token_endpoint; // 'http://localhost:4000/token'
 */
export async function discoverAuthorizationServer(
  settings: PkceClientSettings,
): Promise<oauth.AuthorizationServer> {
  try {
    return await discover(settings.issuer, {
      wellKnown: ['openid-configuration'],
      http: settings.allowInsecureHttp ? 'any' : 'none',
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
    });
  } catch (error) {
    throw new PkceClientError('discovery_failed', errorMessage(error), { cause: error });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
