/**
 * The passport strategy of this lib: a passport-jwt `Strategy`, registered with passport by
 * `@nestjs/passport` under `BEARER_STRATEGY`, whose `authenticate` — the one method every
 * passport strategy implements (passport-strategy's contract) — hands the request to THE
 * pipeline (`verify-access-token.ts`) and reports the outcome with passport's own `success` /
 * `error` actions. Nothing of passport or passport-jwt is patched at run time: this is an
 * ordinary subclass. passport-jwt's own verification (jsonwebtoken, synchronous, no `typ` check,
 * no DPoP) is not used, so there is exactly one verification path for Nest and non-Nest apps.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import type { AccessTokenPrincipal } from './access-token-principal.js';
import { ACCESS_TOKEN_VERIFIER, BEARER_STRATEGY } from './bearer-auth.constants.js';
import { extractCredentials } from './extract-credentials.js';
import { InvalidTokenError } from './errors/bearer-auth-error.js';
import type { AccessTokenVerifier, VerifiableRequest } from './verify-access-token.js';

/** passport's actions, bound by passport (or `runBearerStrategy`) on the per-request object. */
interface PassportActions {
  success(user: unknown): void;
  error(error: unknown): void;
}

@Injectable()
export class JwtBearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(@Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier) {
    super({
      // passport-jwt's constructor requires these; `authenticate` below never reaches them
      jwtFromRequest: (request: VerifiableRequest) => extractCredentials(request)?.token ?? null,
      secretOrKeyProvider: (_request: unknown, _token: string, done: (error: unknown) => void) =>
        done(new InvalidTokenError('token_invalid', 'Verification runs in the pipeline')),
      passReqToCallback: true,
    });
  }

  /** passport's entry point for one request: run the pipeline, report with passport's actions. */
  override authenticate(
    this: JwtBearerStrategy & PassportActions,
    request: VerifiableRequest,
  ): void {
    this.verifier.verify(request).then(
      (principal) => this.success(principal),
      (error: unknown) => this.error(error),
    );
  }

  /** passport-jwt's verify callback; the pipeline already built the principal. */
  validate(_request: unknown, principal: AccessTokenPrincipal): AccessTokenPrincipal {
    return principal;
  }
}
