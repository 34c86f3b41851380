// The API against tokens from the real provider: what a resource server must accept and refuse,
// with the RFC 6750 WWW-Authenticate challenge a client can act on.
import { expect, test } from '@playwright/test';
import { parseBearerChallenge } from '@oauth-ref/token-types';
import { createDpopKey, createDpopProof } from '@oauth-ref/nest-bearer-auth/testing';
import {
  machineAccessToken,
  machineAccessTokenBoundTo,
  mintToken,
  type TokenVariant,
} from '../support/admin-api.js';
import { alice, urls } from '../support/env.js';

const asAlice = { sub: alice.sub, clientId: 'oauth-ref-web' } as const;

test.describe('the API with tokens from the running provider', () => {
  test('a valid user token reads /me', async ({ request }) => {
    const token = await mintToken('valid', { ...asAlice, scope: 'openid notes:read' });
    const response = await request.get(`${urls.api}/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ sub: alice.sub, client_id: 'oauth-ref-web' });
  });

  test('a token minted without notes:write gets 403 insufficient_scope naming the scope', async ({
    request,
  }) => {
    const token = await mintToken('valid', { ...asAlice, scope: 'notes:read' });
    const response = await request.post(`${urls.api}/notes`, {
      headers: { authorization: `Bearer ${token}` },
      data: { title: 'not allowed', body: '' },
    });
    expect(response.status()).toBe(403);
    const challenge = parseBearerChallenge(response.headers()['www-authenticate'] ?? '');
    expect(challenge.error).toBe('insufficient_scope');
    expect(challenge.scope).toContain('notes:write');
  });

  test('an expired token gets 401 invalid_token and names the resource metadata', async ({
    request,
  }) => {
    const token = await mintToken('expired', { ...asAlice, scope: 'notes:read' });
    const response = await request.get(`${urls.api}/notes`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status()).toBe(401);
    const challenge = parseBearerChallenge(response.headers()['www-authenticate'] ?? '');
    expect(challenge.error).toBe('invalid_token');
    expect(challenge.resourceMetadata).toBe(`${urls.api}/.well-known/oauth-protected-resource`);
  });

  const refused: TokenVariant[] = [
    'wrong_aud',
    'wrong_iss',
    'unknown_kid',
    'alg_none',
    'hs256_public_key',
    'id_token',
    'wrong_typ',
    'not_yet_valid',
  ];
  for (const variant of refused) {
    test(`a ${variant} token is refused with 401 invalid_token`, async ({ request }) => {
      const token = await mintToken(variant, { ...asAlice, scope: 'notes:read' });
      const response = await request.get(`${urls.api}/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status()).toBe(401);
      expect(parseBearerChallenge(response.headers()['www-authenticate'] ?? '').error).toBe(
        'invalid_token',
      );
    });
  }

  test('a machine token (client credentials) reads /stats and is refused on user endpoints', async ({
    request,
  }) => {
    const token = await machineAccessToken();
    const stats = await request.get(`${urls.api}/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stats.status()).toBe(200);
    const notes = await request.get(`${urls.api}/notes`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(notes.status()).toBe(403);
  });

  test('a user token is refused on the machine endpoint', async ({ request }) => {
    const token = await mintToken('valid', { ...asAlice, scope: 'notes:read notes:write' });
    const response = await request.get(`${urls.api}/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status()).toBe(403);
  });

  test('no credentials: 401 with a bare Bearer challenge and no error code', async ({
    request,
  }) => {
    const response = await request.get(`${urls.api}/me`);
    expect(response.status()).toBe(401);
    const challenge = parseBearerChallenge(response.headers()['www-authenticate'] ?? '');
    expect(challenge.error).toBeUndefined();
  });

  test('a DPoP-bound client-credentials token is refused as Bearer and accepted only with a fresh proof', async ({
    request,
  }) => {
    const key = await createDpopKey();
    const granted = await machineAccessTokenBoundTo(
      await createDpopProof(key, { method: 'POST', url: `${urls.provider}/token` }),
    );
    expect(granted.token_type).toBe('DPoP');
    const token = granted.access_token;

    // the attacker's move: the copied token, sent as an ordinary bearer token
    const asBearer = await request.get(`${urls.api}/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asBearer.status()).toBe(401);
    expect(parseBearerChallenge(asBearer.headers()['www-authenticate'] ?? '').error).toBe(
      'invalid_token',
    );
    expect(await asBearer.json()).toMatchObject({ code: 'token_sender_constrained' });

    // the key holder: DPoP scheme with a proof for this method, URL and token
    const proof = await createDpopProof(key, {
      method: 'GET',
      url: `${urls.api}/stats`,
      accessToken: token,
    });
    const withProof = await request.get(`${urls.api}/stats`, {
      headers: { authorization: `DPoP ${token}`, dpop: proof },
    });
    expect(withProof.status()).toBe(200);

    // the same proof again (a captured request replayed): refused
    const replayed = await request.get(`${urls.api}/stats`, {
      headers: { authorization: `DPoP ${token}`, dpop: proof },
    });
    expect(replayed.status()).toBe(401);
    expect(replayed.headers()['www-authenticate']).toMatch(
      /^DPoP algs="[^"]+", error="invalid_dpop_proof"/,
    );

    // a proof by another key, even fresh, does not fit the token's cnf.jkt
    const thief = await createDpopKey();
    const stolen = await request.get(`${urls.api}/stats`, {
      headers: {
        authorization: `DPoP ${token}`,
        dpop: await createDpopProof(thief, {
          method: 'GET',
          url: `${urls.api}/stats`,
          accessToken: token,
        }),
      },
    });
    expect(stolen.status()).toBe(401);
    expect(await stolen.json()).toMatchObject({ code: 'dpop_key_mismatch' });
  });

  test('the resource metadata states the DPoP policy (RFC 9728)', async ({ request }) => {
    const metadata = (await (
      await request.get(`${urls.api}/.well-known/oauth-protected-resource`)
    ).json()) as Record<string, unknown>;
    expect(metadata['dpop_signing_alg_values_supported']).toContain('ES256');
    expect(metadata['dpop_bound_access_tokens_required']).toBe(false);
  });

  test('a write with a form body is 415, not a CORS-simple request that creates a note', async ({
    request,
  }) => {
    const token = await mintToken('valid', { ...asAlice, scope: 'notes:read notes:write' });
    const response = await request.post(`${urls.api}/notes`, {
      headers: { authorization: `Bearer ${token}` },
      form: { title: 'from a form' },
    });
    expect(response.status()).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
  });
});
