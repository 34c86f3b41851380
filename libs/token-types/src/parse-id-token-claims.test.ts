import { describe, expect, it } from 'vitest';
import { parseIdTokenClaims } from './parse-id-token-claims.js';
import { catchValidationError } from './testing/catch-validation-error.js';

const claims = {
  iss: 'http://localhost:4000',
  sub: 'alice',
  aud: 'oauth-ref-web',
  exp: 1_800_000_300,
  iat: 1_800_000_000,
};

function failure(input: unknown) {
  const error = catchValidationError(() => parseIdTokenClaims(input));
  expect(error.code).toBe('ERR_ID_TOKEN_CLAIMS_INVALID');
  return error;
}

describe('parseIdTokenClaims (OIDC Core §2)', () => {
  it('accepts the required claims, the optional ones and extras', () => {
    const full = {
      ...claims,
      aud: ['oauth-ref-web', 'other'],
      auth_time: 1_799_999_000,
      nonce: 'n-0S6_WzA2Mj',
      acr: '0',
      amr: ['pwd'],
      azp: 'oauth-ref-web',
      at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q',
      c_hash: 'LDktKdoQak3Pk0cnXxCltA',
      sid: 'session-1',
      email: 'alice@example.com',
    };
    expect(parseIdTokenClaims(full)).toEqual(full);
  });

  it.each(['iss', 'sub', 'aud', 'exp', 'iat'] as const)(
    'refuses an ID token without %s',
    (claim) => {
      const { [claim]: _removed, ...rest } = claims;
      const error = failure(rest);
      expect(error.field).toBe(claim);
      expect(error.rule).toContain('OIDC Core §2');
    },
  );

  it('refuses a sub longer than 255 characters or outside ASCII', () => {
    expect(() => parseIdTokenClaims({ ...claims, sub: 'a'.repeat(255) })).not.toThrow();
    expect(failure({ ...claims, sub: 'a'.repeat(256) }).field).toBe('sub');
    expect(failure({ ...claims, sub: 'alicé' }).field).toBe('sub');
  });

  it.each([
    ['nonce empty', { nonce: '' }, 'nonce'],
    ['nonce a number', { nonce: 7 }, 'nonce'],
    ['auth_time a string', { auth_time: 'now' }, 'auth_time'],
    ['azp empty', { azp: '' }, 'azp'],
    ['amr a string', { amr: 'pwd' }, 'amr'],
    ['aud an empty array', { aud: [] }, 'aud'],
    ['at_hash empty', { at_hash: '' }, 'at_hash'],
    ['c_hash empty', { c_hash: '' }, 'c_hash'],
    ['sid empty', { sid: '' }, 'sid'],
    ['acr empty', { acr: '' }, 'acr'],
  ])('refuses %s', (_, change, field) => {
    expect(failure({ ...claims, ...change }).field).toBe(field);
  });

  it('refuses a payload that is not an object', () => {
    expect(failure([]).field).toBe('(root)');
  });
});
