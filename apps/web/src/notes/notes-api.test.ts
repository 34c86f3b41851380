import { describe, expect, it } from 'vitest';
import type { AccessTokenSource } from '@oauth-ref/web-auth';
import { ApiError, parseChallenge } from './api-error';
import { createNotesApi } from './notes-api';

function tokens(): Pick<AccessTokenSource, 'getAccessToken' | 'forceRefresh'> & { forced: number } {
  let current = 'at-1';
  const source = {
    forced: 0,
    getAccessToken: async () => current,
    forceRefresh: async () => {
      source.forced += 1;
      current = `at-${source.forced + 1}`;
      return current;
    },
  };
  return source;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('createNotesApi', () => {
  it('calls the API with the bearer token from the server and parses notes', async () => {
    const seen: Request[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return json(200, [{ id: 'n1', title: 'Hello', body: 'World' }]);
    }) as typeof fetch;
    const api = createNotesApi({
      apiUrl: 'http://api.test',
      accountId: 'a',
      tokens: tokens(),
      fetchImpl,
    });
    await expect(api.list()).resolves.toEqual([{ id: 'n1', title: 'Hello', body: 'World' }]);
    expect(seen[0]?.url).toBe('http://api.test/notes');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer at-1');
  });

  it('retries a 401 once with a force-refreshed token', async () => {
    const source = tokens();
    const auths: string[] = [];
    const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization')!;
      auths.push(auth);
      return auth === 'Bearer at-1'
        ? json(
            401,
            { error: 'invalid_token' },
            { 'www-authenticate': 'Bearer error="invalid_token"' },
          )
        : json(201, { id: 'n2', title: 'T' });
    }) as typeof fetch;
    const api = createNotesApi({
      apiUrl: 'http://api.test',
      accountId: 'a',
      tokens: source,
      fetchImpl,
    });
    await expect(api.create({ title: 'T', body: '' })).resolves.toMatchObject({ id: 'n2' });
    expect(auths).toEqual(['Bearer at-1', 'Bearer at-2']);
    expect(source.forced).toBe(1);
  });

  it('reports every answer, the refused one and the retry, and survives a failing reporter', async () => {
    const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) =>
      new Headers(init?.headers).get('authorization') === 'Bearer at-1'
        ? json(401, {}, { 'www-authenticate': 'Bearer error="invalid_token"' })
        : json(200, [])) as typeof fetch;
    const calls: string[] = [];
    const api = createNotesApi({
      apiUrl: 'http://api.test',
      accountId: 'a',
      tokens: tokens(),
      fetchImpl,
      onResponse: ({ method, path, response }) => {
        calls.push(`${method} ${path} ${response.status}`);
        throw new Error('recorder down');
      },
    });
    await expect(api.list()).resolves.toEqual([]);
    expect(calls).toEqual(['GET /notes 401', 'GET /notes 200']);
  });

  it('maps 403 insufficient_scope to a message naming the missing scope', async () => {
    const fetchImpl = (async () =>
      json(
        403,
        { error: 'insufficient_scope' },
        { 'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:write"' },
      )) as unknown as typeof fetch;
    const api = createNotesApi({
      apiUrl: 'http://api.test',
      accountId: 'a',
      tokens: tokens(),
      fetchImpl,
    });
    const error = (await api.remove('n1').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('forbidden');
    expect(error.userMessage).toContain('notes:write');
  });

  it('maps 5xx and network failures to "unavailable"', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const api = createNotesApi({
      apiUrl: 'http://api.test',
      accountId: 'a',
      tokens: tokens(),
      fetchImpl: down,
    });
    await expect(api.list()).rejects.toMatchObject({ kind: 'unavailable' });
    const failing = (async () => json(502, { error: 'bad_gateway' })) as unknown as typeof fetch;
    const api2 = createNotesApi({
      apiUrl: 'http://api.test',
      accountId: 'a',
      tokens: tokens(),
      fetchImpl: failing,
    });
    await expect(api2.list()).rejects.toMatchObject({ kind: 'unavailable', status: 502 });
  });

  it('accepts a wrapped list and reports 404 as not found', async () => {
    const fetchImpl = (async (input: RequestInfo | URL) =>
      String(input).endsWith('/notes')
        ? json(200, { notes: [] })
        : json(404, { message: 'Not Found' })) as typeof fetch;
    const api = createNotesApi({
      apiUrl: 'http://api.test',
      accountId: 'a',
      tokens: tokens(),
      fetchImpl,
    });
    await expect(api.list()).resolves.toEqual([]);
    await expect(api.get('missing')).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('parseChallenge', () => {
  it('reads RFC 6750 auth-params', () => {
    expect(
      parseChallenge(
        'Bearer realm="notes", error="invalid_token", error_description="jwt \\"expired\\""',
      ),
    ).toEqual({
      realm: 'notes',
      error: 'invalid_token',
      error_description: 'jwt "expired"',
    });
    expect(parseChallenge(null)).toEqual({});
    expect(parseChallenge('Basic realm="x"')).toEqual({});
  });

  it('reads only the Bearer challenge of a header that carries several, and nothing of a malformed one', () => {
    expect(
      parseChallenge('DPoP algs="ES256", error="invalid_dpop_proof", Bearer error="invalid_token"'),
    ).toEqual({ error: 'invalid_token' });
    expect(parseChallenge('Bearer error="unterminated')).toEqual({});
  });
});
