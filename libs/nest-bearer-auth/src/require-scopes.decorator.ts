/**
 * Authorisation in one decorator: `@RequireScopes('notes:write')` on a handler or controller
 * authenticates the bearer token and requires every listed scope.
 */
import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { REQUIRED_PRINCIPAL_KEY, REQUIRED_SCOPES_KEY } from './bearer-auth.constants.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import type { PrincipalKind } from './principal-kind.js';

/**
 * Requires a valid access token carrying every listed scope (none listed: any valid token).
 *
 * @example
 * \@Post() \@RequireScopes('notes:write')
 * create(\@CurrentPrincipal() principal: AccessTokenPrincipal, \@Body() body: unknown) { ... }
 */
export function RequireScopes(...scopes: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES_KEY, Object.freeze([...scopes])),
    UseGuards(BearerAuthGuard),
  );
}

/**
 * Restricts a handler or controller to end-user tokens or to machine (client credentials) tokens.
 * Use together with `@RequireScopes`.
 *
 * @example
 * \@Get('stats') \@RequireScopes('notes:stats') \@RequirePrincipal('machine')
 * stats() { ... }
 */
export function RequirePrincipal(kind: PrincipalKind): MethodDecorator & ClassDecorator {
  return SetMetadata(REQUIRED_PRINCIPAL_KEY, kind);
}
