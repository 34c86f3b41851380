/**
 * Step 1 of the pipeline — how an access token may reach this API:
 * - RFC 6750 §2.1 / RFC 9449 §7.1: the `Authorization` request header is the ONLY accepted
 *   method, with the `Bearer` or the `DPoP` scheme; scheme names are case-insensitive.
 * - RFC 6750 §2.2 form-encoded body and §2.3 URI query (`access_token`) are refused with
 *   `invalid_request`: tokens in URLs end up in logs, history and Referer headers (RFC 9700 §4.3.2).
 * - RFC 6750 §3.1 a request that carries two Authorization headers, or two credentials in one
 *   header, is `invalid_request` (400).
 * - RFC 9449 §4.1/§7.1: with the `DPoP` scheme the request carries exactly one `DPoP` header (the
 *   proof); its checks are the sender-constraint step's. A `DPoP` header beside a `Bearer` token
 *   is ignored here, and the token's own `cnf` decides (a bound token is refused as Bearer).
 */
import { InvalidDpopProofError, InvalidRequestError } from './errors/bearer-auth-error.js';

/** The request shape this needs; both Express and Fastify requests fit it. */
export interface BearerRequest {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  body?: unknown;
  rawHeaders?: string[];
  raw?: { rawHeaders?: string[] };
}

/** What the request presented: the scheme, the token and (DPoP) the proof JWT. */
export interface Credentials {
  readonly scheme: 'Bearer' | 'DPoP';
  readonly token: string;
  /** The `DPoP` header (compact JWS), for the DPoP scheme only. */
  readonly proof: string | undefined;
}

// RFC 6750 §2.1 b64token, with the scheme name captured (RFC 9449 §7.1 uses the same token68 form)
const CREDENTIALS = /^(Bearer|DPoP) +([A-Za-z0-9\-._~+/]+=*) *$/i;
const KNOWN_SCHEME = /^(Bearer|DPoP)\b/i;

function countHeaders(request: BearerRequest, name: string): number {
  const raw = request.raw?.rawHeaders ?? request.rawHeaders;
  if (raw === undefined) return Array.isArray(request.headers[name]) ? 2 : 1;
  let count = 0;
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]?.toLowerCase() === name) count += 1;
  }
  return count;
}

function hasAccessTokenParameter(container: unknown): boolean {
  return typeof container === 'object' && container !== null && 'access_token' in container;
}

function readProof(request: BearerRequest): string {
  const proof = request.headers['dpop'];
  if (proof === undefined || proof === '') {
    throw new InvalidDpopProofError(
      'dpop_proof_missing',
      'The DPoP scheme needs a DPoP proof in the DPoP request header',
    );
  }
  if (Array.isArray(proof) || countHeaders(request, 'dpop') > 1 || proof.includes(',')) {
    throw new InvalidDpopProofError(
      'dpop_proof_malformed',
      'The request must carry exactly one DPoP proof',
    );
  }
  return proof;
}

/**
 * Returns the credentials of the Authorization header, `undefined` when the request carries none
 * this API accepts, or throws `InvalidRequestError` when it breaks RFC 6750 §2 (or
 * `InvalidDpopProofError` when a DPoP-scheme request has no single proof).
 *
 * @example
 * extractCredentials({ headers: { authorization: 'bearer eyJ...' } }); // { scheme: 'Bearer', token: 'eyJ...', proof: undefined }
 * extractCredentials({ headers: { authorization: 'DPoP eyJ...', dpop: 'eyJ...' } }); // { scheme: 'DPoP', ... }
 */
export function extractCredentials(request: BearerRequest): Credentials | undefined {
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
  if (Array.isArray(header) || countHeaders(request, 'authorization') > 1) {
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
  const match = CREDENTIALS.exec(header);
  if (match?.[1] === undefined || match[2] === undefined) {
    if (KNOWN_SCHEME.test(header.trim())) {
      throw new InvalidRequestError(
        'authorization_header_malformed',
        'The Authorization header must be "Bearer <token>" or "DPoP <token>" with one token',
      );
    }
    // another scheme (Basic, ...): this API has no credentials it accepts in it
    return undefined;
  }
  if (match[1].toLowerCase() === 'dpop') {
    return { scheme: 'DPoP', token: match[2], proof: readProof(request) };
  }
  return { scheme: 'Bearer', token: match[2], proof: undefined };
}
