/**
 * The web app's Content Security Policy (CSP Level 3), built per response around a fresh nonce.
 *
 * - `script-src 'nonce-…' 'strict-dynamic'`: only scripts carrying this response's nonce run (Next
 *   puts it on its own scripts), plus what they load. No `'unsafe-inline'`: an injected
 *   `<script>` or `onerror=` attribute does not run.
 * - `object-src 'none'`, `base-uri 'none'`: no plugins, no `<base>` re-pointing relative URLs.
 * - `form-action 'self' <issuer origin>`: forms post here; the logout form is answered by a
 *   redirect to the provider's end-session endpoint, which form-action also governs.
 * - `frame-ancestors 'none'`: never framed (clickjacking).
 */

export interface ContentSecurityPolicyOptions {
  /** Base64 nonce, fresh for every response. */
  readonly nonce: string;
  /** The OAuth issuer (its origin is added to form-action). */
  readonly issuer: string;
  /** `next dev` needs `'unsafe-eval'` for React's debugging aids; production never does. */
  readonly development?: boolean;
}

const NONCE_SYNTAX = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/**
 * @example
 * buildContentSecurityPolicy({ nonce: createNonce(), issuer: 'http://localhost:4000' });
 * // "default-src 'self'; script-src 'self' 'nonce-…' 'strict-dynamic'; …"
 */
export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  if (!NONCE_SYNTAX.test(options.nonce)) {
    throw new TypeError('A CSP nonce must be at least 16 base64 characters');
  }
  const nonce = `'nonce-${options.nonce}'`;
  const issuerOrigin = new URL(options.issuer).origin;
  const directives: ReadonlyArray<readonly [string, ...string[]]> = [
    ['default-src', "'self'"],
    [
      'script-src',
      "'self'",
      nonce,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    ['style-src', "'self'", nonce],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'", issuerOrigin],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * 128 random bits, base64: unguessable and unique per response.
 *
 * @example
 * createNonce(); // 'q0v8kq3N9w0xY3bLrU2x4A=='
 */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
