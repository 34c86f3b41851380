import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeIssuer, type FakeIssuer } from '../auth/testing/fake-issuer';
import { oauthRefProvider } from '../auth/oauth-ref-provider';
import { parseWebConfig } from '../config/config-schema';
import { pkcePair } from './victim-flow';
import { webClientCallback } from './web-client-callback';

const CLIENT_ID = 'oauth-ref-web';
const CLIENT_SECRET = 'a-test-client-secret-for-the-lab';
let fake: FakeIssuer;

beforeAll(async () => {
  fake = await startFakeIssuer(CLIENT_ID, CLIENT_SECRET);
});
afterAll(async () => fake?.close());

/** A genuine authorization response for one attempt, and the values the web app would hold. */
async function attempt() {
  const config = parseWebConfig({
    NODE_ENV: 'test',
    OAUTH_ISSUER: fake.issuer,
    OAUTH_CLIENT_ID: CLIENT_ID,
    OAUTH_CLIENT_SECRET: CLIENT_SECRET,
    NEXTAUTH_URL: 'http://web.test',
  });
  const web = await webClientCallback(oauthRefProvider(config), config.redirectUri);
  const { verifier, challenge } = pkcePair();
  const checks = { state: 'the-state-we-sent', nonce: 'the-nonce', code_verifier: verifier };
  const code = fake.authorize(
    `${fake.issuer}/auth?nonce=${checks.nonce}&code_challenge=${challenge}&code_challenge_method=S256`,
  );
  const callback = new URL(config.redirectUri);
  callback.search = new URLSearchParams({ code, state: checks.state, iss: fake.issuer }).toString();
  return { web, checks, callback };
}

describe("the web client's callback check, as the lab runs it", () => {
  it('refuses a forged or missing state before the code reaches the token endpoint', async () => {
    const { web, checks, callback } = await attempt();
    const before = fake.tokenRequests.length;
    const forged = new URL(callback);
    forged.searchParams.set('state', 'attacker');
    await expect(web.handle(forged, checks)).rejects.toThrow(/state mismatch/);
    forged.searchParams.delete('state');
    await expect(web.handle(forged, checks)).rejects.toThrow(/state missing/);
    expect(fake.tokenRequests.length).toBe(before);
  });

  it('refuses another, a missing or a trailing-slash iss (RFC 9207) before the code is sent', async () => {
    const { web, checks, callback } = await attempt();
    const before = fake.tokenRequests.length;
    for (const iss of ['https://attacker.example', `${fake.issuer}/`, null]) {
      const mixed = new URL(callback);
      if (iss === null) mixed.searchParams.delete('iss');
      else mixed.searchParams.set('iss', iss);
      await expect(web.handle(mixed, checks), String(iss)).rejects.toThrow(/iss/);
    }
    expect(fake.tokenRequests.length).toBe(before);
  });

  it('accepts the genuine response and redeems its code with a validated ID token', async () => {
    const { web, checks, callback } = await attempt();
    const tokens = await web.handle(callback, checks);
    expect(tokens.claims().nonce).toBe('the-nonce');
  });
});
