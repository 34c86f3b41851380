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

/** Documents the scopes an operation requires, e.g. as an OpenAPI security requirement. */
export type ScopeDocumenter = (scopes: readonly string[]) => MethodDecorator & ClassDecorator;

/**
 * Builds the app's own `@RequireScopes`: ONE declaration of a handler's scopes that both enforces
 * them (this lib's `RequireScopes`) and documents them (`document`, supplied by the app — so this
 * lib needs no OpenAPI package). The scopes cannot drift apart: they are written once.
 *
 * @example
 * // apps/api/src/openapi/require-scopes.ts
 * export const RequireScopes = requireScopesDocumentedBy((scopes) => ApiSecurity('oauth2', [...scopes]));
 * // a controller
 * \@Get() \@RequireScopes('notes:read')
 * list() { ... }
 */
export function requireScopesDocumentedBy(
  document: ScopeDocumenter,
): (...scopes: string[]) => MethodDecorator & ClassDecorator {
  return (...scopes) => {
    const required = Object.freeze([...scopes]);
    return applyDecorators(RequireScopes(...required), document(required));
  };
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
