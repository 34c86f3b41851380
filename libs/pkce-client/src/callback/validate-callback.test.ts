import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl } from '../build-authorization-url.js';
import { createAuthorizationAttempt } from '../create-authorization-attempt.js';
import { createFakeAuthorizationServer, testSettings as settings } from '../testing/index.js';
import { validateCallback } from './validate-callback.js';

async function signedInCallback(options: { advertiseIss?: boolean } = {}) {
  const server = createFakeAuthorizationServer(options);
  const attempt = await createAuthorizationAttempt(settings);
  const callback = server.authorize(buildAuthorizationUrl(server.metadata, attempt));
  return { server, attempt, callback };
}

describe('validateCallback', () => {
  it('passes a genuine callback and reports each check it ran', async () => {
    const { server, attempt, callback } = await signedInCallback();
    const result = validateCallback(server.metadata, attempt, callback);
    expect(result.params.get('code')).toBe(callback.searchParams.get('code'));
    expect(result.checks.map((c) => c.name)).toEqual(['state', 'iss', 'code', 'oauth4webapi']);
  });

  it('refuses a tampered state before anything else', async () => {
    const { server, attempt, callback } = await signedInCallback();
    callback.searchParams.set('state', `${attempt.state}x`);
    expect(() => validateCallback(server.metadata, attempt, callback)).toThrow(
      expect.objectContaining({ code: 'state_mismatch' }),
    );
  });

  it('refuses a callback without state, and one with an empty state', async () => {
    const { server, attempt, callback } = await signedInCallback();
    callback.searchParams.delete('state');
    expect(() => validateCallback(server.metadata, attempt, callback)).toThrow(
      expect.objectContaining({ code: 'state_missing' }),
    );
    callback.searchParams.set('state', '');
    expect(() => validateCallback(server.metadata, attempt, callback.searchParams)).toThrow(
      expect.objectContaining({ code: 'state_missing' }),
    );
  });

  it('refuses an iss that is not the issuer (RFC 9207 mix-up defence)', async () => {
    const { server, attempt, callback } = await signedInCallback();
    callback.searchParams.set('iss', 'http://localhost:4000/');
    expect(() => validateCallback(server.metadata, attempt, callback)).toThrow(
      expect.objectContaining({ code: 'issuer_mismatch' }),
    );
    callback.searchParams.set('iss', 'https://evil.example');
    expect(() => validateCallback(server.metadata, attempt, callback)).toThrow(/evil\.example/);
  });

  it('refuses a missing iss when the server advertises it', async () => {
    const { server, attempt, callback } = await signedInCallback();
    callback.searchParams.delete('iss');
    expect(() => validateCallback(server.metadata, attempt, callback)).toThrow(
      expect.objectContaining({ code: 'issuer_missing' }),
    );
  });

  it('accepts a missing iss from a server that does not advertise it', async () => {
    const { server, attempt, callback } = await signedInCallback({ advertiseIss: false });
    const result = validateCallback(server.metadata, attempt, callback);
    expect(result.checks[1]?.detail).toMatch(/does not advertise/);
  });

  it('refuses an error response and a response without a code', async () => {
    const { server, attempt } = await signedInCallback();
    const base = `http://localhost:8081/callback?state=${attempt.state}&iss=http://localhost:4000`;
    expect(() =>
      validateCallback(
        server.metadata,
        attempt,
        new URL(`${base}&error=access_denied&error_description=no`),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'authorization_denied',
        message: expect.stringMatching(/access_denied: no/),
      }),
    );
    expect(() =>
      validateCallback(server.metadata, attempt, new URL(`${base}&error=access_denied`)),
    ).toThrow(/access_denied/);
    expect(() => validateCallback(server.metadata, attempt, new URL(base))).toThrow(
      expect.objectContaining({ code: 'callback_invalid' }),
    );
  });

  it('lets oauth4webapi refuse what it refuses (implicit-flow tokens in the callback)', async () => {
    const { server, attempt, callback } = await signedInCallback();
    callback.searchParams.set('access_token', 'x');
    callback.searchParams.set('token', 'x');
    expect(() => validateCallback(server.metadata, attempt, callback)).toThrow(
      expect.objectContaining({ code: 'callback_invalid' }),
    );
  });
});
