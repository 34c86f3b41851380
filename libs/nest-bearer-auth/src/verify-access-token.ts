/**
 * THE token verification pipeline of this lib, framework-free. Each step is one file that
 * opens with the rule it enforces; they run in this order and the first refusal wins:
 * | # | step                     | rule                                                          |
 * | 1 | extractCredentials       | RFC 6750 §2.1 / RFC 9449 §7.1: one Authorization header, Bearer or DPoP |
 * | 2 | checkTokenHeader         | RFC 8725 §3.1, RFC 9068 §4: alg allowlist (no none/HS*), typ at+jwt |
 * | 3 | checkTokenIssuer         | RFC 9068 §4: iss is exactly the issuer, BEFORE any key lookup |
 * | 4 | JwksClient#getKey        | keys only from the issuer's JWKS, one cache per process       |
 * | 5 | verifyTokenSignature     | RFC 7515 signature, RFC 7519 exp/nbf/iat, aud, required claims |
 * | 6 | checkAccessTokenClaims   | RFC 9068 §2.2 claims → the principal                          |
 * | 7 | checkSenderConstraint    | RFC 9449: cnf.jkt ⇒ DPoP scheme and a valid proof             |
 * Every failure leaves as one of the error classes of `errors/` carrying the scheme the request
 * used, so `toBearerErrorResponse` answers with the right challenge.
 */
import type { AccessTokenPrincipal } from './access-token-principal.js';
import {
  resolveBearerAuthOptions,
  type BearerAuthOptions,
  type ResolvedBearerAuthOptions,
} from './bearer-auth-options.js';
import { checkAccessTokenClaims } from './check-access-token-claims.js';
import { checkSenderConstraint } from './check-sender-constraint.js';
import { checkTokenHeader } from './check-token-header.js';
import { checkTokenIssuer } from './check-token-issuer.js';
import { MissingCredentialsError } from './errors/bearer-auth-error.js';
import { extractCredentials, type BearerRequest } from './extract-credentials.js';
import { JwksClient } from './jwks-client.js';
import { mapVerificationError } from './map-verification-error.js';
import { verifyTokenSignature } from './verify-token-signature.js';

/** What the pipeline reads of a request: Node's, Express's and Fastify's requests all fit. */
export interface VerifiableRequest extends BearerRequest {
  /** HTTP method, for the DPoP `htm` check. */
  method?: string;
  /** Request target as received (path and query), for the DPoP `htu` check. */
  url?: string;
  /** Express keeps the received target here when routers rewrite `url`. */
  originalUrl?: string;
}

/**
 * Runs the seven steps for one request with resolved options and the process's JWKS client.
 *
 * @example
 * const principal = await verifyAccessToken(request, resolveBearerAuthOptions(options), jwks);
 */
export async function verifyAccessToken(
  request: VerifiableRequest,
  options: ResolvedBearerAuthOptions,
  jwks: JwksClient,
): Promise<AccessTokenPrincipal> {
  const credentials = extractCredentials(request);
  if (credentials === undefined) throw new MissingCredentialsError();
  try {
    const header = checkTokenHeader(credentials.token, options.algorithms, options.tokenProfile);
    checkTokenIssuer(credentials.token, options.issuer);
    // a cached key and a bearer token take no extra promise: this runs on every request
    const key =
      jwks.cachedKey(header.kid, header.alg) ?? (await jwks.getKey(header.kid, header.alg));
    const claims = await verifyTokenSignature(credentials.token, key, options);
    const principal = checkAccessTokenClaims(claims, options);
    const constraint = checkSenderConstraint(
      credentials,
      claims,
      { method: request.method ?? '', path: request.originalUrl ?? request.url ?? '/' },
      options,
    );
    if (constraint === undefined) return principal;
    const thumbprint = await constraint;
    return Object.freeze({ ...principal, dpopKeyThumbprint: thumbprint });
  } catch (error) {
    const mapped = mapVerificationError(error);
    mapped.scheme = credentials.scheme;
    throw mapped;
  }
}

/** A configured pipeline: `verify` a request, read the options it runs with. */
export interface AccessTokenVerifier {
  readonly options: ResolvedBearerAuthOptions;
  verify(request: VerifiableRequest): Promise<AccessTokenPrincipal>;
}

/**
 * Builds the pipeline once (options validated, ONE JWKS client) for apps without Nest.
 *
 * @example
 * const verifier = createAccessTokenVerifier({ issuer: 'http://localhost:4000', audience: 'http://localhost:3333' });
 * const principal = await verifier.verify({ method: req.method, url: req.url, headers: req.headers });
 */
export function createAccessTokenVerifier(
  options: BearerAuthOptions,
  jwks?: JwksClient,
): AccessTokenVerifier {
  const resolved = resolveBearerAuthOptions(options);
  const client = jwks ?? createJwksClient(resolved);
  return Object.freeze({
    options: resolved,
    verify: (request: VerifiableRequest) => verifyAccessToken(request, resolved, client),
  });
}

/**
 * Creates the JWKS client for resolved options (one per process).
 *
 * @example
 * const jwks = createJwksClient(resolveBearerAuthOptions({ issuer, audience }));
 */
export function createJwksClient(options: ResolvedBearerAuthOptions): JwksClient {
  return new JwksClient({
    issuer: options.issuer,
    ...(options.jwksUri !== undefined ? { jwksUri: options.jwksUri } : {}),
    cooldownMs: options.jwksCooldownMs,
    maxAgeMs: options.jwksMaxAgeMs,
    retryAfterFailureMs: options.jwksRetryAfterFailureMs,
    timeoutMs: options.jwksTimeoutMs,
    fetch: options.fetch,
  });
}
