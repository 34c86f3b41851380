/**
 * RFC 8414 §3 / OIDC Discovery 1.0 §4: find `jwks_uri` in the issuer's metadata. The metadata's
 * `issuer` must equal the configured issuer exactly (RFC 8414 §3.3), or the document is refused.
 */
import { JwksUnavailableError } from './errors/bearer-auth-error.js';

const WELL_KNOWN = ['oauth-authorization-server', 'openid-configuration'] as const;

function metadataUrl(issuer: string, suffix: string): string {
  const url = new URL(issuer);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  // RFC 8414 inserts the well-known segment before the path; OIDC appends it after.
  return suffix === 'openid-configuration'
    ? `${url.origin}${path}/.well-known/${suffix}`
    : `${url.origin}/.well-known/${suffix}${path}`;
}

/**
 * Fetches the issuer's metadata and returns its `jwks_uri`.
 *
 * @example
 * const jwksUri = await discoverJwksUri('http://localhost:4000', fetch, 5000);
 * // 'http://localhost:4000/jwks'
 */
export async function discoverJwksUri(
  issuer: string,
  fetchFn: typeof fetch,
  timeoutMs: number,
): Promise<string> {
  const failures: string[] = [];
  for (const suffix of WELL_KNOWN) {
    const url = metadataUrl(issuer, suffix);
    try {
      const response = await fetchFn(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) {
        failures.push(`${url}: HTTP ${response.status}`);
        continue;
      }
      const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (metadata.issuer !== issuer) {
        failures.push(`${url}: issuer ${JSON.stringify(metadata.issuer)} does not equal ${issuer}`);
        continue;
      }
      if (typeof metadata.jwks_uri !== 'string' || !URL.canParse(metadata.jwks_uri)) {
        failures.push(`${url}: no valid jwks_uri`);
        continue;
      }
      return metadata.jwks_uri;
    } catch (error) {
      failures.push(`${url}: ${(error as Error).message}`);
    }
  }
  throw new JwksUnavailableError(
    `Could not discover the issuer's jwks_uri (${failures.join('; ')})`,
  );
}
