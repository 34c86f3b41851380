/**
 * Turns a live request/response pair into what the lab shows: secrets masked (client secret,
 * password, admin token), tokens shortened, every JWT found in the request decoded.
 */
import type { DecodedToken, RecordedRequest, RecordedResponse } from './lab-types';

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const SECRET_FIELDS = new Set(['password', 'client_secret', 'csrf']);
/** In JSON bodies `code` is an error code (the API's), not an authorization code. */
const JSON_TOKEN_FIELDS = new Set(['refresh_token', 'access_token', 'id_token']);
const EXCERPT_MAX = 700;
const TOKEN_FIELDS = new Set([
  'code',
  'refresh_token',
  'access_token',
  'id_token',
  'code_verifier',
]);

/** `eyJhbGciOi…(812 chars)`: enough to recognise, not enough to reuse from the page. */
export function shorten(value: string): string {
  return value.length <= 16 ? value : `${value.slice(0, 12)}…(${value.length} chars)`;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes a compact JWT (header and payload) for display, or undefined when it is not one. */
export function decodeForDisplay(label: string, value: string): DecodedToken | undefined {
  if (!JWT.test(value)) return undefined;
  const [header = '', payload = ''] = value.split('.');
  const decodedHeader = decodePart(header);
  const decodedPayload = decodePart(payload);
  if (!decodedHeader || !decodedPayload) return undefined;
  return { label, header: decodedHeader, payload: decodedPayload };
}

function maskAuthorization(value: string): { shown: string; token?: string } {
  const [scheme = '', credentials = ''] = value.split(' ');
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const clientId = decodeURIComponent(decoded.split(':')[0] ?? '');
    return { shown: `Basic base64(${clientId}:•••)` };
  }
  return { shown: `${scheme} ${shorten(credentials)}`, token: credentials };
}

function maskForm(body: string, tokens: DecodedToken[]): string {
  const form = new URLSearchParams(body);
  const shown = new URLSearchParams();
  for (const [key, value] of form) {
    if (SECRET_FIELDS.has(key)) shown.append(key, '•••');
    else if (TOKEN_FIELDS.has(key)) {
      const decoded = decodeForDisplay(key, value);
      if (decoded) tokens.push(decoded);
      shown.append(key, shorten(value));
    } else shown.append(key, value);
  }
  return decodeURIComponent(shown.toString().replaceAll('+', ' ')).replaceAll('&', '\n');
}

/**
 * @example
 * describeRequest('GET', 'http://localhost:3333/me', { authorization: 'Bearer eyJ…' });
 */
export function describeRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): RecordedRequest {
  const tokens: DecodedToken[] = [];
  const shownHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (key === 'cookie') shownHeaders[key] = '(the provider session cookies)';
    else if (key === 'authorization') {
      const masked = maskAuthorization(value);
      shownHeaders[key] = masked.shown;
      const decoded = masked.token ? decodeForDisplay('Authorization', masked.token) : undefined;
      if (decoded) tokens.push(decoded);
    } else if (key === 'dpop') {
      shownHeaders[key] = shorten(value);
      const decoded = decodeForDisplay('DPoP proof', value);
      if (decoded) tokens.push(decoded);
    } else shownHeaders[key] = value;
  }
  const isForm = headers['content-type']?.startsWith('application/x-www-form-urlencoded');
  return {
    method,
    url: shortenUrl(url),
    headers: shownHeaders,
    ...(body === undefined ? {} : { body: isForm ? maskForm(body, tokens) : body }),
    tokens,
  };
}

/** Shortens `code` and token-looking query parameters in a URL; the query shown decoded. */
export function shortenUrl(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return url;
  const query = [...parsed.searchParams]
    .map(([key, value]) => `${key}=${TOKEN_FIELDS.has(key) ? shorten(value) : value}`)
    .join('&');
  return `${parsed.origin}${parsed.pathname}${query ? `?${query}` : ''}`;
}

function excerpt(text: string): string {
  const parsed = (() => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  })();
  if (parsed && typeof parsed === 'object') {
    const shown = Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [
        key,
        typeof value === 'string' && (JSON_TOKEN_FIELDS.has(key) || JWT.test(value))
          ? shorten(value)
          : value,
      ]),
    );
    const pretty = JSON.stringify(shown, null, 2);
    return pretty.length > EXCERPT_MAX
      ? `${pretty.slice(0, EXCERPT_MAX)}\n…(cut: ${pretty.length} chars in all)`
      : pretty;
  }
  const plain = text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain;
}

/**
 * @example
 * describeResponse(401, headers, '{"error":"invalid_token"}');
 */
export function describeResponse(status: number, headers: Headers, text: string): RecordedResponse {
  let error: string | undefined;
  let errorDescription: string | undefined;
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    if (typeof body.error === 'string') error = body.error;
    if (typeof body.error_description === 'string') errorDescription = body.error_description;
  } catch {
    // not JSON: an HTML page (the provider's login page) or empty
  }
  const location = headers.get('location');
  const wwwAuthenticate = headers.get('www-authenticate');
  const retryAfter = headers.get('retry-after');
  return {
    status,
    ...(error ? { error } : {}),
    ...(errorDescription ? { errorDescription } : {}),
    ...(wwwAuthenticate ? { wwwAuthenticate } : {}),
    ...(location ? { location: shortenUrl(location) } : {}),
    ...(retryAfter ? { retryAfter } : {}),
    ...(text ? { body: excerpt(text) } : {}),
  };
}
