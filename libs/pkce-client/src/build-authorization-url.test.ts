import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl } from './build-authorization-url.js';
import { createAuthorizationAttempt } from './create-authorization-attempt.js';
import { createFakeAuthorizationServer, testSettings as settings } from './testing/index.js';

const { metadata } = createFakeAuthorizationServer();

describe('buildAuthorizationUrl', () => {
  it('sends the challenge, state, nonce, exact redirect URI and resource — never the verifier or a secret', async () => {
    const attempt = await createAuthorizationAttempt(settings);
    const url = buildAuthorizationUrl(metadata, attempt);
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:4000/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'oauth-ref-mobile',
      redirect_uri: 'http://localhost:8081/callback',
      scope: settings.scope,
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: attempt.codeChallenge,
      code_challenge_method: 'S256',
      resource: 'http://localhost:3333',
      prompt: 'consent',
    });
    expect(url.href).not.toContain(attempt.codeVerifier);
    expect(url.href).not.toMatch(/secret/i);
  });

  it('asks for no consent prompt and no resource when neither offline_access nor a resource is wanted', async () => {
    const attempt = await createAuthorizationAttempt({
      ...settings,
      scope: 'openid',
      resource: undefined,
    });
    const url = buildAuthorizationUrl(metadata, attempt);
    expect(url.searchParams.has('prompt')).toBe(false);
    expect(url.searchParams.has('resource')).toBe(false);
  });

  it('refuses a server that does not support S256 (no downgrade to plain)', async () => {
    const attempt = await createAuthorizationAttempt(settings);
    expect(() =>
      buildAuthorizationUrl({ ...metadata, code_challenge_methods_supported: ['plain'] }, attempt),
    ).toThrow(expect.objectContaining({ code: 's256_unsupported' }));
    expect(() =>
      buildAuthorizationUrl({ ...metadata, code_challenge_methods_supported: [] }, attempt),
    ).toThrow(/none/);
  });

  it('refuses metadata without an authorization endpoint', async () => {
    const attempt = await createAuthorizationAttempt(settings);
    expect(() =>
      buildAuthorizationUrl({ ...metadata, authorization_endpoint: undefined }, attempt),
    ).toThrow(expect.objectContaining({ code: 'discovery_failed' }));
  });
});
