/**
 * next-auth's cookies, renamed with the `web.` prefix. Cookies ignore ports, so on localhost the
 * provider (:4000, prefix `op.`) and this app (:3000) would otherwise overwrite each other's
 * cookies. All are HttpOnly and SameSite=Lax; Secure when NEXTAUTH_URL is https.
 */
import type { CookiesOptions } from 'next-auth';

export const WEB_COOKIE_PREFIX = 'web.';
export const SESSION_COOKIE = `${WEB_COOKIE_PREFIX}session-token`;

/**
 * @example
 * buildCookieOptions(false).sessionToken.name; // 'web.session-token'
 */
export function buildCookieOptions(secure: boolean): CookiesOptions {
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  const shortLived = { ...options, maxAge: 15 * 60 };
  return {
    sessionToken: { name: SESSION_COOKIE, options },
    callbackUrl: { name: `${WEB_COOKIE_PREFIX}callback-url`, options },
    csrfToken: { name: `${WEB_COOKIE_PREFIX}csrf-token`, options },
    pkceCodeVerifier: { name: `${WEB_COOKIE_PREFIX}pkce.code_verifier`, options: shortLived },
    state: { name: `${WEB_COOKIE_PREFIX}state`, options: shortLived },
    nonce: { name: `${WEB_COOKIE_PREFIX}nonce`, options },
  };
}
