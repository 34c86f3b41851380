import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader, createRemoteJWKSet, jwtVerify } from 'jose';
import { mobileClient, webClient } from '@oauth-ref/demo-config';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';
import { Browser } from './testing/browser.js';
import { mobileDpopProof } from './testing/mobile-dpop-key.js';
import {
  alice,
  authorizationUrl,
  authorize,
  mobileTokens,
  pkcePair,
  tokenRequest,
  webAuth,
  webTokens,
} from './testing/oauth-flows.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => provider?.stop());

/** Sends an authorization request and returns where the provider sends the browser. */
async function authorizationResponse(params: Parameters<typeof authorizationUrl>[1]) {
  const browser = new Browser(provider.issuer);
  const response = await browser.get(authorizationUrl(provider.issuer, params));
  return { response, location: response.headers.get('location') };
}

describe('authorization code flow (public client, PKCE)', () => {
  it('issues an RFC 9068 JWT for the API, verifiable with the JWKS, and iss in the response', async () => {
    const { tokens, callback, state } = await mobileTokens(provider.issuer);
    expect(callback.origin + callback.pathname).toBe(mobileClient.redirectUris[0]);
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    const at = String(tokens.body.access_token);
    expect(decodeProtectedHeader(at)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    const { payload } = await jwtVerify(
      at,
      createRemoteJWKSet(new URL(`${provider.issuer}/jwks`)),
      {
        issuer: provider.issuer,
        audience: 'http://localhost:3333',
        typ: 'at+jwt',
        algorithms: ['RS256'],
      },
    );
    expect(payload).toMatchObject({
      sub: alice.sub,
      client_id: mobileClient.clientId,
      scope: 'notes:read',
    });
    expect(payload.jti).toBeTruthy();
  });

  it('returns an ID token for the client with nonce and profile/email claims', async () => {
    const { tokens, nonce } = await mobileTokens(provider.issuer);
    const idToken = decodeJwt(String(tokens.body.id_token));
    expect(idToken).toMatchObject({
      iss: provider.issuer,
      aud: mobileClient.clientId,
      sub: alice.sub,
      nonce,
      email: alice.email,
      name: alice.name,
    });
    expect(decodeProtectedHeader(String(tokens.body.id_token)).typ).not.toBe('at+jwt');
  });

  it('refuses a public client without PKCE (error to the registered redirect, with iss)', async () => {
    const { location } = await authorizationResponse({ state: 's1', nonce: 'n', pkce: null });
    const url = new URL(location!);
    expect(url.origin + url.pathname).toBe(mobileClient.redirectUris[0]);
    expect(url.searchParams.get('error')).toBe('invalid_request');
    expect(url.searchParams.get('iss')).toBe(provider.issuer);
    expect(url.searchParams.get('code')).toBeNull();
  });

  it('refuses code_challenge_method=plain', async () => {
    const { location } = await authorizationResponse({
      state: 's',
      nonce: 'n',
      pkce: { challenge: 'a'.repeat(43), method: 'plain' },
    });
    expect(new URL(location!).searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a code redeemed with the wrong code_verifier, or with none', async () => {
    const { challenge } = pkcePair();
    const { callback } = await authorize(provider.issuer, { pkce: { challenge } });
    const code = callback.searchParams.get('code')!;
    const wrong = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: mobileClient.redirectUris[0]!,
      client_id: mobileClient.clientId,
      code_verifier: pkcePair().verifier,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    expect(wrong.headers.get('cache-control')).toBe('no-store');
    const { callback: second } = await authorize(provider.issuer, { pkce: { challenge } });
    const none = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code: second.searchParams.get('code')!,
      redirect_uri: mobileClient.redirectUris[0]!,
      client_id: mobileClient.clientId,
    });
    expect(none.body.error).toBe('invalid_grant');
  });

  it('refuses a code used twice and revokes what the first use issued', async () => {
    const { code, verifier, tokens } = await mobileTokens(provider.issuer);
    const replay = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: mobileClient.redirectUris[0]!,
      client_id: mobileClient.clientId,
      code_verifier: verifier,
    });
    expect(replay.body.error).toBe('invalid_grant');
    const refresh = await tokenRequest(provider.issuer, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.body.refresh_token),
      client_id: mobileClient.clientId,
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('lets exactly one of five concurrent redemptions of a code succeed', async () => {
    const { verifier, challenge } = pkcePair();
    const { callback } = await authorize(provider.issuer, { pkce: { challenge } });
    const form = {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: mobileClient.redirectUris[0]!,
      client_id: mobileClient.clientId,
      code_verifier: verifier,
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => tokenRequest(provider.issuer, form)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.error === 'invalid_grant')).toHaveLength(4);
  });

  it('matches redirect URIs exactly (no trailing slash, no other loopback port, no path change)', async () => {
    for (const redirectUri of [
      'http://localhost:8081/callback/',
      'http://localhost:9999/callback',
      'http://localhost:8081/callback?x=1',
      'http://127.0.0.1:8081/callback',
    ]) {
      const { response, location } = await authorizationResponse({
        state: 's',
        nonce: 'n',
        redirectUri,
        pkce: pkcePair(),
      });
      expect(location, redirectUri).toBeNull();
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('redirect_uri');
    }
  });

  it('requires redirect_uri even when the client registered only one', async () => {
    const url = new URL(
      authorizationUrl(provider.issuer, {
        state: 's',
        nonce: 'n',
        clientId: webClient.clientId,
        redirectUri: webClient.redirectUris[0]!,
        pkce: pkcePair(),
      }),
    );
    url.searchParams.delete('redirect_uri');
    const response = await new Browser(provider.issuer).get(url.href);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('refuses the implicit flow and hybrid response types', async () => {
    for (const responseType of ['token', 'id_token', 'code id_token', 'code token']) {
      const url = new URL(
        authorizationUrl(provider.issuer, { state: 's', nonce: 'n', pkce: pkcePair() }),
      );
      url.searchParams.set('response_type', responseType);
      const response = await new Browser(provider.issuer).get(url.href);
      const location = response.headers.get('location');
      const error = location
        ? (new URL(location).searchParams.get('error') ??
          new URLSearchParams(new URL(location).hash.slice(1)).get('error'))
        : (await response.text()).match(/unsupported_response_type|unauthorized_client/)?.[0];
      expect(error, responseType).toMatch(/unsupported_response_type|unauthorized_client/);
      expect(location ?? '').not.toContain('access_token');
    }
  });

  it('refuses the password grant', async () => {
    const result = await tokenRequest(
      provider.issuer,
      { grant_type: 'password', username: 'alice', password: alice.password, scope: 'openid' },
      webAuth,
    );
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('unsupported_grant_type');
  });

  it('deny on the consent page returns access_denied (with iss and state) to the registered redirect', async () => {
    const { callback, state } = await authorize(provider.issuer, {
      pkce: pkcePair(),
      consent: 'deny',
    });
    expect(callback.origin + callback.pathname).toBe(mobileClient.redirectUris[0]);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
  });
});

describe('authorization code flow (confidential client)', () => {
  const redirectUri = webClient.redirectUris[0]!;

  it('accepts PKCE from a confidential client and checks it', async () => {
    const { verifier, challenge } = pkcePair();
    const { callback } = await authorize(provider.issuer, {
      clientId: webClient.clientId,
      redirectUri,
      pkce: { challenge },
    });
    const code = callback.searchParams.get('code')!;
    const ok = await tokenRequest(
      provider.issuer,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      },
      webAuth,
    );
    expect(ok.status).toBe(200);
    expect(decodeJwt(String(ok.body.access_token)).aud).toBe('http://localhost:3333');
  });

  it('accepts a confidential client without PKCE (allowed, not required)', async () => {
    const { tokens: ok } = await webTokens(provider.issuer);
    expect(ok.status).toBe(200);
  });

  it('refuses a wrong client secret and a code issued to another client', async () => {
    const { callback } = await authorize(provider.issuer, {
      clientId: webClient.clientId,
      redirectUri,
      pkce: null,
    });
    const code = callback.searchParams.get('code')!;
    const bad = await tokenRequest(
      provider.issuer,
      { grant_type: 'authorization_code', code, redirect_uri: redirectUri },
      `Basic ${Buffer.from('oauth-ref-web:wrong').toString('base64')}`,
    );
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_client');
    const stolen = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: mobileClient.clientId,
      code_verifier: pkcePair().verifier,
    });
    expect(stolen.body.error).toBe('invalid_grant');
  });
});

