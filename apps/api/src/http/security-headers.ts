/**
 * Security headers for an API that serves JSON only (OWASP Secure Headers): no sniffing, no
 * framing, no referrer, no caching of authenticated responses, and a CSP that allows nothing
 * (the OpenAPI UI under /docs gets the minimum it needs).
 *
 * They are set when a request arrives, so that every response carries them — errors, 404s and
 * preflights included — and a handler that sets its own `Cache-Control` (e.g. the RFC 9728
 * metadata, cacheable for 5 minutes) replaces the `no-store` default. Names are lower case (how
 * Node.js and HTTP/2 carry them) and the objects are precomputed: nothing is allocated per request.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-site',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
});

export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src *; frame-ancestors 'none'";

const DOCS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'content-security-policy': DOCS_CONTENT_SECURITY_POLICY,
});

/**
 * The headers to set on the response to a request for `path` (a path without query string).
 *
 * @example
 * securityHeadersFor('/notes')['cache-control']; // 'no-store'
 * securityHeadersFor('/docs')['content-security-policy']; // DOCS_CONTENT_SECURITY_POLICY
 */
export function securityHeadersFor(path: string): Readonly<Record<string, string>> {
  return path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-')
    ? DOCS_HEADERS
    : SECURITY_HEADERS;
}
