import { describe, expect, it, vi } from 'vitest';
import { isPkceClientError } from '../errors/pkce-client-error.js';
import { callProtectedResource } from './call-protected-resource.js';

const api = new URL('http://localhost:3333/notes');

function respond(status: number, body: string | null, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(body, { status, headers })) as unknown as typeof fetch &
    ReturnType<typeof vi.fn>;
}

describe('callProtectedResource', () => {
  it('sends the bearer token and JSON body, and returns the JSON answer', async () => {
    const fetch = respond(201, '{"id":"n1"}', { 'content-type': 'application/json' });
    const result = await callProtectedResource(
      'at-1',
      'POST',
      api,
      { title: 't', body: 'b' },
      { allowInsecureHttp: true, fetch },
    );
    expect(result).toEqual({ ok: true, status: 201, body: { id: 'n1' } });
    const [, init] = fetch.mock.calls[0] as unknown as [
      string,
      { headers: Record<string, string>; body: string; method: string },
    ];
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer at-1');
    expect(JSON.parse(init.body)).toEqual({ title: 't', body: 'b' });
  });

  it('explains a 401 from its WWW-Authenticate challenge', async () => {
    const fetch = respond(401, '{"error":"invalid_token"}', {
      'www-authenticate':
        'Bearer realm="api", error="invalid_token", error_description="jwt expired"',
    });
    const result = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch,
    });
    expect(result).toMatchObject({
      ok: false,
      status: 401,
      error: 'invalid_token',
      errorDescription: 'jwt expired',
    });
    expect(!result.ok && result.explanation).toMatch(/^401 invalid_token: .*Refresh/);
  });

  it('names the missing scope of a 403 insufficient_scope', async () => {
    const fetch = respond(403, '', {
      'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:write"',
    });
    const result = await callProtectedResource(
      'at-1',
      'POST',
      api,
      {},
      { allowInsecureHttp: true, fetch },
    );
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      requiredScope: 'notes:write',
      body: null,
    });
    expect(!result.ok && result.explanation).toContain('"notes:write"');
  });

  it('falls back to the JSON body when the header is not readable (CORS)', async () => {
    const fetch = respond(
      403,
      JSON.stringify({
        error: 'insufficient_scope',
        message: 'needs notes:write',
        scope: 'notes:write',
      }),
    );
    const result = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch,
    });
    expect(result).toMatchObject({
      error: 'insufficient_scope',
      errorDescription: 'needs notes:write',
      requiredScope: 'notes:write',
      wwwAuthenticate: undefined,
    });
  });

  it('describes other failures and non-JSON bodies plainly', async () => {
    const result = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch: respond(500, 'oops'),
    });
    expect(result).toMatchObject({
      ok: false,
      status: 500,
      body: 'oops',
      explanation: '500 error: the API refused the request.',
    });
    const bare401 = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch: respond(401, '[]'),
    });
    expect(!bare401.ok && bare401.explanation).toMatch(/^401 unauthorized/);
    const bare403 = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch: respond(403, 'null'),
    });
    expect(!bare403.ok && bare403.explanation).toMatch(/lacks a required scope/);
  });

  it('refuses http:// APIs unless allowed (an argument error, not an outage)', async () => {
    const refusal = await callProtectedResource('at-1', 'GET', api).catch((error) => error);
    expect(refusal).toBeInstanceOf(Error);
    expect(isPkceClientError(refusal)).toBe(false);
  });

  it('names the API and the cause when no answer came back (down, unreachable or CORS)', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const error = await callProtectedResource('at-1', 'GET', api, undefined, {
      allowInsecureHttp: true,
      fetch: failing,
    }).catch((thrown) => thrown);
    expect(isPkceClientError(error, 'api_unreachable')).toBe(true);
    expect(error.message).toMatch(/^The API did not answer/);
    expect(error.message).toMatch(/CORS/);
    expect(error.message).toContain('GET http://localhost:3333/notes: Failed to fetch');
  });
});
