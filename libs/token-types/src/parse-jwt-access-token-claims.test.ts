import { describe, expect, it } from 'vitest';
import { parseJwtAccessTokenClaims } from './parse-jwt-access-token-claims.js';
import { catchValidationError } from './testing/catch-validation-error.js';

const claims = {
  iss: 'http://localhost:4000',
  exp: 1_800_000_300,
  aud: 'http://localhost:3333',
  sub: '7b0f3c5e-2c1a-4d8e-9f4b-a11ce0000001',
  client_id: 'oauth-ref-web',
  iat: 1_800_000_000,
  jti: 'a1b2c3',
};

function failure(input: unknown) {
  const error = catchValidationError(() => parseJwtAccessTokenClaims(input));
  expect(error.code).toBe('ERR_JWT_ACCESS_TOKEN_CLAIMS_INVALID');
  expect(error.oauthError).toBe('invalid_token');
  return error;
}

describe('parseJwtAccessTokenClaims (RFC 9068 §2.2)', () => {
  it('accepts the required claims and keeps extra ones', () => {
    expect(parseJwtAccessTokenClaims({ ...claims, email: 'alice@example.com' })).toEqual({
      ...claims,
      email: 'alice@example.com',
    });
  });

  it('accepts the optional claims: scope, auth_time, acr, amr and an audience array', () => {
    const parsed = parseJwtAccessTokenClaims({
      ...claims,
      aud: ['http://localhost:3333', 'urn:other'],
      scope: 'openid notes:read',
      auth_time: 1_799_999_000,
      acr: 'urn:mace:incommon:iap:silver',
      amr: ['pwd', 'otp'],
    });
    expect(parsed.aud).toEqual(['http://localhost:3333', 'urn:other']);
    expect(parsed.amr).toEqual(['pwd', 'otp']);
  });

  it.each(['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti'] as const)(
    'refuses a token without %s',
    (claim) => {
      const { [claim]: _removed, ...rest } = claims;
      const error = failure(rest);
      expect(error.field).toBe(claim);
      expect(error.rule).toContain('RFC 9068 §2.2');
      expect(error.rule).toContain('REQUIRED');
    },
  );

  it.each([
    ['exp as a string', { exp: '1800000300' }, 'exp'],
    ['iat negative', { iat: -1 }, 'iat'],
    ['exp Infinity', { exp: Number.POSITIVE_INFINITY }, 'exp'],
    ['empty aud', { aud: '' }, 'aud'],
    ['empty aud array', { aud: [] }, 'aud'],
    ['aud array with a non-string', { aud: ['http://localhost:3333', 7] }, 'aud'],
    ['empty sub', { sub: '' }, 'sub'],
    ['client_id as a number', { client_id: 7 }, 'client_id'],
    ['scope as an array', { scope: ['notes:read'] }, 'scope'],
    ['scope with a trailing space', { scope: 'notes:read ' }, 'scope'],
    ['scope with a comma-free non-ASCII', { scope: 'notes:réad' }, 'scope'],
    ['auth_time as a string', { auth_time: 'yesterday' }, 'auth_time'],
    ['empty acr', { acr: '' }, 'acr'],
    ['amr as a string', { amr: 'pwd' }, 'amr'],
    ['amr with an empty entry', { amr: [''] }, 'amr.0'],
  ])('refuses %s', (_, change, field) => {
    expect(failure({ ...claims, ...change }).field).toBe(field);
  });

  it('refuses a payload that is not an object', () => {
    expect(failure('eyJ...').field).toBe('(root)');
  });

  it('does not let a JSON __proto__ member smuggle in claims such as scope', () => {
    const payload: unknown = JSON.parse(
      `{"iss":"i","exp":2,"aud":"a","sub":"s","client_id":"c","iat":1,"jti":"j","__proto__":{"scope":"notes:write"}}`,
    );
    const parsed = parseJwtAccessTokenClaims(payload);
    expect(parsed.scope).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});
