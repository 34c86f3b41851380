/**
 * The passport-jwt strategy: passport-jwt extracts the token (with our RFC 6750 extractor), asks
 * our `secretOrKeyProvider` for the key (from the one JWKS client), verifies (its `JwtVerifier`
 * step, delegated to jose: signature, `algorithms` allowlist, `typ`, exact `iss`, `aud`,
 * `exp`/`nbf` with the leeway, required claims) and hands the payload to `validate`. Before a key is looked up, `checkTokenHeader` refuses any token
 * whose `typ` is not `at+jwt` (passport-jwt does not look at `typ`, so an ID token would pass)
 * or whose `alg` is not allowed; after, `checkAccessTokenClaims` enforces the RFC 9068 claims.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy, type StrategyOptionsWithRequest } from 'passport-jwt';
import type { AccessTokenClaims, AccessTokenPrincipal } from './access-token-principal.js';
import { BEARER_AUTH_OPTIONS, BEARER_STRATEGY } from './bearer-auth.constants.js';
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import { checkAccessTokenClaims } from './check-access-token-claims.js';
import { checkTokenHeader } from './check-token-header.js';
import { extractBearerToken, type BearerRequest } from './extract-bearer-token.js';
import { JwksClient } from './jwks-client.js';
import {
  installJoseVerifier,
  JOSE_VERIFICATION,
  type JoseVerificationSettings,
} from './jose-jwt-verifier.js';

/** Where the guard leaves the token it already extracted, so it is parsed once. */
export const EXTRACTED_TOKEN = Symbol('oauth-ref:extracted-token');

type RequestWithToken = BearerRequest & { [EXTRACTED_TOKEN]?: string };

/** Builds the passport-jwt options; exported for tests and for apps that wire passport by hand. */
export function jwtStrategyOptions(
  options: ResolvedBearerAuthOptions,
  jwks: JwksClient,
): StrategyOptionsWithRequest {
  installJoseVerifier();
  return {
    jwtFromRequest: (request: RequestWithToken) =>
      request[EXTRACTED_TOKEN] ?? extractBearerToken(request) ?? null,
    secretOrKeyProvider: (
      _request: unknown,
      rawJwtToken: string,
      done: (error: unknown, key?: unknown) => void,
    ) => {
      let header;
      try {
        header = checkTokenHeader(rawJwtToken, options.algorithms, options.tokenProfile);
      } catch (error) {
        done(error);
        return;
      }
      jwks.getKey(header.kid, header.alg).then(
        (key) => done(null, key),
        (error: unknown) => done(error),
      );
    },
    algorithms: [...options.algorithms],
    issuer: options.issuer,
    audience: options.audience,
    ignoreExpiration: false,
    // our options carry the jose settings; passport-jwt copies them into its verifier options
    jsonWebTokenOptions: {
      clockTolerance: options.clockToleranceSeconds,
      [JOSE_VERIFICATION]: {
        algorithms: options.algorithms,
        issuer: options.issuer,
        audience: options.audience,
        clockToleranceSeconds: options.clockToleranceSeconds,
        tokenProfile: options.tokenProfile,
      } satisfies JoseVerificationSettings,
    },
    passReqToCallback: true,
  } as StrategyOptionsWithRequest;
}

@Injectable()
export class JwtBearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(
    @Inject(BEARER_AUTH_OPTIONS) private readonly options: ResolvedBearerAuthOptions,
    @Inject(JwksClient) jwks: JwksClient,
  ) {
    super(jwtStrategyOptions(options, jwks));
  }

  /** Called by passport-jwt with the verified payload; returns what becomes `request.user`. */
  validate(_request: unknown, payload: AccessTokenClaims): AccessTokenPrincipal {
    return checkAccessTokenClaims(payload, this.options);
  }
}
