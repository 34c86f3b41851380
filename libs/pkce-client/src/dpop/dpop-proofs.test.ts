import { createHash, type webcrypto } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { describe, expect, it, vi } from 'vitest';
import { callProtectedResource } from '../api/call-protected-resource.js';
import { buildAuthorizationUrl } from '../build-authorization-url.js';
import { validateCallback } from '../callback/validate-callback.js';
import { createAuthorizationAttempt } from '../create-authorization-attempt.js';
import { exchangeAuthorizationCode } from '../exchange-authorization-code.js';
import { refreshTokenSet } from '../refresh-token-set.js';
import { createFakeAuthorizationServer, testSettings } from '../testing/index.js';
import { generateDpopKeyPair } from './generate-dpop-key-pair.js';
import { recordDpopProofs } from './record-dpop-proofs.js';

const api = new URL('http://localhost:3333/notes?page=2#top');
const b64uJson = (segment: string) =>
  JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;

async function newHandle() {
  const keyPair = await generateDpopKeyPair();
  return { keyPair, dpop: oauth.DPoP({}, keyPair) };
}

function decode(proof: string) {
  const [header, payload, signature] = proof.split('.') as [string, string, string];
  return {
    header: b64uJson(header),
    payload: b64uJson(payload),
    header64: header,
    payload64: payload,
    signature,
  };
}

async function verifies(proof: string): Promise<boolean> {
  const { header, header64, payload64, signature } = decode(proof);
  const key = await crypto.subtle.importKey(
    'jwk',
    header['jwk'] as webcrypto.JsonWebKey,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    Buffer.from(signature, 'base64url'),
    new TextEncoder().encode(`${header64}.${payload64}`),
  );
}

function answering(...responses: (() => Response)[]) {
  const fetch = vi.fn(async () =>
    (responses.shift() ?? (() => new Response(null, { status: 599 })))(),
  );
  return fetch as unknown as typeof globalThis.fetch & ReturnType<typeof vi.fn>;
}

const headersOf = (fetch: ReturnType<typeof vi.fn>, call: number) =>
  new Headers((fetch.mock.calls[call] as unknown as [string, RequestInit])[1].headers);

const ok = () =>
  new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });

describe('DPoP proof on an API request (RFC 9449 §4.2, §7)', () => {
  it('sends Authorization: DPoP and a proof with every claim the resource server checks', async () => {
    const { dpop } = await newHandle();
    const fetch = answering(ok);
    const before = Math.floor(Date.now() / 1000);
    const result = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch,
      dpop,
    });
    expect(result.ok).toBe(true);
    const headers = headersOf(fetch, 0);
    expect(headers.get('authorization')).toBe('DPoP at-1');
    const proof = headers.get('dpop') ?? '';
    const { header, payload } = decode(proof);
    // header: typ, asymmetric alg, the public key only
    expect(header['typ']).toBe('dpop+jwt');
    expect(header['alg']).toBe('ES256');
    expect(header['jwk']).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
    });
    expect(header['jwk']).not.toHaveProperty('d');
    // claims: method, URL without query and fragment, time, unique id, access token hash
    expect(payload['htm']).toBe('GET');
    expect(payload['htu']).toBe('http://localhost:3333/notes');
    expect(payload['iat']).toBeGreaterThanOrEqual(before);
    expect(payload['iat']).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(payload['jti']).toMatch(/^[\w-]{43}$/);
    expect(payload['ath']).toBe(createHash('sha256').update('at-1').digest('base64url'));
    expect(payload).not.toHaveProperty('nonce');
    expect(await verifies(proof)).toBe(true);
  });

  it('signs a fresh proof (new jti) for each request, with the request method', async () => {
    const { dpop } = await newHandle();
    const fetch = answering(ok, ok);
    await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch,
      dpop,
    });
    await callProtectedResource(
      'at-1',
      'POST',
      api,
      { a: 1 },
      { allowInsecureHttp: true, fetch, dpop },
    );
    const first = decode(headersOf(fetch, 0).get('dpop') ?? '').payload;
    const second = decode(headersOf(fetch, 1).get('dpop') ?? '').payload;
    expect(second['jti']).not.toBe(first['jti']);
    expect(second['htm']).toBe('POST');
  });

  it('answers the API’s use_dpop_nonce challenge once, with its nonce in a new proof', async () => {
    const { dpop } = await newHandle();
    const challenge = () =>
      new Response('{"error":"use_dpop_nonce"}', {
        status: 401,
        headers: {
          'www-authenticate': 'DPoP error="use_dpop_nonce", algs="ES256"',
          'dpop-nonce': 'api-nonce-1',
        },
      });
    const fetch = answering(challenge, ok);
    const result = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch,
      dpop,
    });
    expect(result.ok).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(decode(headersOf(fetch, 0).get('dpop') ?? '').payload).not.toHaveProperty('nonce');
    const retried = decode(headersOf(fetch, 1).get('dpop') ?? '').payload;
    expect(retried['nonce']).toBe('api-nonce-1');

    // a server that asks again is not looped on: two requests, then the refusal
    const stubborn = answering(challenge, challenge, ok);
    const refused = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch: stubborn,
      dpop,
    });
    expect(stubborn).toHaveBeenCalledTimes(2);
    expect(refused).toMatchObject({ ok: false, status: 401, error: 'use_dpop_nonce' });
  });

  it('does not retry a nonce challenge without a DPoP key, nor other 401s', async () => {
    const challenge = () =>
      new Response(null, {
        status: 401,
        headers: { 'www-authenticate': 'DPoP error="use_dpop_nonce"' },
      });
    const bearer = answering(challenge, ok);
    await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch: bearer,
    });
    expect(bearer).toHaveBeenCalledTimes(1);
    const { dpop } = await newHandle();
    const invalid = answering(
      () =>
        new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'DPoP error="invalid_token"' },
        }),
      ok,
    );
    const result = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch: invalid,
      dpop,
    });
    expect(invalid).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ ok: false, error: 'invalid_token' });
  });
});

