/**
 * The options of `BearerAuthModule.forRoot`, and the one function that validates them at startup
 * (fail fast: a weak or ambiguous configuration never reaches the first request).
 */
import { BearerAuthConfigError } from './errors/bearer-auth-error.js';
import type { AccessTokenClaims } from './access-token-principal.js';
import { SCOPE_CLAIMS, scopeReaderFor, type ScopeClaim } from './read-scope-claim.js';
import { principalKindBySubject, type PrincipalKindRule } from './principal-kind.js';
import { TOKEN_PROFILES, type TokenProfile } from './token-profile.js';
import { createMemoryReplayStore, type ReplayStore } from './dpop/replay-store.js';

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

/** RFC 9449 §7.1 proof algorithms accepted by default (what common clients sign with). */
export const DEFAULT_DPOP_ALGORITHMS: readonly AsymmetricAlgorithm[] = [
  'ES256',
  'EdDSA',
  'PS256',
  'RS256',
];

/** Largest accepted DPoP proof age (`iat` in the past), seconds. */
export const MAX_DPOP_PROOF_AGE_SECONDS = 300;

/** RFC 9449 sender-constrained tokens: how this resource server checks DPoP proofs. */
export interface DpopOptions {
  /** Accepted proof `alg`s (asymmetric only). Default ES256, EdDSA, PS256, RS256. */
  algorithms?: readonly AsymmetricAlgorithm[];
  /**
   * `true`: only DPoP-bound tokens are accepted, a `Bearer` token is refused (RFC 9728
   * `dpop_bound_access_tokens_required`). Default `false`: bearer tokens without `cnf` pass,
   * bound tokens need their proof either way.
   */
  required?: boolean;
  /** How old a proof (`iat`) may be, 1..300 s. Default 60. Proofs from the future get `clockToleranceSeconds`. */
  proofMaxAgeSeconds?: number;
  /**
   * Where used proof `jti`s are remembered. Default: in-process, which is right for ONE
   * instance only; with several, pass a store every instance shares (database, Redis).
   */
  replayStore?: ReplayStore;
  /**
   * This API's public base URL, from which `htu` is built (RFC 9449 §4.3: scheme, host, port and
   * path, no query or fragment). Never taken from the request's Host or X-Forwarded-* headers.
   * Default: `resource`.
   */
  publicUrl?: string;
}

export interface ResolvedDpopOptions {
  readonly algorithms: readonly AsymmetricAlgorithm[];
  readonly required: boolean;
  readonly proofMaxAgeSeconds: number;
  readonly replayStore: ReplayStore;
  /** Without a trailing slash; the request path is appended to it. */
  readonly publicUrl: string;
}

/** The client id claim of RFC 9068 §2.2, the default of `clientIdClaims`. */
export const DEFAULT_CLIENT_ID_CLAIMS: readonly string[] = ['client_id'];

export interface BearerAuthOptions {
  /** Expected `iss`, compared exactly (no trailing-slash normalisation). */
  issuer: string;
  /**
   * This resource's identifier; `aud` must contain it (RFC 9068 §4, RFC 8707). Any non-empty
   * string (an http(s) URL, `api://…`, a GUID); when it is not an http(s) URL, set `resource`.
   */
  audience: string;
  /**
   * `rfc9068` (default): header `typ: at+jwt`, claims `client_id` and `jti` required.
   * `generic-jwt`: `typ` absent, `JWT` or `at+jwt`; only `iss`, `sub`, `aud`, `iat`, `exp`
   * required (Entra ID, Okta, Keycloak default tokens). Every other check is identical.
   */
  tokenProfile?: TokenProfile;
  /**
   * Where the client id is read, first present wins. Default `['client_id']`; with `generic-jwt`
   * e.g. `['cid']` (Okta) or `['azp', 'appid']` (Entra ID v2 / v1). The `rfc9068` profile always
   * reads (and requires) `client_id`, so only the default is accepted with it.
   */
  clientIdClaims?: readonly string[];
  /**
   * The claim holding the granted scopes: `scope` (default, RFC 9068 space-delimited string),
   * `scp` (string or array: Entra ID, Okta) or `permissions` (array: Auth0 RBAC).
   */
  scopeClaim?: ScopeClaim;
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
  /** Reads granted scopes from the claims, for shapes `scopeClaim` cannot name (not both). */
  scopeReader?: (claims: AccessTokenClaims) => readonly string[];
  /**
   * Tells a user token from a machine (client credentials) token; receives the resolved client id.
   * Default: `sub` equal to the client id is a machine. See `machineRules` for the named rules.
   */
  principalKind?: PrincipalKindRule;
  /**
   * RFC 9728 `resource`: this API's http(s) URL. Default: the audience, which must then be one.
   */
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
  /** DPoP (RFC 9449): proof algorithms, whether bound tokens are required, the replay store. */
  dpop?: DpopOptions;
}

/** Options after validation: every default applied, frozen. */
export interface ResolvedBearerAuthOptions extends Readonly<
  Required<
    Omit<
      BearerAuthOptions,
      | 'jwksUri'
      | 'resourceName'
      | 'resourceDocumentation'
      | 'algorithms'
      | 'scopesSupported'
      | 'clientIdClaims'
      | 'scopeClaim'
      | 'dpop'
    >
  >
