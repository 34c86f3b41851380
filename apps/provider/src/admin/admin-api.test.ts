import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import {
  startTestProvider,
  TEST_ADMIN_TOKEN,
  type TestProvider,
} from '../testing/start-test-provider.js';
import {
  authorize,
  mobileTokens,
  pkcePair,
  tokenRequest,
  basicAuth,
} from '../testing/oauth-flows.js';
import { TOKEN_VARIANTS } from './mint-token.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => provider?.stop());

async function admin(method: string, path: string, body?: unknown, token = TEST_ADMIN_TOKEN) {
  const response = await fetch(`${provider.issuer}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are read loosely
    body: (text ? JSON.parse(text) : undefined) as Record<string, any>,
  };
}

describe('admin API protection', () => {
  it('refuses a missing or wrong bearer token with 401', async () => {
    for (const token of ['', 'wrong-token-wrong-token', `${TEST_ADMIN_TOKEN}x`]) {
      const result = await admin('GET', '/admin/keys', undefined, token);
      expect(result.status).toBe(401);
      expect(result.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('is absent unless PROVIDER_ADMIN_API=on, even with the token set', async () => {
    const off = await startTestProvider({ db: provider.db, env: { PROVIDER_ADMIN_API: 'off' } });
    try {
      const response = await fetch(`${off.issuer}/admin/keys`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      });
      expect(response.status).toBe(404);
      const discovery = (await (
        await fetch(`${off.issuer}/.well-known/openid-configuration`)
      ).json()) as Record<string, unknown>;
      expect(discovery['registration_endpoint']).toBeUndefined();
    } finally {
      await off.stop();
    }
  });

  it('answers malformed JSON and wrong content types with 4xx, not 500', async () => {
    const bad = await fetch(`${provider.issuer}/admin/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: '{"username":',
    });
    expect(bad.status).toBe(400);
    const wrongType = await fetch(`${provider.issuer}/admin/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(wrongType.status).toBe(415);
    const invalid = await admin('POST', '/admin/users', { username: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid_request');
  });
});

describe('users and clients at runtime', () => {
  it('creates a user who can sign in, and deletes them', async () => {
    const username = `dave-${randomUUID().slice(0, 8)}`;
    const created = await admin('POST', '/admin/users', {
      username,
      password: 'dave-password-1',
      email: `${username}@example.com`,
      name: 'Dave',
    });
    expect(created.status).toBe(201);
    const { tokens } = await mobileTokens(provider.issuer, {
      user: { username, password: 'dave-password-1' },
    });
    expect(decodeJwt(String(tokens.body.access_token)).sub).toBe(created.body.sub);
    const duplicate = await admin('POST', '/admin/users', {
      username,
      password: 'dave-password-1',
      email: `${username}@example.com`,
      name: 'Dave',
    });
    expect(duplicate.status).toBe(409);
    expect((await admin('DELETE', `/admin/users/${created.body.sub}`)).status).toBe(204);
    expect((await admin('DELETE', `/admin/users/${created.body.sub}`)).status).toBe(404);
    await expect(
      mobileTokens(provider.issuer, { user: { username, password: 'dave-password-1' } }),
    ).rejects.toThrow();
  });

  it('creates a client that works at once, refuses invalid metadata, and deletes it', async () => {
    const clientId = `cli-${randomUUID().slice(0, 8)}`;
    const created = await admin('POST', '/admin/clients', {
      client_id: clientId,
      client_secret: 'a-long-client-secret-for-tests',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'notes:stats',
    });
    expect(created.status).toBe(201);
    const auth = basicAuth(clientId, 'a-long-client-secret-for-tests');
    expect(
      (
        await tokenRequest(
          provider.issuer,
          { grant_type: 'client_credentials', scope: 'notes:stats' },
          auth,
        )
      ).status,
    ).toBe(200);
    const invalid = await admin('POST', '/admin/clients', {
      client_id: 'bad',
      redirect_uris: ['not a url'],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid_client_metadata');
    expect((await admin('DELETE', `/admin/clients/${clientId}`)).status).toBe(204);
    const afterDelete = await tokenRequest(
      provider.issuer,
      { grant_type: 'client_credentials', scope: 'notes:stats' },
      auth,
    );
    expect(afterDelete.body.error).toBe('invalid_client');
  });
});

describe('minting tokens for resource server tests', () => {
  it('mints a valid access token with chosen claims, verifiable with the published JWKS', async () => {
    const minted = await admin('POST', '/admin/tokens', {
      sub: 'user-42',
      scope: 'notes:read notes:write',
      clientId: 'oauth-ref-mobile',
      claims: { tenant: 't1' },
    });
    expect(minted.status).toBe(200);
    const { payload } = await jwtVerify(
      minted.body.token,
      createRemoteJWKSet(new URL(`${provider.issuer}/jwks`)),
      {
        issuer: provider.issuer,
        audience: 'http://localhost:3333',
        typ: 'at+jwt',
        algorithms: ['RS256'],
      },
    );
    expect(payload).toMatchObject({
      sub: 'user-42',
      scope: 'notes:read notes:write',
      client_id: 'oauth-ref-mobile',
      tenant: 't1',
    });
  });

  it.each(TOKEN_VARIANTS)('mints the %s variant', async (variant) => {
    const minted = await admin('POST', '/admin/tokens', { variant });
    expect(minted.status).toBe(200);
    expect(minted.body.token.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(minted.body.token).alg).toBe(
      variant === 'alg_none' ? 'none' : variant === 'hs256_public_key' ? 'HS256' : 'RS256',
    );
  });

  it('refuses an unknown variant', async () => {
    expect((await admin('POST', '/admin/tokens', { variant: 'rot13' })).status).toBe(400);
  });
});

describe('dynamic client registration (RFC 7591)', () => {
  const metadata = {
    redirect_uris: ['http://localhost:5173/cb'],
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    scope: 'openid notes:read',
    application_type: 'web',
  };

  it('refuses registration without an initial access token', async () => {
    const response = await fetch(`${provider.issuer}/reg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(metadata),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_token');
    const wrong = await fetch(`${provider.issuer}/reg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer made-up' },
      body: JSON.stringify(metadata),
    });
    expect(wrong.status).toBe(401);
  });

  it('registers a client with an initial access token from the admin API, and the client can sign a user in', async () => {
    const iat = await admin('POST', '/admin/initial-access-tokens', {});
    expect(iat.status).toBe(201);
    const response = await fetch(`${provider.issuer}/reg`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${iat.body.initial_access_token}`,
      },
      body: JSON.stringify(metadata),
    });
    expect(response.status).toBe(201);
    const client = (await response.json()) as {
      client_id: string;
      registration_access_token: string;
    };
    expect(client.registration_access_token).toBeTruthy();
    const { callback } = await authorize(provider.issuer, {
      clientId: client.client_id,
      redirectUri: 'http://localhost:5173/cb',
      pkce: pkcePair(),
      scope: 'openid notes:read',
    });
    expect(callback.searchParams.get('code')).toBeTruthy();
  });

  it('refuses a registration that mixes client_credentials with user grants, or a public machine client', async () => {
    const iat = (await admin('POST', '/admin/initial-access-tokens', {})).body
      .initial_access_token as string;
    for (const body of [
      {
        ...metadata,
        grant_types: ['authorization_code', 'client_credentials'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        redirect_uris: [],
        response_types: [],
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'none',
      },
    ]) {
      const response = await fetch(`${provider.issuer}/reg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${iat}` },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_client_metadata');
    }
    const viaAdmin = await admin('POST', '/admin/clients', {
      client_id: 'mixed',
      client_secret: 'x'.repeat(32),
      grant_types: ['authorization_code', 'client_credentials'],
      redirect_uris: ['http://localhost:5173/cb'],
    });
    expect(viaAdmin.status).toBe(400);
    expect(viaAdmin.body.error).toBe('invalid_client_metadata');
  });
});

