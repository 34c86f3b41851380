/**
 * Pitfall: node-oidc-provider's `devInteractions` (a quick-start login that accepts any password)
 * left on. It is off in `build-engine-configuration.ts`; this pins it two ways: the engine never
 * announces it while the provider starts and serves a sign-in, and a wrong password for a real
 * user is refused on the login page.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Browser, hiddenField } from './testing/browser.js';
import { alice, authorizationUrl, pkcePair } from './testing/oauth-flows.js';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';

let provider: TestProvider;
const warnings: string[] = [];

beforeAll(async () => {
  const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  try {
    provider = await startTestProvider({ logLevel: 'warn' });
    const browser = new Browser(provider.issuer);
    await browser.follow(
      await browser.get(
        authorizationUrl(provider.issuer, { state: 's', nonce: 'n', pkce: pkcePair() }),
      ),
    );
  } finally {
    spy.mockRestore();
  }
});
afterAll(async () => provider?.stop());

describe('devInteractions stay off', () => {
  it('the engine never announces its development-only interactions', () => {
    expect(warnings.filter((line) => /devInteractions/.test(line))).toEqual([]);
  });

  it('a real user with a wrong password is refused (the dev login accepts anything)', async () => {
    const browser = new Browser(provider.issuer);
    const page = await browser.follow(
      await browser.get(
        authorizationUrl(provider.issuer, { state: 's', nonce: 'n', pkce: pkcePair() }),
      ),
    );
    const html = await page.text();
    const uid = /action="\/interaction\/([^"/]+)\/login"/.exec(html)![1];
    const response = await browser.postForm(`/interaction/${uid}/login`, {
      csrf: hiddenField(html, 'csrf'),
      username: alice.username,
      password: 'anything-at-all',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
  });
});
