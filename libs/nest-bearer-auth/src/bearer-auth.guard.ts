/**
 * The guard behind `@RequireScopes(...)`: authenticate with the passport strategy (which runs
 * the pipeline of `verify-access-token.ts`, Bearer and DPoP alike), then
 * authorise by principal kind and scope (RFC 6750 §3.1 `insufficient_scope`). All failures are
 * thrown as our error classes; the exception filter turns them into RFC 6750 responses.
 *
 * Why this guard runs the strategy itself instead of extending `AuthGuard('…')` from
 * `@nestjs/passport`: `AuthGuard` goes through `passport.authenticate()`, the connect-style
 * middleware built for session logins, which on every request builds a middleware closure, adds
 * `login`/`logout`/`isAuthenticated`/… and a session manager to the request, and wraps it all in
 * promises. A stateless bearer API uses none of that. The strategy is the same object either
 * way — `JwtBearerStrategy` is a `PassportStrategy(passport-jwt)` registered with passport by
 * `@nestjs/passport` — and it is driven through passport's own strategy contract
 * (`authenticate` → `success` / `fail` / `error`), see `runBearerStrategy`. Measured with
 * `npm run bench:api`: see the API README's benchmark section.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessTokenPrincipal } from './access-token-principal.js';
import { REQUIRED_PRINCIPAL_KEY, REQUIRED_SCOPES_KEY } from './bearer-auth.constants.js';
import { InsufficientScopeError } from './errors/bearer-auth-error.js';
import { JwtBearerStrategy } from './jwt-bearer.strategy.js';
import type { PrincipalKind } from './principal-kind.js';
import { runBearerStrategy } from './run-bearer-strategy.js';
import type { VerifiableRequest } from './verify-access-token.js';

type GuardedRequest = VerifiableRequest & { user?: AccessTokenPrincipal };

/** What a handler requires, read from its metadata once. */
interface Requirements {
  readonly scopes: readonly string[];
  readonly kind: PrincipalKind | undefined;
}

@Injectable()
export class BearerAuthGuard implements CanActivate {
  /** Requirements per controller class and handler: metadata is static, read it once. */
  private readonly requirements = new WeakMap<object, WeakMap<object, Requirements>>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtBearerStrategy) private readonly strategy: JwtBearerStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const principal = await runBearerStrategy(this.strategy, request);
    request.user = principal;
    const required = this.requirementsOf(context);
    if (required.kind !== undefined && principal.kind !== required.kind) {
      throw new InsufficientScopeError(
        required.scopes,
        required.kind === 'machine'
          ? 'This resource is for machine (client credentials) tokens only'
          : 'This resource is for end-user tokens only',
        'principal_not_allowed',
      );
    }
    for (const scope of required.scopes)
      if (!principal.scopes.includes(scope)) throw new InsufficientScopeError(required.scopes);
    return true;
  }

  private requirementsOf(context: ExecutionContext): Requirements {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.requirements.get(controller);
    if (byHandler === undefined) {
      byHandler = new WeakMap();
      this.requirements.set(controller, byHandler);
    }
    let required = byHandler.get(handler);
    if (required === undefined) {
      const targets = [handler, controller];
      required = Object.freeze({
        scopes:
          this.reflector.getAllAndOverride<readonly string[] | undefined>(
            REQUIRED_SCOPES_KEY,
            targets,
          ) ?? [],
        kind: this.reflector.getAllAndOverride<PrincipalKind | undefined>(
          REQUIRED_PRINCIPAL_KEY,
          targets,
        ),
      });
      byHandler.set(handler, required);
    }
    return required;
  }
}
