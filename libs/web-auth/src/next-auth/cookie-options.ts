/**
 * next-auth's cookies, renamed with an app prefix. Cookies ignore ports, so on localhost the
 * provider (:4000, prefix `op.`) and a client app (:3000, prefix `web.`) would otherwise
 * overwrite each other's cookies. All are HttpOnly and SameSite=Lax; Secure when the app is
 * served over https. The state and PKCE verifier cookies live 15 minutes (one sign-in).
 */
import type { CookiesOptions } from 'next-auth';

/**
 * @example
 * buildCookieOptions('web.', false).sessionToken.name; // 'web.session-token'
 */
export function buildCookieOptions(prefix: string, secure: boolean): CookiesOptions {
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  const shortLived = { ...options, maxAge: 15 * 60 };
  return {
    sessionToken: { name: `${prefix}session-token`, options },
    callbackUrl: { name: `${prefix}callback-url`, options },
    csrfToken: { name: `${prefix}csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}pkce.code_verifier`, options: shortLived },
    state: { name: `${prefix}state`, options: shortLived },
    nonce: { name: `${prefix}nonce`, options },
  };
}
