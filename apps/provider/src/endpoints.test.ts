import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { machineClient, mobileClient, webClient } from '@oauth-ref/demo-config';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';
import { hiddenField } from './testing/browser.js';
import {
  alice,
  basicAuth,
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

async function post(
  path: string,
  form: Record<string, string>,
  authorization?: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${provider.issuer}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization ? { authorization } : {}),
      ...headers,
    },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

describe('revocation (RFC 7009) and introspection (RFC 7662)', () => {
  it('introspects refresh tokens for their client only; JWT access tokens are validated locally, not introspected', async () => {
    const { tokens } = await webTokens(provider.issuer);
    const rt = String(tokens.body.refresh_token);
    const active = await post('/token/introspection', { token: rt }, webAuth);
    expect(active.status, JSON.stringify(active.body)).toBe(200);
    expect(active.body).toMatchObject({
      active: true,
      client_id: webClient.clientId,
      sub: alice.sub,
      iss: provider.issuer,
    });
    const foreign = await post('/token/introspection', {
      token: rt,
      client_id: mobileClient.clientId,
    });
    expect(foreign.body.active).toBe(false);
    const unauthenticated = await post('/token/introspection', { token: rt });
    expect([400, 401]).toContain(unauthenticated.status);
    expect(unauthenticated.body.active).toBeUndefined();
    const wrongSecret = await post(
      '/token/introspection',
      { token: rt },
      basicAuth(webClient.clientId, 'wrong'),
    );
    expect(wrongSecret.status).toBe(401);
    const jwt = await post(
      '/token/introspection',
      { token: String(tokens.body.access_token) },
      webAuth,
    );
    expect(jwt.body.error).toBe('unsupported_token_type');
  });

  it('introspects opaque userinfo access tokens', async () => {
    const { tokens } = await mobileTokens(provider.issuer, { scope: 'openid email' });
    const result = await post('/token/introspection', {
      token: String(tokens.body.access_token),
      client_id: mobileClient.clientId,
    });
    expect(result.body).toMatchObject({ active: true, scope: 'openid email', sub: alice.sub });
  });

  it('reports unknown tokens as inactive', async () => {
    const result = await post('/token/introspection', { token: 'not-a-token' }, webAuth);
    expect(result.body).toEqual({ active: false });
  });

  it('revokes a refresh token: it can no longer be used, and introspection says inactive', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    const rt = String(tokens.body.refresh_token);
    const revoked = await post('/token/revocation', {
      token: rt,
      token_type_hint: 'refresh_token',
      client_id: mobileClient.clientId,
    });
    expect(revoked.status).toBe(200);
    const refresh = await tokenRequest(provider.issuer, {
      grant_type: 'refresh_token',
      refresh_token: rt,
      client_id: mobileClient.clientId,
    });
    expect(refresh.body.error).toBe('invalid_grant');
    const introspected = await post('/token/introspection', {
      token: rt,
      client_id: mobileClient.clientId,
    });
    expect(introspected.body.active).toBe(false);
  });

  it('does not let one client revoke another client’s token', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    const rt = String(tokens.body.refresh_token);
    await post('/token/revocation', { token: rt }, webAuth);
    const refresh = await tokenRequest(provider.issuer, {
      grant_type: 'refresh_token',
      refresh_token: rt,
      client_id: mobileClient.clientId,
    });
    expect(refresh.status).toBe(200);
  });
});

