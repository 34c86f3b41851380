/**
 * RFC 6750 §2: how a bearer token may reach this API.
 * - §2.1 the `Authorization` request header is the ONLY accepted method; the scheme name is
 *   case-insensitive (`Bearer`, `bearer`, `BEARER`).
 * - §2.2 form-encoded body and §2.3 URI query (`access_token`) are refused with
 *   `invalid_request`: tokens in URLs end up in logs, history and Referer headers (RFC 9700 §4.3.2).
 * - §3.1 a request that uses more than one method, or carries two Authorization headers or two
 *   credentials in one header, is `invalid_request` (400).
 */
import { InvalidRequestError } from './errors/bearer-auth-error.js';

/** The request shape this needs; both Express and Fastify requests fit it. */
export interface BearerRequest {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  body?: unknown;
  rawHeaders?: string[];
  raw?: { rawHeaders?: string[] };
}

// RFC 6750 §2.1 b64token
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

function countAuthorizationHeaders(request: BearerRequest): number {
  const raw = request.raw?.rawHeaders ?? request.rawHeaders;
  if (raw === undefined) return Array.isArray(request.headers['authorization']) ? 2 : 1;
  let count = 0;
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]?.toLowerCase() === 'authorization') count += 1;
  }
  return count;
}

function hasAccessTokenParameter(container: unknown): boolean {
  return typeof container === 'object' && container !== null && 'access_token' in container;
}

/**
 * Returns the bearer token from the Authorization header, `undefined` when the request carries no
 * credentials, or throws `InvalidRequestError` when it breaks RFC 6750 §2.
 *
 * @example
 * extractBearerToken({ headers: { authorization: 'bearer eyJ...' } }); // 'eyJ...'
 * extractBearerToken({ headers: {} }); // undefined
 */
export function extractBearerToken(request: BearerRequest): string | undefined {
  if (hasAccessTokenParameter(request.query)) {
    throw new InvalidRequestError(
      'token_in_query',
      'Access tokens in the query string are not accepted; use the Authorization header',
    );
  }
  if (hasAccessTokenParameter(request.body)) {
    throw new InvalidRequestError(
      'token_in_body',
      'Access tokens in the request body are not accepted; use the Authorization header',
    );
  }
  const header = request.headers['authorization'];
  if (header === undefined) return undefined;
  if (Array.isArray(header) || countAuthorizationHeaders(request) > 1) {
    throw new InvalidRequestError(
      'credentials_duplicated',
      'The request carries more than one Authorization header',
    );
  }
  if (header.includes(',')) {
    throw new InvalidRequestError(
      'credentials_duplicated',
      'The Authorization header carries more than one credential',
    );
  }
  const match = BEARER.exec(header);
  if (match?.[1] === undefined) {
    if (/^Bearer\b/i.test(header.trim())) {
      throw new InvalidRequestError(
        'authorization_header_malformed',
        'The Authorization header must be "Bearer <token>" with one token',
      );
    }
    // another scheme (Basic, DPoP, ...): this API has no credentials it accepts in it
    return undefined;
  }
  return match[1];
}
