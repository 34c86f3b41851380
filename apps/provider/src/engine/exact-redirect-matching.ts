/**
 * RFC 9700 §2.1 / §4.1.3: redirect URIs are compared by exact string match. The engine follows
 * RFC 8252 §7.3 for native clients and accepts any port on a loopback redirect URI; our mobile
 * client's web build runs on a fixed port, so we switch that variance off (also for post-logout
 * redirect URIs). This is the one engine behaviour we override, and only to make it stricter.
 */
import type Provider from 'oidc-provider';

export function enforceExactRedirectMatching(provider: Provider): void {
  const prototype = provider.Client.prototype as unknown as {
    redirectUris?: string[];
    postLogoutRedirectUris?: string[];
    redirectUriAllowed(value: string): boolean;
    postLogoutRedirectUriAllowed(value: string): boolean;
  };
  prototype.redirectUriAllowed = function redirectUriAllowed(
    this: { redirectUris?: string[] },
    value: string,
  ) {
    return (this.redirectUris ?? []).includes(value);
  };
  prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(
    this: { postLogoutRedirectUris?: string[] },
    value: string,
  ) {
    return (this.postLogoutRedirectUris ?? []).includes(value);
  };
}
