/**
 * RFC 9700 §2.1 / §4.1.3: redirect URIs — and OIDC RP-Initiated Logout §3 post-logout redirect
 * URIs — are compared by exact string match.
 *
 * The engine already matches exactly, with one exception: for `application_type: native` it
 * follows RFC 8252 §7.3 and accepts any port on a loopback redirect URI
 * (`Client#redirectUriAllowed` / `#postLogoutRedirectUriAllowed`, oidc-provider 9
 * `lib/models/client.js`). Our mobile client is native (it registers a private-use scheme) and its
 * web build runs on a fixed port, so we switch that variance off.
 *
 * oidc-provider 9 offers no configuration for this: matching is a method of the `Client` model,
 * called by the authorization endpoint (`check_redirect_uri`), its error handler and
 * `end_session`. The one supported-enough seam is the per-provider `provider.Client` class, so
 * this module — the only place we touch an engine model — NARROWS those two methods: a value must
 * pass the engine's own check AND be one of the registered strings. It never accepts anything the
 * engine refuses. `exact-redirect-matching.test.ts` pins the engine behaviour this relies on and
 * goes red when an upgrade changes it.
 */
import type Provider from 'oidc-provider';

type Matcher = (this: MatchingClient, value: string) => boolean;

interface MatchingClient {
  readonly redirectUris?: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
  redirectUriAllowed: Matcher;
  postLogoutRedirectUriAllowed: Matcher;
}

/** The two engine methods narrowed here, and the registered list each one must match exactly. */
export const NARROWED_METHODS = {
  redirectUriAllowed: 'redirectUris',
  postLogoutRedirectUriAllowed: 'postLogoutRedirectUris',
} as const;

/**
 * Makes the provider's redirect and post-logout redirect matching exact (no loopback port variance).
 *
 * @example
 * const provider = new Provider(issuer, configuration);
 * enforceExactRedirectMatching(provider);
 */
export function enforceExactRedirectMatching(provider: Provider): void {
  const prototype = provider.Client.prototype as unknown as MatchingClient;
  for (const [method, list] of Object.entries(NARROWED_METHODS) as [
    keyof typeof NARROWED_METHODS,
    (typeof NARROWED_METHODS)[keyof typeof NARROWED_METHODS],
  ][]) {
    const engineCheck = prototype[method];
    if (typeof engineCheck !== 'function') {
      throw new Error(`oidc-provider Client#${method} is gone: revisit exact-redirect-matching.ts`);
    }
    prototype[method] = function exactly(this: MatchingClient, value: string): boolean {
      return engineCheck.call(this, value) && (this[list] ?? []).includes(value);
    };
  }
}
