/**
 * Every failure this library can report, in one table: a stable code, the OAuth error name it
 * corresponds to (when there is one) and a sentence a learner can act on. UIs show `explanation`;
 * tests and callers branch on `code`.
 */
export const pkceClientErrorCatalogue = {
  verifier_invalid: {
    oauthError: 'invalid_request',
    explanation:
      'RFC 7636 §4.1: a code_verifier is 43 to 128 characters from A-Z a-z 0-9 - . _ ~ and must come from a CSPRNG.',
  },
  s256_unsupported: {
    oauthError: 'invalid_request',
    explanation:
      'The authorization server does not list S256 in code_challenge_methods_supported; plain PKCE is refused.',
  },
  discovery_failed: {
    oauthError: undefined,
    explanation:
      'The issuer discovery document could not be fetched or its "issuer" differs from the configured issuer (compared exactly).',
  },
  no_pending_attempt: {
    oauthError: undefined,
    explanation:
      'A callback arrived but this app has no pending authorization attempt (already used, expired or never started here). Codes are single-use: start again.',
  },
  pending_attempt_expired: {
    oauthError: undefined,
    explanation: 'The pending authorization attempt is older than its lifetime; start again.',
  },
  state_missing: {
    oauthError: 'invalid_request',
    explanation:
      'The callback carries no "state": it cannot be tied to an attempt this app started.',
  },
  state_mismatch: {
    oauthError: 'invalid_request',
    explanation:
      'The callback "state" differs from the one this app sent: possible CSRF or a mixed-up attempt. The code was NOT exchanged.',
  },
  issuer_missing: {
    oauthError: 'invalid_request',
    explanation:
      'RFC 9207: the server advertises authorization_response_iss_parameter_supported, yet the callback has no "iss".',
  },
  issuer_mismatch: {
    oauthError: 'invalid_request',
    explanation:
      'RFC 9207: the callback "iss" is not the issuer this attempt was sent to (mix-up attack defence). The code was NOT exchanged.',
  },
  authorization_denied: {
    oauthError: 'access_denied',
    explanation: 'The authorization server returned an error instead of a code.',
  },
  callback_invalid: {
    oauthError: 'invalid_request',
    explanation: 'The callback parameters are malformed (oauth4webapi refused them).',
  },
  token_request_failed: {
    oauthError: 'invalid_grant',
    explanation: 'The token endpoint refused the request.',
  },
  id_token_nonce_mismatch: {
    oauthError: 'invalid_token',
    explanation:
      'The ID token "nonce" differs from the one sent in the authorization request (replay defence). Tokens discarded.',
  },
  id_token_issuer_mismatch: {
    oauthError: 'invalid_token',
    explanation: 'The ID token "iss" is not the configured issuer. Tokens discarded.',
  },
  id_token_audience_mismatch: {
    oauthError: 'invalid_token',
    explanation: 'The ID token "aud"/"azp" does not name this client. Tokens discarded.',
  },
  id_token_invalid: {
    oauthError: 'invalid_token',
    explanation: 'The ID token is missing, expired or malformed. Tokens discarded.',
  },
  no_refresh_token: {
    oauthError: undefined,
    explanation: 'There is no refresh token to use (offline_access not granted, or signed out).',
  },
  refresh_token_rejected: {
    oauthError: 'invalid_grant',
    explanation:
      'The provider refused the refresh token (reused after rotation, revoked or expired). The session has ended: sign in again.',
  },
  api_unreachable: {
    oauthError: undefined,
    explanation:
      'The API did not answer: no HTTP response came back. Either it is not running or not reachable at this address, or the browser blocked the answer because the API does not allow this origin (CORS). The browser does not tell which; the API URL is below.',
  },
  provider_unreachable: {
    oauthError: undefined,
    explanation:
      'The provider did not answer: no HTTP response came back from its token endpoint. Either it is not running or not reachable, or the browser blocked the answer (CORS). Your session is kept; try again when it is back.',
  },
  revocation_failed: {
    oauthError: undefined,
    explanation: 'The revocation endpoint did not confirm; local state was cleared anyway.',
  },
} as const satisfies Record<string, { oauthError: string | undefined; explanation: string }>;

/** A stable error code of this library. */
export type PkceClientErrorCode = keyof typeof pkceClientErrorCatalogue;

/**
 * The learner-facing explanation of an error code.
 *
 * @example
 * describePkceClientError('state_mismatch'); // 'The callback "state" differs ...'
 */
export function describePkceClientError(code: PkceClientErrorCode): string {
  return pkceClientErrorCatalogue[code].explanation;
}
