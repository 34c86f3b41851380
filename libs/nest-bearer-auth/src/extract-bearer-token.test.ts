import { describe, expect, it } from 'vitest';
import { extractBearerToken } from './extract-bearer-token.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';

describe('extractBearerToken (RFC 6750 §2)', () => {
  it('reads the token from the Authorization header, scheme in any case', () => {
    expect(extractBearerToken({ headers: { authorization: `Bearer ${TOKEN}` } })).toBe(TOKEN);
    expect(extractBearerToken({ headers: { authorization: `bEaReR ${TOKEN}` } })).toBe(TOKEN);
  });

  it('returns undefined without credentials or with another scheme', () => {
    expect(extractBearerToken({ headers: {} })).toBeUndefined();
    expect(
      extractBearerToken({ headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
    ).toBeUndefined();
  });

  it('refuses a token in the query string even with no header', () => {
    expect(() => extractBearerToken({ headers: {}, query: { access_token: TOKEN } })).toThrow(
      expect.objectContaining({ code: 'token_in_query' }),
    );
  });

  it('refuses a token in a form body', () => {
    expect(() => extractBearerToken({ headers: {}, body: { access_token: TOKEN } })).toThrow(
      expect.objectContaining({ code: 'token_in_body' }),
    );
  });

  it('refuses two Authorization headers, counted from the raw headers', () => {
    const rawHeaders = ['Authorization', `Bearer ${TOKEN}`, 'authorization', `Bearer ${TOKEN}`];
    expect(() =>
      extractBearerToken({ headers: { authorization: `Bearer ${TOKEN}` }, rawHeaders }),
    ).toThrow(expect.objectContaining({ code: 'credentials_duplicated' }));
    expect(() =>
      extractBearerToken({ headers: { authorization: `Bearer ${TOKEN}` }, raw: { rawHeaders } }),
    ).toThrow(expect.objectContaining({ code: 'credentials_duplicated' }));
    expect(() =>
      extractBearerToken({ headers: { authorization: [`Bearer ${TOKEN}`, 'Bearer x'] } }),
    ).toThrow(expect.objectContaining({ code: 'credentials_duplicated' }));
  });

  it('refuses two credentials in one header', () => {
    expect(() =>
      extractBearerToken({ headers: { authorization: `Bearer ${TOKEN}, Basic abc` } }),
    ).toThrow(expect.objectContaining({ code: 'credentials_duplicated' }));
  });

  it('refuses a malformed Bearer header', () => {
    for (const authorization of ['Bearer', 'Bearer ', 'Bearer a b', 'Bearer "quoted"']) {
      expect(() => extractBearerToken({ headers: { authorization } }), authorization).toThrow(
        expect.objectContaining({ code: 'authorization_header_malformed' }),
      );
    }
  });
});
