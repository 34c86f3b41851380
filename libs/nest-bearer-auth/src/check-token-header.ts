/**
 * The JOSE header checks, run before any key is looked up:
 * - RFC 8725 §3.1/§3.2: `alg` must be in the configured allowlist of asymmetric algorithms
 *   (compared exactly, so `none`, `NONE`, `HS256` are refused);
 * - RFC 9068 §2.1/§4: `typ` must be `at+jwt` (or `application/at+jwt`), which refuses ID tokens
 *   and any other JWT from the same issuer; the `generic-jwt` profile also takes `typ` absent or
 *   `JWT`, and still refuses every other type (`logout+jwt`, `dpop+jwt`, ...), see token-profile.ts;
 * - RFC 7515 §4.1.11: a `crit` header lists extensions we do not understand, so it is refused;
 * - RFC 8725 §3.10: embedded `jwk`, `jku`, `x5u`, `x5c` headers are never read: keys come only
 *   from the configured JWKS.
 *
 * Every token one issuer signs with one key carries the same header segment (`alg`, `typ`,
 * `kid`), and the verdict is a function of that exact string, the allowlist and the profile. So
 * the last segment that passed is remembered per frozen allowlist (the resolved options' one) and
 * profile, and a token whose header segment is exactly that string gets the same verdict without
 * decoding it again. Anything else — another segment, a longer one with the same prefix, another
 * allowlist or profile, a list that is not frozen — is decoded and checked in full. Nothing of the
 * payload or signature is remembered: the issuer, signature and claim steps run on every token.
 */
import { InvalidTokenError } from './errors/bearer-auth-error.js';
import { checkTokenType } from './check-token-type.js';
import type { TokenProfile } from './token-profile.js';

export interface CheckedHeader {
  readonly alg: string;
  readonly kid: string | undefined;
}

/** The last header that passed, for one frozen allowlist: its segment, profile and verdict. */
interface PassedHeader {
  readonly segment: string;
  readonly profile: TokenProfile;
  readonly checked: CheckedHeader;
}

const lastPassed = new WeakMap<readonly string[], PassedHeader>();

/** The index of the dot that ends the header: the token must be exactly three parts. */
function headerEnd(token: string): number {
  // compact JWS: exactly three parts (header, payload, signature), checked without splitting
  const dot = token.indexOf('.');
  const second = dot <= 0 ? -1 : token.indexOf('.', dot + 1);
  if (second === -1 || token.includes('.', second + 1)) {
    throw new InvalidTokenError('token_malformed', 'The access token is not a signed JWT');
  }
  return dot;
}

function decodeHeader(token: string, dot: number): Record<string, unknown> {
  try {
    const header: unknown = JSON.parse(
      Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'),
    );
    if (typeof header !== 'object' || header === null || Array.isArray(header))
      throw new Error('not an object');
    return header as Record<string, unknown>;
  } catch {
    throw new InvalidTokenError('token_malformed', 'The access token header is not valid JSON');
  }
}

/**
 * Checks the header of a compact JWS and returns what key lookup needs.
 *
 * @example
 * checkTokenHeader(token, ['RS256', 'ES256']); // { alg: 'RS256', kid: 'k1' }
 * checkTokenHeader(entraToken, ['RS256'], 'generic-jwt'); // typ JWT accepted
 */
export function checkTokenHeader(
  token: string,
  algorithms: readonly string[],
  profile: TokenProfile = 'rfc9068',
): CheckedHeader {
  const dot = headerEnd(token);
  const last = lastPassed.get(algorithms);
  if (
    last !== undefined &&
    last.profile === profile &&
    last.segment.length === dot &&
    token.startsWith(last.segment)
  )
    return last.checked;
  const header = decodeHeader(token, dot);
  const { alg, typ, kid, crit } = header;
  if (typeof alg !== 'string' || !algorithms.includes(alg)) {
    throw new InvalidTokenError(
      'algorithm_not_allowed',
      'The token is signed with an algorithm this API does not accept',
    );
  }
  checkTokenType(typ, profile);
  if (crit !== undefined) {
    throw new InvalidTokenError(
      'critical_header_unsupported',
      'The token has critical header parameters this API does not understand',
    );
  }
  if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0)) {
    throw new InvalidTokenError(
      'token_malformed',
      'The token kid header must be a non-empty string',
    );
  }
  const checked: CheckedHeader = Object.freeze({ alg, kid });
  if (Object.isFrozen(algorithms))
    lastPassed.set(algorithms, { segment: token.slice(0, dot), profile, checked });
  return checked;
}
