import { describe, expect, it } from 'vitest';
import { extractCredentials, type BearerRequest } from './extract-credentials.js';

const extractBearerToken = (request: BearerRequest) => extractCredentials(request)?.token;

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';

describe('extractCredentials (RFC 6750 §2, RFC 9449 §7.1)', () => {
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

  it('reads the DPoP scheme with its proof header', () => {
    expect(
      extractCredentials({ headers: { authorization: `dpop ${TOKEN}`, dpop: 'a.b.c' } }),
    ).toEqual({ scheme: 'DPoP', token: TOKEN, proof: 'a.b.c' });
    expect(extractCredentials({ headers: { authorization: `Bearer ${TOKEN}` } })).toEqual({
      scheme: 'Bearer',
      token: TOKEN,
      proof: undefined,
    });
  });

  it('refuses the DPoP scheme without a proof, or with two', () => {
    expect(() => extractCredentials({ headers: { authorization: `DPoP ${TOKEN}` } })).toThrow(
      expect.objectContaining({ code: 'dpop_proof_missing', kind: 'invalid_dpop_proof' }),
    );
    const rawHeaders = ['Authorization', `DPoP ${TOKEN}`, 'DPoP', 'a.b.c', 'dpop', 'a.b.c'];
    expect(() =>
      extractCredentials({
        headers: { authorization: `DPoP ${TOKEN}`, dpop: 'a.b.c' },
        rawHeaders,
      }),
    ).toThrow(expect.objectContaining({ code: 'dpop_proof_malformed' }));
  });
});
