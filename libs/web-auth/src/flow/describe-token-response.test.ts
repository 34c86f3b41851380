import { describe, expect, it } from 'vitest';
import { decodeJwt } from './decode-jwt.js';
import { describeTokenResponse } from './describe-token-response.js';
import { redactToken } from './redact-token.js';

const jwt = `${Buffer.from('{"alg":"RS256","typ":"at+jwt","kid":"k1"}').toString('base64url')}.${Buffer.from('{"sub":"alice","aud":"http://localhost:3333"}').toString('base64url')}.sig`;

describe('describeTokenResponse', () => {
  it('keeps redacted tokens and decoded claims, never a compact token', () => {
    const detail = describeTokenResponse({
      access_token: jwt,
      refresh_token: 'opaque-refresh',
      id_token: null,
      token_type: 'bearer',
      expires_at: 10,
    });
    expect(detail.redacted).toEqual({
      access_token: `[redacted JWT, ${jwt.length} characters]`,
      refresh_token: '[redacted opaque token, 14 characters]',
      id_token: null,
    });
    expect(detail.accessToken).toEqual({
      header: { alg: 'RS256', typ: 'at+jwt', kid: 'k1' },
      claims: { sub: 'alice', aud: 'http://localhost:3333' },
    });
    expect(JSON.stringify(detail)).not.toContain(jwt);
    expect(JSON.stringify(detail)).not.toContain('opaque-refresh');
  });
});

describe('decodeJwt', () => {
  it('returns null for opaque or malformed tokens', () => {
    expect(decodeJwt('opaque')).toBeNull();
    expect(decodeJwt('a.b.c')).toBeNull();
    expect(
      decodeJwt(
        `${Buffer.from('[1]').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.x`,
      ),
    ).toBeNull();
    expect(decodeJwt(undefined)).toBeNull();
  });
});

describe('redactToken', () => {
  it('reports kind and length only', () => {
    expect(redactToken('a.b.c')).toBe('[redacted JWT, 5 characters]');
    expect(redactToken(null)).toBeNull();
  });
});