describe('dynamic registration policy (a documented mock convenience)', () => {
  const base = {
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    scope: 'openid notes:read',
  };
  async function register(body: Record<string, unknown>) {
    const iat = (await admin('POST', '/admin/initial-access-tokens', {})).body
      .initial_access_token as string;
    const response = await fetch(`${provider.issuer}/reg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${iat}` },
      body: JSON.stringify({ ...base, ...body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it.each([
    ['plain http off loopback', 'web', 'http://rp.example/cb'],
    ['a javascript: URI', 'web', 'javascript:alert(1)'],
    ['a private-use scheme for a web client', 'web', 'com.example.app:/cb'],
    ['a scheme without a reverse domain for a native client', 'native', 'myapp:/cb'],
    ['a fragment', 'web', 'https://rp.example/cb#x'],
  ])('refuses %s', async (_why, applicationType, uri) => {
    const result = await register({ application_type: applicationType, redirect_uris: [uri] });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_redirect_uri');
  });

  it.each([
    ['https', 'web', 'https://rp.example/cb'],
    ['http on 127.0.0.1', 'web', 'http://127.0.0.1:5173/cb'],
    ['a reverse-domain private-use scheme for a native client', 'native', 'com.example.app:/cb'],
  ])('accepts %s', async (_why, applicationType, uri) => {
    const result = await register({ application_type: applicationType, redirect_uris: [uri] });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
  });

  it('holds a registered public client to PKCE (no code without a code_challenge)', async () => {
    const result = await register({
      application_type: 'web',
      redirect_uris: ['https://rp.example/pkce-cb'],
    });
    const url = new URL('/auth', provider.issuer);
    url.search = new URLSearchParams({
      client_id: String(result.body.client_id),
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'https://rp.example/pkce-cb',
      state: 's',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? 'about:blank');
    expect(location.origin).toBe('https://rp.example');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });
});

describe('key rotation through the admin API', () => {
  it('publishes the new key before it signs, then signs with it; the retire step removes the old key', async () => {
    const jwks = async () =>
      (
        (await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: { kid: string }[] }
      ).keys.map((k) => k.kid);
    const mintKid = async () =>
      decodeProtectedHeader((await admin('POST', '/admin/tokens', {})).body.token).kid;
    const machine = async () =>
      decodeProtectedHeader(
        String(
          (
            await tokenRequest(
              provider.issuer,
              { grant_type: 'client_credentials', scope: 'notes:stats' },
              basicAuth('oauth-ref-machine', 'oauth-ref-machine-demo-secret-not-for-production'),
            )
          ).body.access_token,
        ),
      ).kid;
    const oldKid = await machine();

    const rotated = await admin('POST', '/admin/keys/rotate', {
      activateInSeconds: 2,
      graceSeconds: 3600,
    });
    expect(rotated.status).toBe(201);
    const newKid = rotated.body.kid as string;
    expect(await jwks()).toEqual([oldKid, newKid]);
    expect(await machine()).toBe(oldKid);
    expect(await mintKid()).toBe(oldKid);

    // No manual refresh: the instance switches signer when the new key's activateAt passes.
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(await machine()).toBe(newKid);
    expect(await jwks()).toEqual([newKid, oldKid]);

    const keys = await admin('GET', '/admin/keys');
    expect(keys.body.keys.find((k: { kid: string }) => k.kid === oldKid).state).toBe('superseded');
    expect(JSON.stringify(keys.body)).not.toContain('"d"');

    const refused = await admin('POST', '/admin/keys/retire', { kid: newKid });
    expect(refused.status).toBe(409);
    const retired = await admin('POST', '/admin/keys/retire', {});
    expect(retired.body.retired).toEqual([oldKid]);
    expect(await jwks()).toEqual([newKid]);
  });
});
