import { describe, expect, it } from 'vitest';
import { createAuthorizationAttempt } from './create-authorization-attempt.js';
import { testSettings as settings } from './testing/index.js';

describe('createAuthorizationAttempt', () => {
  it('computes the S256 challenge of RFC 7636 Appendix B for its example verifier', async () => {
    const attempt = await createAuthorizationAttempt(settings, {
      randomness: {
        codeVerifier: () => 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
        state: () => 's',
        nonce: () => 'n',
      },
      now: () => 42,
    });
    expect(attempt).toMatchObject({
      codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      codeChallengeMethod: 'S256',
      state: 's',
      nonce: 'n',
      createdAt: 42,
      redirectUri: 'http://localhost:8081/callback',
      resource: 'http://localhost:3333',
    });
  });

  it('uses a fresh verifier, state and nonce for every attempt', async () => {
    const attempts = await Promise.all([1, 2, 3].map(() => createAuthorizationAttempt(settings)));
    for (const key of ['codeVerifier', 'codeChallenge', 'state', 'nonce'] as const) {
      expect(new Set(attempts.map((a) => a[key])).size).toBe(3);
    }
    for (const attempt of attempts)
      expect(attempt.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
  });

  it('refuses a random source that yields a verifier breaking RFC 7636', async () => {
    await expect(
      createAuthorizationAttempt(settings, {
        randomness: { codeVerifier: () => 'short', state: () => 's', nonce: () => 'n' },
      }),
    ).rejects.toMatchObject({ code: 'verifier_invalid' });
  });
});
