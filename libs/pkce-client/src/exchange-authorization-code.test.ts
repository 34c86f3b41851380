import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl } from './build-authorization-url.js';
import { validateCallback } from './callback/validate-callback.js';
import { createAuthorizationAttempt } from './create-authorization-attempt.js';
import { exchangeAuthorizationCode } from './exchange-authorization-code.js';
import { refreshTokenSet } from './refresh-token-set.js';
import {
  createFakeAuthorizationServer,
  type FakeAuthorizationServerOptions,
  testSettings,
} from './testing/index.js';

async function runFlow(
  options: FakeAuthorizationServerOptions = {},
  tamper?: (a: { codeVerifier: string }) => string,
) {
  const server = createFakeAuthorizationServer(options);
  const settings = { ...testSettings, fetch: server.fetch };
  const attempt = await createAuthorizationAttempt(settings);
  const { params } = validateCallback(
    server.metadata,
    attempt,
    server.authorize(buildAuthorizationUrl(server.metadata, attempt)),
  );
  const used = tamper ? { ...attempt, codeVerifier: tamper(attempt) } : attempt;
  return {
    server,
    attempt,
    result: exchangeAuthorizationCode(server.metadata, settings, used, params, () => 1_000),
  };
}

describe('exchangeAuthorizationCode', () => {
  it('exchanges the code with the verifier as a public client and validates the ID token', async () => {
    const { server, attempt, result } = await runFlow();
    const tokens = await result;
    expect(tokens.accessToken).toMatch(/^eyJ/);
    expect(tokens.refreshToken).toMatch(/^rt-/);
    expect(tokens.expiresAt).toBe(601_000);
    expect(tokens.scope).toEqual(testSettings.scope.split(' '));
    expect(tokens.idTokenClaims).toMatchObject({
      iss: 'http://localhost:4000',
      aud: 'oauth-ref-mobile',
      nonce: attempt.nonce,
    });
    const tokenRequest = server.requests.find((r) => r.path === '/token');
    expect(Object.fromEntries(tokenRequest?.form ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'oauth-ref-mobile',
      code_verifier: attempt.codeVerifier,
      redirect_uri: 'http://localhost:8081/callback',
      resource: 'http://localhost:3333',
    });
    expect(tokenRequest?.form.has('client_secret')).toBe(false);
  });

  it('sends no resource when none is configured, and refreshes without one too', async () => {
    const server = createFakeAuthorizationServer();
    const settings = { ...testSettings, resource: undefined, fetch: server.fetch };
    const attempt = await createAuthorizationAttempt(settings);
    const { params } = validateCallback(
      server.metadata,
      attempt,
      server.authorize(buildAuthorizationUrl(server.metadata, attempt)),
    );
    const tokens = await exchangeAuthorizationCode(server.metadata, settings, attempt, params);
    const refreshed = await refreshTokenSet(
      server.metadata,
      settings,
      undefined,
      tokens.refreshToken,
    );
    expect(refreshed.rotated).toBe(true);
    expect(
      server.requests.filter((r) => r.path === '/token').map((r) => r.form.has('resource')),
    ).toEqual([false, false]);
  });

  it('is refused by the server when the verifier does not match the challenge', async () => {
    const { result } = await runFlow({}, () => 'b'.repeat(43));
    await expect(result).rejects.toMatchObject({
      code: 'token_request_failed',
      message: expect.stringMatching(/PKCE/),
    });
  });

  it('refuses an ID token whose nonce is not the attempt nonce', async () => {
    const { result } = await runFlow({ idTokenOverrides: { nonce: 'replayed' } });
    await expect(result).rejects.toMatchObject({ code: 'id_token_nonce_mismatch' });
  });

  it('refuses an ID token from another issuer', async () => {
    const { result } = await runFlow({ idTokenOverrides: { iss: 'http://localhost:4000/' } });
    await expect(result).rejects.toMatchObject({ code: 'id_token_issuer_mismatch' });
  });

  it('refuses an ID token for another audience', async () => {
    const { result } = await runFlow({ idTokenOverrides: { aud: 'oauth-ref-web' } });
    await expect(result).rejects.toMatchObject({ code: 'id_token_audience_mismatch' });
  });

  it('refuses an expired ID token', async () => {
    const { result } = await runFlow({ idTokenOverrides: { exp: 1000 } });
    await expect(result).rejects.toMatchObject({ code: 'id_token_invalid' });
  });

  it('reports a network failure as a failed token request', async () => {
    const server = createFakeAuthorizationServer();
    const attempt = await createAuthorizationAttempt(testSettings);
    const failing = {
      ...testSettings,
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    };
    const params = new URLSearchParams({
      code: 'c',
      state: attempt.state,
      iss: 'http://localhost:4000',
    });
    await expect(
      exchangeAuthorizationCode(server.metadata, failing, attempt, params),
    ).rejects.toMatchObject({
      code: 'token_request_failed',
    });
  });
});
