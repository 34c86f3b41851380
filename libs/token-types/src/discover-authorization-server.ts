/**
 * RFC 8414 §3 / OpenID Connect Discovery 1.0 §4: fetch the issuer's metadata from its well-known
 * URL, validate it with `authorizationServerMetadataSchema`, and require its `issuer` to be
 * IDENTICAL to the issuer it was fetched for (RFC 8414 §3.3, OIDC Discovery §4.3: exact string
 * comparison, no trailing-slash leniency). Redirects are refused. Caching is the caller's policy:
 * this function fetches every time it is called.
 */
import {
  type AuthorizationServerMetadata,
  type HttpPolicy,
  parseAuthorizationServerMetadata,
} from './parse-authorization-server-metadata.js';
import { TokenTypeValidationError } from './token-type-validation-error.js';

/**
 * The two well-known documents: RFC 8414 `oauth-authorization-server` and OIDC `openid-configuration`.
 *
 * @example
 * const order: WellKnownDocument[] = ['openid-configuration'];
 */
export type WellKnownDocument = 'oauth-authorization-server' | 'openid-configuration';

/**
 * Why discovery failed: `unreachable` (network error, timeout, 5xx: try again later),
 * `http_error` (another non-2xx answer), `invalid_document` (not RFC 8414 metadata),
 * `issuer_mismatch` (RFC 8414 §3.3).
 *
 * @example
 * if (error instanceof DiscoveryError && error.reason === 'unreachable') retryLater();
 */
export type DiscoveryFailure =
  'unreachable' | 'http_error' | 'invalid_document' | 'issuer_mismatch';

/**
 * Thrown by `discoverAuthorizationServer`. `reason` is `unreachable` only when every document
 * tried was unreachable; otherwise it names the first other failure.
 *
 * @example
 * try { await discoverAuthorizationServer(issuer); } catch (error) {
 *   if (error instanceof DiscoveryError) console.warn(error.reason, error.message);
 * }
 */
export class DiscoveryError extends Error {
  constructor(
    readonly reason: DiscoveryFailure,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'DiscoveryError';
  }
}

/**
 * How to discover.
 *
 * @example
 * const options: DiscoveryOptions = { wellKnown: ['openid-configuration'], timeoutMs: 5000 };
 */
export interface DiscoveryOptions {
  /** Documents to try, in order (default: RFC 8414 first, then OIDC Discovery). */
  readonly wellKnown?: readonly WellKnownDocument[];
  /** Per request (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Plain http to loopback hosts only (default) or to any host (a LAN demo provider). */
  readonly http?: HttpPolicy;
  readonly fetch?: typeof fetch;
}

/**
 * Where a well-known document lives. RFC 8414 §3.1 inserts the well-known segment before the
 * issuer's path; OIDC Discovery §4 appends it after.
 *
 * @example
 * wellKnownUrl('https://as.example/tenant', 'oauth-authorization-server');
 * // 'https://as.example/.well-known/oauth-authorization-server/tenant'
 */
export function wellKnownUrl(issuer: string, document: WellKnownDocument): string {
  const url = new URL(issuer);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return document === 'openid-configuration'
    ? `${url.origin}${path}/.well-known/${document}`
    : `${url.origin}/.well-known/${document}${path}`;
}

async function fetchOne(
  issuer: string,
  document: WellKnownDocument,
  options: DiscoveryOptions,
): Promise<AuthorizationServerMetadata> {
  const url = wellKnownUrl(issuer, document);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DiscoveryError('unreachable', `${url}: ${detail}`);
  }
  if (!response.ok) {
    const reason = response.status >= 500 ? 'unreachable' : 'http_error';
    throw new DiscoveryError(reason, `${url}: HTTP ${response.status}`, response.status);
  }
  const body: unknown = await response.json().catch(() => null);
  try {
    return parseAuthorizationServerMetadata(body, {
      expectedIssuer: issuer,
      ...(options.http ? { http: options.http } : {}),
    });
  } catch (error) {
    const { field, rule } = error as TokenTypeValidationError;
    const reason =
      field === 'issuer' && rule.includes('§3.3') ? 'issuer_mismatch' : 'invalid_document';
    throw new DiscoveryError(reason, `${url}: ${field}: ${rule}`, response.status);
  }
}

/**
 * Fetches and validates the issuer's metadata, trying each well-known document in turn.
 *
 * @example
 * const metadata = await discoverAuthorizationServer('http://localhost:4000', {
 *   wellKnown: ['openid-configuration'],
 * });
 * metadata.token_endpoint; // 'http://localhost:4000/token'
 */
export async function discoverAuthorizationServer(
  issuer: string,
  options: DiscoveryOptions = {},
): Promise<AuthorizationServerMetadata> {
  const failures: DiscoveryError[] = [];
  for (const document of options.wellKnown ?? [
    'oauth-authorization-server',
    'openid-configuration',
  ]) {
    try {
      return await fetchOne(issuer, document, options);
    } catch (error) {
      failures.push(error as DiscoveryError);
    }
  }
  const decisive = failures.find((failure) => failure.reason !== 'unreachable') ?? failures[0];
  throw new DiscoveryError(
    decisive?.reason ?? 'invalid_document',
    `Discovery of ${issuer} failed (${failures.map((failure) => failure.message).join('; ')})`,
    decisive?.status ?? null,
  );
}
