/**
 * RFC 9449 §4.3 check 9: `htu` is compared "ignoring any query and fragment parts", after the
 * syntax-based normalisation of RFC 3986 §6.2.2/§6.2.3 (case of scheme and host, default port,
 * percent-encoding case, dot segments) — which is what the WHATWG URL parser does.
 */

/**
 * Normalises an http(s) URL for `htu` comparison; `undefined` when it is not one.
 *
 * @example
 * normalizeHtu('HTTPS://API.example.com:443/notes?x=1#f'); // 'https://api.example.com/notes'
 */
export function normalizeHtu(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return `${url.protocol}//${url.host}${url.pathname}`;
}
