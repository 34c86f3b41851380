/**
 * RFC 6750 §3 read from the client side: find the `Bearer` challenge (the scheme is
 * case-insensitive, RFC 9110 §11.1) in a `WWW-Authenticate` value that may hold several challenges,
 * parse its auth-params (quoted-strings unescaped, names case-insensitive, none repeated), and check
 * the attributes RFC 6750 §3 and RFC 9728 §5.1 define: `error` and `error_description` in
 * %x20-21 / %x23-5B / %x5D-7E, `error_uri` an absolute URI, `scope` per RFC 6749 §3.3, and
 * `resource_metadata` an https (or loopback http) URL, since a client fetches it. Bearer uses
 * auth-params only, never a token68. When several Bearer challenges are present the first is used.
 */
import type { BearerChallenge } from './bearer-challenge.js';
import { isScopeValue, NQSCHAR, URI_CHARS } from './claim-schemas.js';
import { isSecureUrl } from './secure-url.js';
import { splitAuthChallenges } from './split-auth-challenges.js';
import { TOKEN_TYPE_ERROR_CODES, TokenTypeValidationError } from './token-type-validation-error.js';

const CODE = TOKEN_TYPE_ERROR_CODES.bearerChallenge;

const CHECKS: Readonly<Record<string, readonly [(value: string) => boolean, string]>> = {
  error: [
    (value) => value !== '' && NQSCHAR.test(value),
    'RFC 6750 §3: error is a non-empty code in %x20-21 / %x23-5B / %x5D-7E',
  ],
  error_description: [
    (value) => NQSCHAR.test(value),
    'RFC 6750 §3: error_description may use only %x20-21 / %x23-5B / %x5D-7E',
  ],
  error_uri: [
    (value) => URI_CHARS.test(value) && URL.canParse(value),
    'RFC 6750 §3: error_uri is an absolute URI using only %x21 / %x23-5B / %x5D-7E',
  ],
  scope: [isScopeValue, 'RFC 6750 §3: scope is space-delimited scope-tokens (RFC 6749 §3.3)'],
  resource_metadata: [
    (value) => isSecureUrl(value, { fragment: 'forbidden' }),
    'RFC 9728 §5.1: resource_metadata is an https URL (http only for localhost) without a fragment',
  ],
};

function fail(field: string, rule: string): never {
  throw new TokenTypeValidationError(CODE, field, rule);
}

/**
 * Parses a `WWW-Authenticate` header value and returns its Bearer challenge. Throws
 * `TokenTypeValidationError` (`ERR_BEARER_CHALLENGE_INVALID`) when there is none or it is malformed.
 *
 * @example
 * const challenge = parseBearerChallenge(response.headers.get('www-authenticate') ?? '');
 * challenge.error; // 'insufficient_scope'
 * challenge.scope; // 'notes:write'
 * challenge.resourceMetadata; // 'http://localhost:3333/.well-known/oauth-protected-resource'
 */
export function parseBearerChallenge(header: string): BearerChallenge {
  if (typeof header !== 'string') fail('(root)', 'RFC 9110 §11.6.1: the header value is a string');
  const bearer = splitAuthChallenges(header).find(
    (challenge) => challenge.scheme.toLowerCase() === 'bearer',
  );
  if (bearer === undefined) fail('scheme', 'RFC 6750 §3: the header holds no Bearer challenge');
  if (bearer.token68 !== undefined) {
    fail('(root)', 'RFC 6750 §3: a Bearer challenge carries auth-params, not a token68');
  }
  for (const [name, [isValid, rule]] of Object.entries(CHECKS)) {
    const value = bearer.params.get(name);
    if (value !== undefined && !isValid(value)) fail(name, rule);
  }
  const get = (name: string) => bearer.params.get(name);
  const challenge: BearerChallenge = {
    scheme: 'Bearer',
    ...optional('realm', get('realm')),
    ...optional('error', get('error')),
    ...optional('errorDescription', get('error_description')),
    ...optional('errorUri', get('error_uri')),
    ...optional('scope', get('scope')),
    ...optional('resourceMetadata', get('resource_metadata')),
    params: Object.freeze(Object.fromEntries(bearer.params)),
  };
  return Object.freeze(challenge);
}

function optional<Key extends string>(
  key: Key,
  value: string | undefined,
): Partial<Record<Key, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, string>);
}
