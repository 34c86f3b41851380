/**
 * RFC 8414 §3 / OIDC Discovery 1.0 §4: fetch the issuer's metadata and require its "issuer" to be
 * exactly the configured issuer (oauth4webapi compares the strings exactly, so a trailing-slash
 * difference is refused rather than silently accepted).
 */
import * as oauth from 'oauth4webapi';
import { PkceClientError } from './errors/pkce-client-error.js';
import { type PkceClientSettings, toRequestOptions } from './settings.js';

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
  const issuer = new URL(settings.issuer);
  try {
    const response = await oauth.discoveryRequest(issuer, {
      ...toRequestOptions(settings),
      algorithm: 'oidc',
    });
    const as = await oauth.processDiscoveryResponse(issuer, response);
    // oauth4webapi treats "https://as" and "https://as/" alike; iss values are compared as exact
    // strings later (RFC 9207, ID token), so the configured string must be the issuer verbatim.
    if (as.issuer !== settings.issuer) {
      throw new Error(`metadata issuer "${as.issuer}" is not exactly "${settings.issuer}"`);
    }
    return as;
  } catch (error) {
    throw new PkceClientError('discovery_failed', errorMessage(error), { cause: error });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
