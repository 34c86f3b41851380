/**
 * Names why a callback failed, for the error page and the security log. The input is the
 * provider's `error` parameter (RFC 6749 §4.1.2.1) and next-auth/openid-client's error message.
 */
export type SignInFailure =
  | 'AccessDenied'
  | 'ProviderUnavailable'
  | 'StateMismatch'
  | 'IssuerMismatch'
  | 'InvalidIdToken'
  | 'InvalidGrant'
  | 'OAuthCallback';

const RULES: readonly [RegExp, SignInFailure][] = [
  [
    /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|ECONNRESET|socket hang up|fetch failed|expected 200 OK, got: 5\d\d|timeout/i,
    'ProviderUnavailable',
  ],
  [/state mismatch|state missing|state cookie was missing|checks\.state/i, 'StateMismatch'],
  [/iss mismatch|iss missing/i, 'IssuerMismatch'],
  [/nonce|id_token|JWT|jwt|signature|unexpected JWT alg|at_hash|aud/i, 'InvalidIdToken'],
  [/invalid_grant|pkce|code_verifier|verifier/i, 'InvalidGrant'],
];

/**
 * @example
 * classifySignInFailure({ providerError: null, reason: 'iss mismatch, expected http://localhost:4000, got: http://evil' });
 * // { error: 'IssuerMismatch', reason: 'iss mismatch, expected ...' }
 */
export function classifySignInFailure(input: {
  providerError: string | null;
  reason: string | null;
}): {
  error: SignInFailure;
  reason: string;
} {
  if (input.providerError === 'access_denied')
    return { error: 'AccessDenied', reason: 'The user declined consent at the provider' };
  if (input.providerError && input.providerError.length > 0) {
    const reason = `The provider answered error=${input.providerError.slice(0, 60)}`;
    return {
      error:
        input.providerError === 'temporarily_unavailable' || input.providerError === 'server_error'
          ? 'ProviderUnavailable'
          : 'OAuthCallback',
      reason,
    };
  }
  const reason = (input.reason ?? 'unknown callback failure').slice(0, 300);
  for (const [pattern, error] of RULES) if (pattern.test(reason)) return { error, reason };
  return { error: 'OAuthCallback', reason };
}
