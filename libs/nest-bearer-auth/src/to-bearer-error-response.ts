/**
 * THE one place where an error class becomes an HTTP response (RFC 6750 §3, RFC 9449 §7.1,
 * RFC 9728 §5.1):
 * | class                     | status | WWW-Authenticate                                        |
 * | MissingCredentialsError   | 401    | Bearer resource_metadata="...", DPoP algs="..." (no error) |
 * | InvalidRequestError       | 400    | <scheme> error="invalid_request", ...                   |
 * | InvalidTokenError         | 401    | <scheme> error="invalid_token", ...                     |
 * | InvalidDpopProofError     | 401    | DPoP algs="...", error="invalid_dpop_proof", ...        |
 * | InsufficientScopeError    | 403    | <scheme> error="insufficient_scope", scope="...", ...   |
 * | JwksUnavailableError      | 503    | (none; Retry-After)                                     |
 * `<scheme>` is the scheme the request used. A request without credentials is offered both
 * schemes (RFC 9449 §7.1 allows several challenges), so the client learns the DPoP algorithms;
 * with bound tokens required, only `DPoP` is offered. Every challenge names
 * `resource_metadata`. The JSON body has `error`, `error_description` and our stable `code`.
 */
import { buildBearerChallenge } from '@oauth-ref/token-types';
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import { buildDpopChallenge } from './build-dpop-challenge.js';
import type { BearerAuthError } from './errors/bearer-auth-error.js';
import { InsufficientScopeError } from './errors/bearer-auth-error.js';

export interface BearerErrorResponse {
  readonly status: 400 | 401 | 403 | 503;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: {
    readonly error: string;
    readonly error_description: string;
    readonly code: string;
  };
}

export interface ChallengeContext {
  readonly resourceMetadataUrl: string;
  readonly realm?: string;
  /** DPoP proof algorithms accepted; omitted or empty: no DPoP challenge is offered. */
  readonly dpopAlgorithms?: readonly string[];
  /** Bound tokens required (no Bearer challenge is offered). Default false. */
  readonly dpopRequired?: boolean;
}

const STATUS = {
  missing: 401,
  invalid_request: 400,
  invalid_token: 401,
  invalid_dpop_proof: 401,
  insufficient_scope: 403,
} as const;

function challengesFor(error: BearerAuthError, context: ChallengeContext): string {
  const dpop = context.dpopAlgorithms ?? [];
  const errorName = error.kind === 'missing' ? undefined : error.kind;
  const described = errorName === undefined ? {} : { errorDescription: error.message };
  const dpopChallenge = (withError: boolean) =>
    buildDpopChallenge({
      algorithms: dpop,
      ...(withError && errorName !== undefined ? { error: errorName, ...described } : {}),
      resourceMetadata: context.resourceMetadataUrl,
    });
  if (dpop.length > 0 && (error.kind === 'invalid_dpop_proof' || error.scheme === 'DPoP'))
    return dpopChallenge(true);
  if (dpop.length > 0 && context.dpopRequired === true)
    return dpopChallenge(error.kind !== 'missing');
  const scope =
    error instanceof InsufficientScopeError && error.requiredScopes.length > 0
      ? { scope: [...error.requiredScopes] }
      : {};
  const bearer = buildBearerChallenge({
    realm: context.realm,
    resourceMetadata: context.resourceMetadataUrl,
    ...(errorName !== undefined ? { error: errorName, ...described } : {}),
    ...scope,
  } as Parameters<typeof buildBearerChallenge>[0]);
  return dpop.length > 0 && error.kind === 'missing'
    ? `${bearer}, ${dpopChallenge(false)}`
    : bearer;
}

/**
 * Maps a bearer-auth error to its status, headers and JSON body.
 *
 * @example
 * toBearerErrorResponse(new InvalidTokenError('token_expired', 'The access token expired'), {
 *   resourceMetadataUrl: 'http://localhost:3333/.well-known/oauth-protected-resource',
 * }).status; // 401
 */
export function toBearerErrorResponse(
  error: BearerAuthError,
  context: ChallengeContext,
): BearerErrorResponse {
  const body = (errorName: string) => ({
    error: errorName,
    error_description: error.message,
    code: error.code,
  });
  if (error.kind === 'unavailable') {
    return {
      status: 503,
      headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' },
      body: body('temporarily_unavailable'),
    };
  }
  return {
    status: STATUS[error.kind],
    headers: { 'WWW-Authenticate': challengesFor(error, context), 'Cache-Control': 'no-store' },
    body: body(error.kind === 'missing' ? 'unauthorized' : error.kind),
  };
}

/**
 * The challenge context of a configured module: its metadata URL and DPoP settings.
 *
 * @example
 * toBearerErrorResponse(error, challengeContextFor(options));
 */
export function challengeContextFor(options: ResolvedBearerAuthOptions): ChallengeContext {
  return {
    resourceMetadataUrl: options.resourceMetadataUrl,
    dpopAlgorithms: options.dpop.algorithms,
    dpopRequired: options.dpop.required,
  };
}
