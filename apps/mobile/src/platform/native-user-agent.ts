/**
 * The native user agent: an ASWebAuthenticationSession (iOS) / Custom Tab (Android) opened by
 * expo-web-browser — the system browser, whose address bar the user can check and whose cookies
 * the app cannot read (RFC 8252 §8.12: no embedded web views). It returns when the provider
 * redirects to the app's redirect URI.
 */
import * as WebBrowser from 'expo-web-browser';
import type { UserAgent } from '../auth/user-agent.js';

/**
 * @example
 * const userAgent = createNativeUserAgent();
 */
export function createNativeUserAgent(): UserAgent {
  return {
    // RP-initiated logout would open the browser once more only to show the provider's page;
    // natively we revoke the refresh token and forget everything instead.
    supportsEndSession: false,
    async startAuthorization(url, redirectUri) {
      const result = await WebBrowser.openAuthSessionAsync(url.href, redirectUri);
      return result.type === 'success'
        ? { type: 'callback', url: new URL(result.url) }
        : { type: 'cancelled' };
    },
    async endSession() {
      // not used natively (see supportsEndSession)
    },
    forgetCallbackUrl() {
      // nothing to forget: the callback URL never appears in an address bar of the app
    },
  };
}
