import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientSecretBasic, revokeToken, RevocationError } from './revoke-token.js';

const endpoint = 'http://localhost:4000/token/revocation';

function recorder(status = 200) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    seen.push({ url: String(input), init: init ?? {} });
    return new Response(null, { status });
  }) as typeof fetch;
  return { fetch: fetchImpl, seen };
}

describe('clientSecretBasic (RFC 6749 §2.3.1)', () => {
  it('form-urlencodes both parts before base64', () => {
    expect(clientSecretBasic('oauth-ref-web', 's3cret')).toBe('Basic b2F1dGgtcmVmLXdlYjpzM2NyZXQ=');
    const decoded = atob(clientSecretBasic('a b', 'x:y%z').slice('Basic '.length));
    expect(decoded).toBe('a+b:x%3Ay%25z');
  });
});

describe('revokeToken (RFC 7009 §2.1)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('authenticates a confidential client with client_secret_basic, no client_id in the body', async () => {
    const server = recorder();
    await revokeToken({
      revocationEndpoint: endpoint,
      token: 'rt-1',
      tokenTypeHint: 'refresh_token',
      clientId: 'oauth-ref-web',
      clientSecret: 's3cret',
      fetch: server.fetch,
    });
    const [request] = server.seen;
    expect(request?.url).toBe(endpoint);
    expect((request?.init.headers as Record<string, string>).authorization).toBe(
      'Basic b2F1dGgtcmVmLXdlYjpzM2NyZXQ=',
    );
    expect(Object.fromEntries(request?.init.body as URLSearchParams)).toEqual({
      token: 'rt-1',
      token_type_hint: 'refresh_token',
    });
  });

  it('identifies a public client by client_id in the body, with no Authorization header', async () => {
    const server = recorder();
    vi.stubGlobal('fetch', server.fetch); // the default fetch is the global one
    await revokeToken({
      revocationEndpoint: endpoint,
      token: 'rt-1',
      tokenTypeHint: 'refresh_token',
      clientId: 'oauth-ref-mobile',
    });
    const [request] = server.seen;
    expect((request?.init.headers as Record<string, string>).authorization).toBeUndefined();
    expect(Object.fromEntries(request?.init.body as URLSearchParams)).toMatchObject({
      client_id: 'oauth-ref-mobile',
    });
  });

  it('throws RevocationError with the status when the answer is not 2xx', async () => {
    const request = {
      revocationEndpoint: endpoint,
      token: 't',
      tokenTypeHint: 'access_token',
      clientId: 'c',
    } as const;
    await expect(revokeToken({ ...request, fetch: recorder(503).fetch })).rejects.toMatchObject({
      name: 'RevocationError',
      status: 503,
    });
  });

  it('throws RevocationError without a status when the provider cannot be reached', async () => {
    const request = {
      revocationEndpoint: endpoint,
      token: 't',
      tokenTypeHint: 'refresh_token',
      clientId: 'c',
    } as const;
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const offline = (async () => {
      throw 'offline';
    }) as typeof fetch;
    const error = await revokeToken({ ...request, fetch: down }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevocationError);
    expect(error).toMatchObject({ status: null, message: expect.stringMatching(/fetch failed/) });
    await expect(revokeToken({ ...request, fetch: offline })).rejects.toThrow(/offline/);
  });
});