const tokenResponse = () =>
  new Response(
    JSON.stringify({
      access_token: 'at-2',
      token_type: 'DPoP',
      expires_in: 60,
      refresh_token: 'rt-2',
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );
const useNonce = () =>
  new Response(JSON.stringify({ error: 'use_dpop_nonce', error_description: 'nonce required' }), {
    status: 400,
    headers: { 'content-type': 'application/json', 'dpop-nonce': 'as-nonce-1' },
  });

describe('DPoP proof on token requests (RFC 9449 §5, §8)', () => {
  const as = createFakeAuthorizationServer().metadata;

  it('the refresh request carries a proof for POST <token endpoint> without ath', async () => {
    const { dpop } = await newHandle();
    const fetch = answering(tokenResponse);
    const { tokenSet } = await refreshTokenSet(
      as,
      { ...testSettings, fetch, dpop },
      undefined,
      'rt-1',
    );
    expect(tokenSet.tokenType).toBe('dpop');
    const proof = headersOf(fetch, 0).get('dpop') ?? '';
    const { header, payload } = decode(proof);
    expect(header['typ']).toBe('dpop+jwt');
    expect(payload['htm']).toBe('POST');
    expect(payload['htu']).toBe(String(as.token_endpoint));
    expect(payload).not.toHaveProperty('ath');
    expect(await verifies(proof)).toBe(true);
  });

  it('answers the provider’s use_dpop_nonce error once, then gives up', async () => {
    const { dpop } = await newHandle();
    const fetch = answering(useNonce, tokenResponse);
    const { tokenSet } = await refreshTokenSet(
      as,
      { ...testSettings, fetch, dpop },
      undefined,
      'rt-1',
    );
    expect(tokenSet.accessToken).toBe('at-2');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(decode(headersOf(fetch, 1).get('dpop') ?? '').payload['nonce']).toBe('as-nonce-1');

    const stubborn = answering(useNonce, useNonce, tokenResponse);
    await expect(
      refreshTokenSet(as, { ...testSettings, fetch: stubborn, dpop }, undefined, 'rt-1'),
    ).rejects.toMatchObject({ code: 'token_request_failed' });
    expect(stubborn).toHaveBeenCalledTimes(2);
  });

  it('without a DPoP key, a nonce error is not retried and no proof is sent', async () => {
    const fetch = answering(useNonce, tokenResponse);
    await expect(
      refreshTokenSet(as, { ...testSettings, fetch }, undefined, 'rt-1'),
    ).rejects.toThrow();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(headersOf(fetch, 0).has('dpop')).toBe(false);
  });

  it('the code exchange carries a proof, recorded as sent for the flow log', async () => {
    const server = createFakeAuthorizationServer();
    const recorder = recordDpopProofs(server.fetch);
    const { dpop } = await newHandle();
    const settings = { ...testSettings, fetch: recorder.fetch, dpop };
    const attempt = await createAuthorizationAttempt(settings);
    const { params } = validateCallback(
      server.metadata,
      attempt,
      server.authorize(buildAuthorizationUrl(server.metadata, attempt)),
    );
    await exchangeAuthorizationCode(server.metadata, settings, attempt, params);
    const [recorded, ...more] = recorder.take();
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({ method: 'POST', url: String(server.metadata.token_endpoint) });
    expect(decode(recorded?.proof ?? '').payload['htu']).toBe(
      String(server.metadata.token_endpoint),
    );
    expect(recorder.take()).toEqual([]);
  });
});
