import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';
import { mobileTokens } from './testing/oauth-flows.js';

describe('authorization code + PKCE flow through our pages', () => {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider();
  });
  afterAll(async () => provider?.stop());

  it('issues an RFC 9068 JWT for the API to a public client', async () => {
    const { tokens, callback } = await mobileTokens(provider.issuer);
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    expect(tokens.status).toBe(200);
    const at = String(tokens.body.access_token);
    expect(decodeProtectedHeader(at).typ).toBe('at+jwt');
    const claims = decodeJwt(at);
    expect(claims.aud).toBe('http://localhost:3333');
    console.log(claims, tokens.body);
  });
});
