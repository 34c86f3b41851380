/**
 * The provider's metadata for the server-side client: the workspace's one discovery client
 * (`@oauth-ref/token-types`: OIDC document, validated, `issuer` identical to the configured one,
 * RFC 8414 §3.3 / OIDC Discovery §4.3, no trailing-slash leniency), cached per process for ten
 * minutes (the caching policy is this client's), with failures turned into this library's errors.
 * next-auth's sign-in does its own discovery; this one serves the ID token algorithm choice,
 * refresh, revocation, logout and UserInfo.
 */
import {
  type AuthorizationServerMetadata,
  discoverAuthorizationServer,
  DiscoveryError,
} from '@oauth-ref/token-types';
import { ProviderErrorResponse, ProviderUnavailableError } from '../errors.js';

/**
 * The validated metadata; members the schema does not name are kept (typed as JSON).
 *
 * @example
 * const metadata: ProviderMetadata = await discoverProvider('http://localhost:4000');
 * metadata.id_token_signing_alg_values_supported; // ['RS256', 'ES256', ...]
 */
export type ProviderMetadata = AuthorizationServerMetadata;

/**
 * The discovery document names another issuer than the configured one.
 *
 * @example
 * if (error instanceof IssuerMismatchError) console.warn('check OAUTH_ISSUER (trailing slash?)');
 */
export class IssuerMismatchError extends ProviderErrorResponse {
  constructor(detail: string) {
    super('issuer_mismatch', 200);
    this.message = `Discovery document issuer does not equal the configured issuer: ${detail}`;
  }
}

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; metadata: ProviderMetadata }>();

function toAuthError(error: DiscoveryError): Error {
  if (error.reason === 'unreachable') return new ProviderUnavailableError(error.message);
  if (error.reason === 'issuer_mismatch') return new IssuerMismatchError(error.message);
  const code = error.reason === 'http_error' ? 'discovery_failed' : 'invalid_discovery_document';
  return new ProviderErrorResponse(code, error.status ?? 0);
}

/**
 * Cached discovery. Throws `ProviderUnavailableError` (network, 5xx), `IssuerMismatchError`, or
 * `ProviderErrorResponse` (any other status, a document that is not RFC 8414 metadata).
 *
 * @example
 * const metadata = await discoverProvider('http://localhost:4000');
 * metadata.token_endpoint; // 'http://localhost:4000/token'
 */
export async function discoverProvider(
  issuer: string,
  fetchImpl: typeof fetch = fetch,
  nowMs: number = Date.now(),
): Promise<ProviderMetadata> {
  const cached = cache.get(issuer);
  if (cached && nowMs - cached.at < TTL_MS) return cached.metadata;
  let metadata: ProviderMetadata;
  try {
    metadata = await discoverAuthorizationServer(issuer, {
      wellKnown: ['openid-configuration'],
      fetch: fetchImpl,
    });
  } catch (error) {
    throw toAuthError(error as DiscoveryError);
  }
  cache.set(issuer, { at: nowMs, metadata });
  return metadata;
}

/**
 * Forgets every cached document (tests; a deliberate provider switch).
 *
 * @example
 * clearDiscoveryCache();
 */
export function clearDiscoveryCache(): void {
  cache.clear();
}
