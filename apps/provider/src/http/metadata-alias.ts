/**
 * RFC 8414 §3: authorization server metadata at /.well-known/oauth-authorization-server. The engine
 * serves OIDC Discovery at /.well-known/openid-configuration; both documents are the same here, so
 * the RFC 8414 path is answered by the engine's discovery route (same issuer, same content).
 */
import type { Context, Next } from 'koa';

export function authorizationServerMetadataAlias() {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.path === '/.well-known/oauth-authorization-server')
      ctx.path = '/.well-known/openid-configuration';
    await next();
  };
}
