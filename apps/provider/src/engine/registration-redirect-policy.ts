/**
 * Redirect URIs a dynamically registered client may use (RFC 9700 §2.1 and §4.1, RFC 8252 §7):
 * https anywhere; plain http only on a loopback host (localhost, 127.0.0.1, [::1]) for local
 * development; a private-use scheme (reverse domain name, e.g. `com.example.app:/cb`) only for
 * `application_type: native`. Matching stays exact (the engine's rule); this decides what may be
 * registered at all; a refusal is RFC 7591 §3.2.2 `invalid_redirect_uri`. Applied, with the grant policy, to every initial access token's registrations.
 */
import { errors, type ClientMetadata } from 'oidc-provider';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

function allowed(raw: string, native: boolean): boolean {
  const url = URL.parse(raw);
  if (!url || url.hash || raw.includes('#')) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname);
  const scheme = url.protocol.slice(0, -1);
  return native && scheme.includes('.') && /^[a-z][a-z0-9.+-]*$/.test(scheme);
}

export function assertRegistrationRedirectPolicy(metadata: Partial<ClientMetadata>): void {
  const native = metadata.application_type === 'native';
  for (const field of ['redirect_uris', 'post_logout_redirect_uris'] as const) {
    for (const uri of (metadata[field] as string[] | undefined) ?? []) {
      if (!allowed(uri, native)) {
        throw new errors.InvalidRedirectUri(
          `${field} must be https, http on a loopback host, or (native clients) a private-use scheme: ${uri}`,
        );
      }
    }
  }
}
