/**
 * The options of `BearerAuthModule.forRoot`, and the one function that validates them at startup
 * (fail fast: a weak or ambiguous configuration never reaches the first request).
 */
import { BearerAuthConfigError } from './errors/bearer-auth-error.js';
import type { AccessTokenClaims } from './access-token-principal.js';
import { readScopeClaim } from './read-scope-claim.js';
import { principalKindBySubject, type PrincipalKind } from './principal-kind.js';

/** Asymmetric JWS algorithms this lib accepts (RFC 8725 §3.1: never `none`, never HMAC). */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

/** RFC 8725 §3.2 recommends a short allowlist; these are what the bundled provider signs with. */
export const DEFAULT_ALGORITHMS: readonly AsymmetricAlgorithm[] = ['RS256', 'PS256', 'ES256'];

export const MAX_CLOCK_TOLERANCE_SECONDS = 60;

export interface BearerAuthOptions {
  /** Expected `iss`, compared exactly (no trailing-slash normalisation). */
  issuer: string;
  /** This resource's identifier; `aud` must contain it (RFC 9068 §4, RFC 8707). */
  audience: string;
  /** JWKS URL. Default: `jwks_uri` from the issuer's RFC 8414 / OIDC discovery document. */
  jwksUri?: string;
  /** Allowed `alg` values. Default RS256, PS256, ES256. Only asymmetric algorithms are accepted. */
  algorithms?: readonly AsymmetricAlgorithm[];
  /** Leeway for `exp`/`nbf`/`iat`, 0..60 s. Default 30. */
  clockToleranceSeconds?: number;
  /** Minimum time between two JWKS refetches triggered by an unknown `kid`. Default 30 s. */
  jwksCooldownMs?: number;
  /** How long fetched keys are considered fresh (refreshed in the background after). Default 10 min. */
  jwksMaxAgeMs?: number;
  /** Minimum time between two attempts after a failed JWKS fetch. Default 5 s. */
  jwksRetryAfterFailureMs?: number;
  /** Timeout of one JWKS or discovery request. Default 5 s. */
  jwksTimeoutMs?: number;
  /** Reads granted scopes from the claims. Default: RFC 9068 space-delimited `scope`. */
  scopeReader?: (claims: AccessTokenClaims) => readonly string[];
  /** Tells a user token from a machine (client credentials) token. Default: `sub === client_id` is a machine. */
  principalKind?: (claims: AccessTokenClaims) => PrincipalKind;
  /** RFC 9728 `resource`. Default: the audience. */
  resource?: string;
  /** URL of the protected resource metadata. Default: derived from `resource` per RFC 9728 §3.1. */
  resourceMetadataUrl?: string;
  /** Scopes advertised in the metadata (`scopes_supported`). */
  scopesSupported?: readonly string[];
  /** Human-readable `resource_name` for the metadata. */
  resourceName?: string;
  /** `resource_documentation` URL for the metadata. */
  resourceDocumentation?: string;
  /** Serve `/.well-known/oauth-protected-resource` from this module. Default true. */
  serveMetadata?: boolean;
  /** Register the exception filter that writes RFC 6750 responses. Default true. */
  registerExceptionFilter?: boolean;
  /** `fetch` used for discovery and JWKS (tests, proxies). Default global fetch. */
  fetch?: typeof fetch;
}

/** Options after validation: every default applied, frozen. */
export interface ResolvedBearerAuthOptions extends Readonly<
  Required<
    Omit<
      BearerAuthOptions,
      'jwksUri' | 'resourceName' | 'resourceDocumentation' | 'algorithms' | 'scopesSupported'
    >
  >
> {
  readonly jwksUri: string | undefined;
  readonly resourceName: string | undefined;
  readonly resourceDocumentation: string | undefined;
  readonly algorithms: readonly AsymmetricAlgorithm[];
  readonly scopesSupported: readonly string[];
}

function assertAbsoluteUrl(name: string, value: string, allowPath = true): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BearerAuthConfigError(`${name} must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BearerAuthConfigError(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (url.hash !== '' || (!allowPath && url.search !== '')) {
    throw new BearerAuthConfigError(`${name} must not carry a fragment or query, got "${value}"`);
  }
}

/**
 * RFC 9728 §3.1: the metadata URL is the resource's origin, then
 * `/.well-known/oauth-protected-resource`, then the resource's path (if any).
 *
 * @example
 * protectedResourceMetadataUrl('http://localhost:3333'); // 'http://localhost:3333/.well-known/oauth-protected-resource'
 * protectedResourceMetadataUrl('https://api.example.com/v1'); // 'https://api.example.com/.well-known/oauth-protected-resource/v1'
 */
export function protectedResourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}

/**
 * Validates the options once and applies the defaults. Throws `BearerAuthConfigError` with a
 * message naming the bad option.
 *
 * @example
 * const options = resolveBearerAuthOptions({ issuer: 'http://localhost:4000', audience: 'http://localhost:3333' });
 * options.algorithms; // ['RS256', 'PS256', 'ES256']
 */
export function resolveBearerAuthOptions(options: BearerAuthOptions): ResolvedBearerAuthOptions {
  assertAbsoluteUrl('issuer', options.issuer, false);
  if (options.audience.length === 0) throw new BearerAuthConfigError('audience must not be empty');
  if (options.jwksUri !== undefined) assertAbsoluteUrl('jwksUri', options.jwksUri);
  const algorithms = options.algorithms ?? DEFAULT_ALGORITHMS;
  if (algorithms.length === 0)
    throw new BearerAuthConfigError('algorithms must list at least one algorithm');
  for (const algorithm of algorithms) {
    if (!(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new BearerAuthConfigError(
        `algorithm "${String(algorithm)}" is not allowed: only asymmetric algorithms (${ASYMMETRIC_ALGORITHMS.join(', ')})`,
      );
    }
  }
  const clockToleranceSeconds = options.clockToleranceSeconds ?? 30;
  if (
    !Number.isFinite(clockToleranceSeconds) ||
    clockToleranceSeconds < 0 ||
    clockToleranceSeconds > MAX_CLOCK_TOLERANCE_SECONDS
  ) {
    throw new BearerAuthConfigError(
      `clockToleranceSeconds must be between 0 and ${MAX_CLOCK_TOLERANCE_SECONDS}`,
    );
  }
  const resource = options.resource ?? options.audience;
  const resourceMetadataUrl = options.resourceMetadataUrl ?? protectedResourceMetadataUrl(resource);
  assertAbsoluteUrl('resourceMetadataUrl', resourceMetadataUrl);
  return Object.freeze({
    issuer: options.issuer,
    audience: options.audience,
    jwksUri: options.jwksUri,
    algorithms: Object.freeze([...algorithms]),
    clockToleranceSeconds,
    jwksCooldownMs: options.jwksCooldownMs ?? 30_000,
    jwksMaxAgeMs: options.jwksMaxAgeMs ?? 600_000,
    jwksRetryAfterFailureMs: options.jwksRetryAfterFailureMs ?? 5_000,
    jwksTimeoutMs: options.jwksTimeoutMs ?? 5_000,
    scopeReader: options.scopeReader ?? readScopeClaim,
    principalKind: options.principalKind ?? principalKindBySubject,
    resource,
    resourceMetadataUrl,
    scopesSupported: Object.freeze([...(options.scopesSupported ?? [])]),
    resourceName: options.resourceName,
    resourceDocumentation: options.resourceDocumentation,
    serveMetadata: options.serveMetadata ?? true,
    registerExceptionFilter: options.registerExceptionFilter ?? true,
    fetch:
      options.fetch ??
      ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init)),
  });
}
