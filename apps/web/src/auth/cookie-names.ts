/**
 * The web app's cookie names: next-auth's cookies with the `web.` prefix, so the provider's
 * (`op.`) and ours never overwrite each other on localhost (cookies ignore ports).
 */
import { buildCookieOptions } from '@oauth-ref/web-auth';

export const WEB_COOKIE_PREFIX = 'web.';
export const SESSION_COOKIE = `${WEB_COOKIE_PREFIX}session-token`;

/**
 * @example
 * webCookies(false).sessionToken.name; // 'web.session-token'
 */
export function webCookies(secure: boolean) {
  return buildCookieOptions(WEB_COOKIE_PREFIX, secure);
}