describe('resource indicators and the API JWT rule', () => {
  it('gives the API JWT when the client names the API as resource', async () => {
    const { tokens } = await mobileTokens(provider.issuer, {
      extra: { resource: 'http://localhost:3333' },
    });
    expect(decodeJwt(String(tokens.body.access_token)).aud).toBe('http://localhost:3333');
  });

  it('refuses an unknown resource with invalid_target', async () => {
    const { location } = await authorizationResponse({
      state: 's',
      nonce: 'n',
      pkce: pkcePair(),
      extra: { resource: 'https://other.example' },
    });
    expect(new URL(location!).searchParams.get('error')).toBe('invalid_target');
  });

  it('issues an opaque userinfo token when only OIDC scopes are asked for; the API JWT cannot call userinfo', async () => {
    const oidcOnly = await mobileTokens(provider.issuer, { scope: 'openid email' });
    const opaque = String(oidcOnly.tokens.body.access_token);
    expect(opaque.split('.')).toHaveLength(1);
    // oauth-ref-mobile's tokens are DPoP-bound: UserInfo wants the DPoP scheme and a proof (RFC 9449 §7).
    expect(oidcOnly.tokens.body.token_type).toBe('DPoP');
    const asBearer = await fetch(`${provider.issuer}/me`, {
      headers: { authorization: `Bearer ${opaque}` },
    });
    expect(asBearer.status).toBe(401);
    const me = await fetch(`${provider.issuer}/me`, {
      headers: {
        authorization: `DPoP ${opaque}`,
        dpop: await mobileDpopProof('GET', `${provider.issuer}/me`, opaque),
      },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: alice.sub, email: alice.email });

    const api = await mobileTokens(provider.issuer);
    const refused = await fetch(`${provider.issuer}/me`, {
      headers: { authorization: `Bearer ${String(api.tokens.body.access_token)}` },
    });
    expect(refused.status).toBe(401);
  });

  it('never grants the machine scope notes:stats to a user-facing client', async () => {
    const { location } = await authorizationResponse({
      state: 's',
      nonce: 'n',
      pkce: pkcePair(),
      scope: 'openid notes:stats',
    });
    expect(new URL(location!).searchParams.get('error')).toBe('invalid_scope');
  });
});
