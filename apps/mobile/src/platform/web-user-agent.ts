/**
 * The web build's user agent: the authorization request and the logout are full-page navigations
 * (no popup: popups are blocked and lose the address bar the user should check). After the
 * callback is processed, the code and state are removed from the address bar and history.
 */
import type { UserAgent } from '../auth/user-agent.js';

/**
 * @example
 * const userAgent = createWebUserAgent(window);
 */
export function createWebUserAgent(win: Window): UserAgent {
  return {
    supportsEndSession: true,
    async startAuthorization(url) {
      win.location.assign(url.href);
      return { type: 'redirecting' };
    },
    async endSession(url) {
      win.location.assign(url.href);
    },
    forgetCallbackUrl() {
      win.history.replaceState(null, '', '/');
    },
  };
}
