/**
 * The guard behind `@RequireScopes(...)`: authenticate with the passport-jwt strategy, then
 * authorise by principal kind and scope (RFC 6750 §3.1 `insufficient_scope`). All failures are
 * thrown as our error classes; the exception filter turns them into RFC 6750 responses.
 */
import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { AccessTokenPrincipal } from './access-token-principal.js';
import {
  BEARER_STRATEGY,
  REQUIRED_PRINCIPAL_KEY,
  REQUIRED_SCOPES_KEY,
} from './bearer-auth.constants.js';
import { InsufficientScopeError, MissingCredentialsError } from './errors/bearer-auth-error.js';
import { extractBearerToken, type BearerRequest } from './extract-bearer-token.js';
import { EXTRACTED_TOKEN } from './jwt-bearer.strategy.js';
import { mapVerificationError } from './map-verification-error.js';
import type { PrincipalKind } from './principal-kind.js';

type GuardedRequest = BearerRequest & { [EXTRACTED_TOKEN]?: string; user?: AccessTokenPrincipal };

@Injectable()
export class BearerAuthGuard extends AuthGuard(BEARER_STRATEGY) {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = extractBearerToken(request);
    if (token === undefined) throw new MissingCredentialsError();
    request[EXTRACTED_TOKEN] = token;
    await super.canActivate(context);
    const principal = request.user as AccessTokenPrincipal;
    const targets = [context.getHandler(), context.getClass()];
    const requiredScopes =
      this.reflector.getAllAndOverride<readonly string[] | undefined>(
        REQUIRED_SCOPES_KEY,
        targets,
      ) ?? [];
    const requiredKind = this.reflector.getAllAndOverride<PrincipalKind | undefined>(
      REQUIRED_PRINCIPAL_KEY,
      targets,
    );
    if (requiredKind !== undefined && principal.kind !== requiredKind) {
      throw new InsufficientScopeError(
        requiredScopes,
        requiredKind === 'machine'
          ? 'This resource is for machine (client credentials) tokens only'
          : 'This resource is for end-user tokens only',
        'principal_not_allowed',
      );
    }
    const granted = new Set(principal.scopes);
    if (!requiredScopes.every((scope) => granted.has(scope)))
      throw new InsufficientScopeError(requiredScopes);
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error !== null && error !== undefined) throw mapVerificationError(error);
    if (!user) throw mapVerificationError(info);
    return user;
  }
}
