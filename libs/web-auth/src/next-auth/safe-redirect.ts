/**
 * `callbackUrl` may only lead back to this origin (RFC 9700 §4.11 open redirectors). Anything
 * else, including protocol-relative `//evil.example`, backslash tricks, `javascript:` and other
 * origins, falls back to the home page and is logged.
 */
export interface SafeRedirectResult {
  readonly url: string;
  readonly blocked: boolean;
}

/**
 * @example
 * safeRedirect('/notes', 'http://localhost:3000').url; // 'http://localhost:3000/notes'
 * safeRedirect('https://evil.example/', 'http://localhost:3000').url; // 'http://localhost:3000/'
 */
export function safeRedirect(target: string, baseUrl: string): SafeRedirectResult {
  const base = new URL(baseUrl);
  const home = { url: `${base.origin}/`, blocked: false };
  if (!target) return home;
  // Browsers treat "\" like "/" and ignore tabs/newlines in URLs: normalise first, then parse.
  const normalised = target.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
  let parsed: URL;
  try {
    parsed = new URL(normalised, base);
  } catch {
    return { url: home.url, blocked: true };
  }
  if (
    parsed.origin !== base.origin ||
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
  ) {
    return { url: home.url, blocked: true };
  }
  if (parsed.pathname.startsWith('//')) return { url: home.url, blocked: true };
  return { url: `${base.origin}${parsed.pathname}${parsed.search}${parsed.hash}`, blocked: false };
}
