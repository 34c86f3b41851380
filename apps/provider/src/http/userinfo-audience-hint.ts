/**
 * UserInfo (OIDC Core §5.3) is a protected resource of its own. An access token issued for the
 * notes API (RFC 8707 `resource`, RFC 9068 `aud` = the API) is not accepted there: one token, one
 * audience, so a token the API receives cannot be replayed elsewhere. The engine refuses it with a
 * generic "invalid token provided"; this middleware only rewrites that refusal's description (in
 * the body and in `WWW-Authenticate`) to say why and what the client should do instead. It grants
 * nothing: the token is decoded, not trusted, and only to choose the message.
 */
import type { Middleware } from 'koa';
import { decodeJwt } from 'jose';

const USERINFO_PATH = '/me';

export function userinfoAudienceMessage(apiResource: string): string {
  return (
    `this access token is audience-restricted to ${apiResource} (RFC 8707), so UserInfo does not ` +
    'accept it. For UserInfo use a token issued without resource: refresh with ' +
    'scope=openid profile email (no resource), or sign in with OIDC scopes only. ' +
    'The ID token already carries the profile and email claims.'
  );
}

function audienceOf(authorization: string): string[] {
  const token = /^(?:Bearer|DPoP) ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim())?.[1];
  if (!token) return [];
  try {
    const { aud } = decodeJwt(token);
    return typeof aud === 'string' ? [aud] : (aud ?? []);
  } catch {
    return [];
  }
}

export function userinfoAudienceHint(apiResource: string): Middleware {
  const message = userinfoAudienceMessage(apiResource);
  return async (ctx, next) => {
    await next();
    if (ctx.path !== USERINFO_PATH || ctx.status !== 401) return;
    const body = ctx.body as { error?: unknown; error_description?: unknown } | undefined;
    if (body?.error !== 'invalid_token') return;
    const forApi =
      audienceOf(ctx.get('authorization')).includes(apiResource) ||
      body.error_description === 'token audience prevents accessing the userinfo endpoint';
    if (!forApi) return;
    ctx.body = { ...body, error_description: message };
    const challenge = ctx.response.get('www-authenticate');
    if (challenge) {
      ctx.set(
        'www-authenticate',
        challenge.replace(/error_description="[^"]*"/, `error_description="${message}"`),
      );
    }
  };
}
