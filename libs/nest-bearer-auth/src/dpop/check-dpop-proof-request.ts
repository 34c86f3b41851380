/**
 * DPoP proof, request binding — RFC 9449 §4.3 checks 8 and 9:
 * - `htm` equals the request's HTTP method (exact, case-sensitive: `GET`, `POST`, ...);
 * - `htu` equals the URL of this request, both normalised (no query, no fragment). The expected
 *   URL is the configured public URL of the API plus the request's path: behind a proxy the
 *   request's Host and X-Forwarded-* headers are the client's to choose, so they are never read.
 */
import { InvalidDpopProofError } from '../errors/bearer-auth-error.js';
import { normalizeHtu } from './normalize-htu.js';

export interface ProofRequest {
  /** The request's method. */
  readonly method: string;
  /** The request target as received (path and query), e.g. `/notes?limit=5`. */
  readonly path: string;
}

/**
 * Checks `htm` and `htu` against the request.
 *
 * @example
 * checkDpopProofRequest({ htm: 'GET', htu: 'https://api.example.com/notes' }, { method: 'GET', path: '/notes?x=1' }, 'https://api.example.com');
 */
export function checkDpopProofRequest(
  claims: Readonly<Record<string, unknown>>,
  request: ProofRequest,
  publicUrl: string,
): void {
  if (claims['htm'] !== request.method) {
    throw new InvalidDpopProofError(
      'dpop_method_mismatch',
      'The DPoP proof htm does not match the request method',
    );
  }
  const htu = claims['htu'];
  const query = request.path.indexOf('?');
  const path = query === -1 ? request.path : request.path.slice(0, query);
  const expected = normalizeHtu(`${publicUrl}${path.startsWith('/') ? path : `/${path}`}`);
  if (typeof htu !== 'string' || expected === undefined || normalizeHtu(htu) !== expected) {
    throw new InvalidDpopProofError(
      'dpop_url_mismatch',
      'The DPoP proof htu does not match the request URL',
    );
  }
}
