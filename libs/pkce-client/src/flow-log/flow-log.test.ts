import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl } from '../build-authorization-url.js';
import { validateCallback } from '../callback/validate-callback.js';
import { createAuthorizationAttempt } from '../create-authorization-attempt.js';
import { exchangeAuthorizationCode } from '../exchange-authorization-code.js';
import { createFakeAuthorizationServer, testSettings } from '../testing/index.js';
import {
  describeAttemptSteps,
  describeCallbackChecksStep,
  describeCallbackStep,
  describeTokenRequestStep,
  describeTokenResponseStep,
} from './describe-steps.js';
import {
  appendFlowSteps,
  createFlowStep,
  displayFlowField,
  persistableFlowLog,
} from './flow-step.js';

async function fullLog(options: { issueRefreshTokens?: boolean } = {}) {
  const server = createFakeAuthorizationServer(options);
  const settings = { ...testSettings, fetch: server.fetch };
  const attempt = await createAuthorizationAttempt(settings);
  const url = buildAuthorizationUrl(server.metadata, attempt);
  const callback = server.authorize(url);
  const { params, checks } = validateCallback(server.metadata, attempt, callback);
  const tokens = await exchangeAuthorizationCode(server.metadata, settings, attempt, params);
  const log = appendFlowSteps(
    [],
    ...describeAttemptSteps(attempt, url),
    describeCallbackStep(callback),
    describeCallbackChecksStep(checks),
    describeTokenRequestStep(
      String(server.metadata.token_endpoint),
      attempt,
      params.get('code') ?? '',
    ),
    describeTokenResponseStep('token-response', tokens, 'memory of this tab'),
  );
  return { attempt, tokens, log, callback };
}

describe('flow log', () => {
  it('records each PKCE step in order with sequential ids', async () => {
    const { log } = await fullLog();
    expect(log.map((s) => [s.id, s.kind])).toEqual([
      ['1', 'verifier'],
      ['2', 'challenge'],
      ['3', 'authorization-request'],
      ['4', 'callback'],
      ['5', 'callback-checks'],
      ['6', 'token-request'],
      ['7', 'token-response'],
    ]);
  });

  it('shows the challenge and request parameters but never the verifier, code or tokens in clear by default', async () => {
    const { log, attempt, tokens, callback } = await fullLog();
    const shown = log
      .flatMap((s) => s.fields.map((f) => displayFlowField(f, false).text))
      .join('\n');
    expect(shown).toContain(attempt.codeChallenge);
    expect(shown).toContain('S256');
    expect(shown).toContain('none (public client: no client_secret anywhere)');
    for (const secret of [
      attempt.codeVerifier,
      callback.searchParams.get('code'),
      tokens.accessToken,
      tokens.refreshToken,
      tokens.idToken,
    ]) {
      expect(shown).not.toContain(String(secret));
    }
  });

  it('shows an expanded token in full and decoded; a secret stays masked even when expanded', async () => {
    const { log, tokens, attempt } = await fullLog();
    const fields = log.flatMap((s) => s.fields);
    const access = fields.find((f) => f.label === 'access_token');
    const verifier = fields.find((f) => f.label === 'code_verifier');
    expect(access && displayFlowField(access, true)).toMatchObject({
      text: tokens.accessToken,
      decoded: { kind: 'jwt', payload: { client_id: 'oauth-ref-mobile' } },
    });
    expect(verifier && displayFlowField(verifier, true).text).not.toContain(attempt.codeVerifier);
  });

  it('never holds the verifier, the code or the refresh token, not even in memory', async () => {
    const { log, attempt, tokens, callback } = await fullLog();
    const raw = JSON.stringify(log);
    for (const secret of [
      attempt.codeVerifier,
      callback.searchParams.get('code'),
      tokens.refreshToken,
    ]) {
      expect(raw).not.toContain(String(secret));
    }
  });

  it('never persists token values, even masked ones stay masked', async () => {
    const { log, tokens } = await fullLog();
    const persisted = JSON.stringify(persistableFlowLog(log));
    expect(persisted).not.toContain(tokens.accessToken);
    expect(persisted).not.toContain(String(tokens.idToken));
  });

  it('says when no refresh token was issued', async () => {
    const { log } = await fullLog({ issueRefreshTokens: false });
    expect(log.at(-1)?.fields.find((f) => f.label === 'refresh_token')?.value).toBe('none issued');
  });

  it('lets callers override title, explanation and outcome', () => {
    const step = createFlowStep('error', { title: 'State mismatch', outcome: 'refused', at: 5 });
    expect(step).toMatchObject({ title: 'State mismatch', outcome: 'refused', at: 5, fields: [] });
    expect(createFlowStep('discovery').explanation).toMatch(/RFC 8414/);
  });

  it('describes a token response with no expiry, no ID token and no claims', () => {
    const step = describeTokenResponseStep(
      'refresh',
      {
        accessToken: 'opaque',
        tokenType: 'bearer',
        expiresAt: undefined,
        scope: [],
        refreshToken: undefined,
        idToken: undefined,
        idTokenClaims: undefined,
      },
      'x',
      [{ label: 'rotated', value: 'no', sensitivity: 'plain' }],
    );
    expect(step.fields.map((f) => f.label)).toEqual([
      'access_token',
      'token_type',
      'expires_at',
      'scope',
      'refresh_token',
      'rotated',
    ]);
  });
});
