/**
 * Security headers for an API that serves JSON only (OWASP Secure Headers): no sniffing, no
 * framing, no referrer, no caching of authenticated responses, and a CSP that allows nothing
 * (the OpenAPI UI under /docs gets the minimum it needs).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-site',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
});

export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src *; frame-ancestors 'none'";

/**
 * The headers to add to a response for `path`; `Cache-Control: no-store` unless the handler set one.
 *
 * @example
 * securityHeadersFor('/notes', false)['Cache-Control']; // 'no-store'
 */
export function securityHeadersFor(path: string, hasCacheControl: boolean): Record<string, string> {
  const headers: Record<string, string> = { ...SECURITY_HEADERS };
  if (path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-')) {
    headers['Content-Security-Policy'] = DOCS_CONTENT_SECURITY_POLICY;
  }
  if (!hasCacheControl) headers['Cache-Control'] = 'no-store';
  return headers;
}