> {
  readonly clientIdClaims: readonly string[];
  /** `undefined` when a custom `scopeReader` was given. */
  readonly scopeClaim: ScopeClaim | undefined;
  readonly jwksUri: string | undefined;
  readonly resourceName: string | undefined;
  readonly resourceDocumentation: string | undefined;
  readonly algorithms: readonly AsymmetricAlgorithm[];
  readonly scopesSupported: readonly string[];
  readonly dpop: ResolvedDpopOptions;
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

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** Claim names as JWT claim names go: non-empty, no whitespace; no duplicates. */
function resolveClientIdClaims(
  claims: readonly string[] | undefined,
  profile: TokenProfile,
): readonly string[] {
  if (claims === undefined) return DEFAULT_CLIENT_ID_CLAIMS;
  if (
    !Array.isArray(claims) ||
    claims.length === 0 ||
    !claims.every((claim) => typeof claim === 'string' && /^[^\s,]+$/.test(claim)) ||
    new Set(claims).size !== claims.length
  ) {
    throw new BearerAuthConfigError(
      'clientIdClaims must be a non-empty list of distinct claim names (no spaces or commas)',
    );
  }
  if (profile === 'rfc9068' && (claims.length !== 1 || claims[0] !== 'client_id')) {
    throw new BearerAuthConfigError(
      'clientIdClaims other than ["client_id"] need tokenProfile "generic-jwt" (RFC 9068 tokens carry client_id)',
    );
  }
  return Object.freeze([...claims]);
}

function resolveAlgorithms(
  name: string,
  algorithms: readonly AsymmetricAlgorithm[],
): readonly AsymmetricAlgorithm[] {
  if (algorithms.length === 0)
    throw new BearerAuthConfigError(`${name} must list at least one algorithm`);
  for (const algorithm of algorithms) {
    if (!(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new BearerAuthConfigError(
        `${name}: "${String(algorithm)}" is not allowed: only asymmetric algorithms (${ASYMMETRIC_ALGORITHMS.join(', ')})`,
      );
    }
  }
  return Object.freeze([...algorithms]);
}

function resolveDpopOptions(dpop: DpopOptions, resource: string): ResolvedDpopOptions {
  const proofMaxAgeSeconds = dpop.proofMaxAgeSeconds ?? 60;
  if (
    !Number.isInteger(proofMaxAgeSeconds) ||
    proofMaxAgeSeconds < 1 ||
    proofMaxAgeSeconds > MAX_DPOP_PROOF_AGE_SECONDS
  ) {
    throw new BearerAuthConfigError(
      `dpop.proofMaxAgeSeconds must be an integer between 1 and ${MAX_DPOP_PROOF_AGE_SECONDS}`,
    );
  }
  const publicUrl = dpop.publicUrl ?? resource;
  assertAbsoluteUrl('dpop.publicUrl', publicUrl, false);
  return Object.freeze({
    algorithms: resolveAlgorithms('dpop.algorithms', dpop.algorithms ?? DEFAULT_DPOP_ALGORITHMS),
    required: dpop.required ?? false,
    proofMaxAgeSeconds,
    replayStore: dpop.replayStore ?? createMemoryReplayStore(),
    publicUrl: publicUrl.replace(/\/+$/, ''),
  });
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
  const algorithms = resolveAlgorithms('algorithms', options.algorithms ?? DEFAULT_ALGORITHMS);
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
  const tokenProfile = options.tokenProfile ?? 'rfc9068';
  if (!(TOKEN_PROFILES as readonly string[]).includes(tokenProfile)) {
    throw new BearerAuthConfigError(
      `tokenProfile must be one of ${TOKEN_PROFILES.join(', ')}, got "${String(tokenProfile)}"`,
    );
  }
  const clientIdClaims = resolveClientIdClaims(options.clientIdClaims, tokenProfile);
  if (options.scopeClaim !== undefined && options.scopeReader !== undefined)
    throw new BearerAuthConfigError('pass scopeClaim or scopeReader, not both');
  if (
    options.scopeClaim !== undefined &&
    !(SCOPE_CLAIMS as readonly string[]).includes(options.scopeClaim)
  ) {
    throw new BearerAuthConfigError(
      `scopeClaim must be one of ${SCOPE_CLAIMS.join(', ')}, got "${String(options.scopeClaim)}"`,
    );
  }
  const scopeClaim =
    options.scopeReader === undefined ? (options.scopeClaim ?? 'scope') : undefined;
  const resource = options.resource ?? options.audience;
  if (options.resource === undefined && !isHttpUrl(options.audience)) {
    throw new BearerAuthConfigError(
      `audience "${options.audience}" is not an http(s) URL: set resource to this API's URL (RFC 9728 resource)`,
    );
  }
  assertAbsoluteUrl('resource', resource);
  const resourceMetadataUrl = options.resourceMetadataUrl ?? protectedResourceMetadataUrl(resource);
  assertAbsoluteUrl('resourceMetadataUrl', resourceMetadataUrl);
  return Object.freeze({
    issuer: options.issuer,
    audience: options.audience,
    jwksUri: options.jwksUri,
    algorithms,
    clockToleranceSeconds,
    jwksCooldownMs: options.jwksCooldownMs ?? 30_000,
    jwksMaxAgeMs: options.jwksMaxAgeMs ?? 600_000,
    jwksRetryAfterFailureMs: options.jwksRetryAfterFailureMs ?? 5_000,
    jwksTimeoutMs: options.jwksTimeoutMs ?? 5_000,
    tokenProfile,
    clientIdClaims,
    scopeClaim,
    scopeReader: options.scopeReader ?? scopeReaderFor(scopeClaim ?? 'scope'),
    principalKind: options.principalKind ?? principalKindBySubject,
    resource,
    resourceMetadataUrl,
    scopesSupported: Object.freeze([...(options.scopesSupported ?? [])]),
    resourceName: options.resourceName,
    resourceDocumentation: options.resourceDocumentation,
    serveMetadata: options.serveMetadata ?? true,
    registerExceptionFilter: options.registerExceptionFilter ?? true,
    dpop: resolveDpopOptions(options.dpop ?? {}, resource),
    fetch:
      options.fetch ??
      ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init)),
  });
}
