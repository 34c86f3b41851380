/** `@CurrentPrincipal()`: the verified caller, as the guard left it on the request. */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AccessTokenPrincipal } from './access-token-principal.js';

/**
 * Injects the `AccessTokenPrincipal` of a handler guarded by `@RequireScopes`.
 *
 * @example
 * \@Get('me') \@RequireScopes()
 * me(\@CurrentPrincipal() principal: AccessTokenPrincipal) { return principal.subject; }
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessTokenPrincipal =>
    context.switchToHttp().getRequest<{ user: AccessTokenPrincipal }>().user,
);
