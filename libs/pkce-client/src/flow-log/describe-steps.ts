/**
 * Builders that turn what the library computed into flow-log steps, so the screen shows exactly the
 * values oauth4webapi produced (the verifier it generated, the challenge it computed, the URL that
 * was sent) rather than a re-computation.
 */
import type { CallbackCheckResult } from '../callback/callback-check.js';
import type { AuthorizationAttempt } from '../create-authorization-attempt.js';
import type { TokenSet } from '../token-set.js';
import { createFlowStep, type FlowField, type FlowStep } from './flow-step.js';

type NewStep = Omit<FlowStep, 'id'>;
const plain = (label: string, value: string): FlowField => ({ label, value, sensitivity: 'plain' });

const SENSITIVE_PARAMS: Readonly<Record<string, FlowField['sensitivity']>> = {
  code: 'secret',
  code_verifier: 'secret',
  id_token_hint: 'token',
};

function paramFields(params: URLSearchParams): FlowField[] {
  return [...params.entries()].map(([label, value]) => ({
    label,
    value,
    sensitivity: SENSITIVE_PARAMS[label] ?? 'plain',
  }));
}

/**
 * The three steps before the redirect: verifier, challenge, authorization request parameters.
 *
 * @example
 * describeAttemptSteps(attempt, buildAuthorizationUrl(as, attempt)).map((s) => s.kind);
 * // ['verifier', 'challenge', 'authorization-request']
 */
export function describeAttemptSteps(
  attempt: AuthorizationAttempt,
  authorizationUrl: URL,
): NewStep[] {
  return [
    createFlowStep('verifier', {
      fields: [
        { label: 'code_verifier', value: attempt.codeVerifier, sensitivity: 'secret' },
        plain('length', `${attempt.codeVerifier.length} characters (RFC 7636: 43–128)`),
      ],
    }),
    createFlowStep('challenge', {
      fields: [
        plain('code_challenge', attempt.codeChallenge),
        plain('code_challenge_method', attempt.codeChallengeMethod),
      ],
    }),
    createFlowStep('authorization-request', {
      fields: [
        plain('endpoint', `${authorizationUrl.origin}${authorizationUrl.pathname}`),
        ...paramFields(authorizationUrl.searchParams),
      ],
    }),
  ];
}

/**
 * The callback parameters as received (the code masked).
 *
 * @example
 * describeCallbackStep(new URL('http://localhost:8081/callback?code=abc&state=xyz&iss=...'));
 */
export function describeCallbackStep(callback: URL): NewStep {
  return createFlowStep('callback', {
    fields: [
      plain('redirect_uri', `${callback.origin}${callback.pathname}`),
      ...paramFields(callback.searchParams),
    ],
  });
}

/**
 * The passed callback checks.
 *
 * @example
 * describeCallbackChecksStep(validateCallback(as, attempt, url).checks);
 */
export function describeCallbackChecksStep(checks: readonly CallbackCheckResult[]): NewStep {
  return createFlowStep('callback-checks', {
    outcome: 'ok',
    fields: checks.map((check) => plain(`${check.name} (${check.rule})`, check.detail)),
  });
}

/**
 * The token request as sent (form parameters; code and verifier masked; no secret).
 *
 * @example
 * describeTokenRequestStep(as.token_endpoint, attempt, callbackParams.get('code'));
 */
export function describeTokenRequestStep(
  tokenEndpoint: string,
  attempt: AuthorizationAttempt,
  code: string,
): NewStep {
  const params = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: attempt.redirectUri,
    code_verifier: attempt.codeVerifier,
    client_id: attempt.clientId,
  });
  if (attempt.resource) params.set('resource', attempt.resource);
  return createFlowStep('token-request', {
    fields: [
      plain('endpoint', `POST ${tokenEndpoint}`),
      ...paramFields(params),
      plain('client authentication', 'none (public client: no client_secret anywhere)'),
    ],
  });
}

/**
 * The tokens received: token fields stay masked until expanded; validated ID token claims listed.
 *
 * @example
 * describeTokenResponseStep('token-response', tokens, 'expo-secure-store (iOS Keychain / Android Keystore)');
 */
export function describeTokenResponseStep(
  kind: 'token-response' | 'refresh',
  tokens: TokenSet,
  refreshTokenHome: string,
  extra: readonly FlowField[] = [],
): NewStep {
  const claims = tokens.idTokenClaims;
  return createFlowStep(kind, {
    outcome: 'ok',
    fields: [
      { label: 'access_token', value: tokens.accessToken, sensitivity: 'token' },
      plain('token_type', tokens.tokenType),
      plain(
        'expires_at',
        tokens.expiresAt ? new Date(tokens.expiresAt).toISOString() : 'not stated',
      ),
      plain('scope', tokens.scope.join(' ')),
      ...(tokens.refreshToken
        ? [
            { label: 'refresh_token', value: tokens.refreshToken, sensitivity: 'secret' as const },
            plain('refresh_token kept in', refreshTokenHome),
          ]
        : [plain('refresh_token', 'none issued')]),
      ...(tokens.idToken
        ? [{ label: 'id_token', value: tokens.idToken, sensitivity: 'token' as const }]
        : []),
      ...(claims
        ? [
            plain(
              'id_token checks',
              `iss=${claims.iss} ✓ aud∋${String(Array.isArray(claims.aud) ? claims.aud.join(',') : claims.aud)} ✓ nonce ✓ exp ✓`,
            ),
          ]
        : []),
      ...extra,
    ],
  });
}