describe('RP-initiated logout', () => {
  it('signs out with id_token_hint and returns to the registered post_logout_redirect_uri with state', async () => {
    const { tokens, browser } = await mobileTokens(provider.issuer);
    const url = new URL('/session/end', provider.issuer);
    url.search = new URLSearchParams({
      id_token_hint: String(tokens.body.id_token),
      post_logout_redirect_uri: mobileClient.postLogoutRedirectUris[0]!,
      state: 'bye',
    }).toString();
    const page = await browser.get(url.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    const xsrf = hiddenField(html, 'xsrf');
    const action = /action="([^"]+)"/.exec(html)![1]!;
    const done = await browser.postForm(action, { xsrf, logout: 'yes' });
    expect(done.status).toBe(303);
    const location = new URL(done.headers.get('location')!);
    expect(location.href.startsWith(mobileClient.postLogoutRedirectUris[0]!)).toBe(true);
    expect(location.searchParams.get('state')).toBe('bye');
    // The session is gone: a new authorization request asks for the login again.
    const again = await browser.follow(
      await browser.get(
        `/auth?client_id=${mobileClient.clientId}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(mobileClient.redirectUris[0]!)}&code_challenge=${pkcePair().challenge}&code_challenge_method=S256`,
      ),
    );
    expect(await again.text()).toContain('name="password"');
  });

  it('refuses an unregistered post_logout_redirect_uri', async () => {
    const { tokens, browser } = await mobileTokens(provider.issuer);
    const url = new URL('/session/end', provider.issuer);
    url.search = new URLSearchParams({
      id_token_hint: String(tokens.body.id_token),
      post_logout_redirect_uri: 'https://evil.example/',
    }).toString();
    const response = await browser.get(url.href);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('matches post_logout_redirect_uri exactly (port, trailing slash, case, query, extra path)', async () => {
    const registered = new URL(mobileClient.postLogoutRedirectUris[0]!);
    const otherPort = new URL(registered);
    otherPort.port = String(Number(registered.port || 80) + 1);
    const { tokens, browser } = await mobileTokens(provider.issuer);
    for (const uri of [
      otherPort.href,
      registered.href.replace(/\/$/, ''),
      registered.href.replace('localhost', 'LOCALHOST'),
      `${registered.href}?next=1`,
      `${registered.href}signed-out`,
    ]) {
      expect(uri).not.toBe(registered.href);
      const url = new URL('/session/end', provider.issuer);
      url.search = new URLSearchParams({
        id_token_hint: String(tokens.body.id_token),
        post_logout_redirect_uri: uri,
      }).toString();
      const response = await browser.get(url.href);
      expect(response.status, uri).toBe(400);
      expect(await response.text(), uri).toContain('post_logout_redirect_uri not registered');
    }
  });
});

describe('DPoP (RFC 9449)', () => {
  async function dpopProof(htu: string, key: Awaited<ReturnType<typeof generateKeyPair>>) {
    return new SignJWT({ htm: 'POST', htu, jti: randomUUID(), iat: Math.floor(Date.now() / 1000) })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(key.publicKey) })
      .sign(key.privateKey);
  }

  it('binds an access token to the DPoP key (cnf.jkt, token_type DPoP)', async () => {
    const key = await generateKeyPair('ES256');
    const proof = await dpopProof(`${provider.issuer}/token`, key);
    const result = await tokenRequest(
      provider.issuer,
      { grant_type: 'client_credentials', scope: 'notes:stats' },
      basicAuth(machineClient.clientId, machineClient.clientSecret!),
      { dpop: proof },
    );
    expect(result.status).toBe(200);
    expect(result.body.token_type).toBe('DPoP');
    expect(decodeJwt(String(result.body.access_token)).cnf).toEqual({
      jkt: await calculateJwkThumbprint(await exportJWK(key.publicKey)),
    });
  });

  it('refuses a DPoP proof for another URL and a replayed proof', async () => {
    const key = await generateKeyPair('ES256');
    const auth = basicAuth(machineClient.clientId, machineClient.clientSecret!);
    const wrong = await tokenRequest(provider.issuer, { grant_type: 'client_credentials' }, auth, {
      dpop: await dpopProof('https://elsewhere.example/token', key),
    });
    expect(wrong.body.error, JSON.stringify(wrong.body)).toBe('invalid_dpop_proof');
    const proof = await dpopProof(`${provider.issuer}/token`, key);
    expect(
      (
        await tokenRequest(provider.issuer, { grant_type: 'client_credentials' }, auth, {
          dpop: proof,
        })
      ).status,
    ).toBe(200);
    const replay = await tokenRequest(provider.issuer, { grant_type: 'client_credentials' }, auth, {
      dpop: proof,
    });
    expect(replay.status).toBe(400);
    expect(['invalid_dpop_proof', 'invalid_grant']).toContain(replay.body.error);
    expect(replay.body.access_token).toBeUndefined();
  });
});
