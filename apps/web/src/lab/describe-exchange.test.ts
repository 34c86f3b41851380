import { describe, expect, it } from 'vitest';
import { decodeForDisplay, describeRequest, describeResponse, shorten } from './describe-exchange';

const jwt = [
  Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'at+jwt' })).toString('base64url'),
  Buffer.from(JSON.stringify({ sub: 'u1', aud: 'http://localhost:3333' })).toString('base64url'),
  'c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU',
].join('.');

describe('describeRequest', () => {
  it('masks the client secret of Basic authentication and keeps the client id', () => {
    const basic = `Basic ${Buffer.from('web-client:top-secret-value').toString('base64')}`;
    const shown = describeRequest('POST', 'http://op/token', { authorization: basic });
    expect(shown.headers['authorization']).toBe('Basic base64(web-client:•••)');
    expect(JSON.stringify(shown)).not.toContain('top-secret-value');
  });

  it('masks passwords, csrf tokens and client secrets in forms, and shortens codes', () => {
    const body = new URLSearchParams({
      username: 'lab-victim',
      password: 'hunter2-hunter2',
      csrf: 'csrf-token-value',
      client_secret: 'the-secret',
      code: 'a-very-long-authorization-code-value',
    }).toString();
    const shown = describeRequest(
      'POST',
      'http://op/x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    );
    expect(shown.body).toContain('username=lab-victim');
    expect(shown.body).toContain('password=•••');
    for (const secret of ['hunter2-hunter2', 'csrf-token-value', 'the-secret', 'code-value'])
      expect(shown.body).not.toContain(secret);
  });

  it('decodes the JWT of a bearer token and shortens it on the wire', () => {
    const shown = describeRequest('GET', 'http://api/me', { authorization: `Bearer ${jwt}` });
    expect(shown.tokens).toEqual([
      {
        label: 'Authorization',
        header: { alg: 'RS256', typ: 'at+jwt' },
        payload: { sub: 'u1', aud: 'http://localhost:3333' },
      },
    ]);
    expect(shown.headers['authorization']).toBe(`Bearer ${shorten(jwt)}`);
  });

  it('decodes an unsigned token (alg none, empty signature)', () => {
    const none = `${jwt.split('.').slice(0, 2).join('.')}.`;
    expect(decodeForDisplay('t', none)?.header).toEqual({ alg: 'RS256', typ: 'at+jwt' });
    expect(decodeForDisplay('t', 'not-a-jwt')).toBeUndefined();
  });

  it('shortens a code in a URL', () => {
    const shown = describeRequest(
      'GET',
      'http://web/cb?code=abcdefghijklmnopqrstuvwxyz&state=s',
      {},
    );
    expect(shown.url).toBe('http://web/cb?code=abcdefghijkl…(26 chars)&state=s');
  });
});

describe('describeResponse', () => {
  it('reads the OAuth error, the challenge and Retry-After', () => {
    const shown = describeResponse(
      401,
      new Headers({ 'www-authenticate': 'Bearer error="invalid_token"', 'retry-after': '60' }),
      JSON.stringify({ error: 'invalid_token', error_description: 'expired', access_token: jwt }),
    );
    expect(shown).toMatchObject({
      status: 401,
      error: 'invalid_token',
      errorDescription: 'expired',
      wwwAuthenticate: 'Bearer error="invalid_token"',
      retryAfter: '60',
    });
    expect(shown.body).not.toContain(jwt);
  });

  it('keeps an error code in a JSON body, and cuts a long body visibly', () => {
    const error = describeResponse(
      401,
      new Headers(),
      JSON.stringify({ code: 'algorithm_not_allowed' }),
    );
    expect(error.body).toContain('"code": "algorithm_not_allowed"');
    const long = describeResponse(200, new Headers(), JSON.stringify({ keys: 'k'.repeat(2000) }));
    expect(long.body!.length).toBeLessThan(800);
    expect(long.body).toMatch(/…\(cut: \d+ chars in all\)$/);
  });

  it('reduces an HTML page to a short text excerpt', () => {
    const shown = describeResponse(
      400,
      new Headers(),
      '<html><body><h1>Oops</h1> <p>redirect_uri mismatch</p></body></html>',
    );
    expect(shown.body).toBe('Oops redirect_uri mismatch');
  });
});
