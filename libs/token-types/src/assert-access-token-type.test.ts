import { describe, expect, it } from 'vitest';
import { assertAccessTokenType } from './assert-access-token-type.js';
import { catchValidationError } from './testing/catch-validation-error.js';

function failure(header: unknown) {
  const error = catchValidationError(() => assertAccessTokenType(header as { typ?: unknown }));
  expect(error.code).toBe('ERR_ACCESS_TOKEN_TYPE_INVALID');
  expect(error.oauthError).toBe('invalid_token');
  return error;
}

describe('assertAccessTokenType (RFC 9068 §2.1 / §4)', () => {
  it.each(['at+jwt', 'application/at+jwt', 'AT+JWT', 'Application/AT+JWT'])(
    'accepts typ %s (case-insensitive)',
    (typ) => {
      expect(() => assertAccessTokenType({ alg: 'RS256', typ })).not.toThrow();
    },
  );

  it.each([
    ['an ID token (typ JWT)', 'JWT'],
    ['no typ at all', undefined],
    ['a logout token', 'logout+jwt'],
    ['a near miss', 'at+jwt '],
    ['a non-string typ', 1],
  ])('refuses %s', (_, typ) => {
    const error = failure({ alg: 'RS256', typ });
    expect(error.field).toBe('typ');
    expect(error.rule).toContain('RFC 9068');
  });

  it.each([['none'], ['NONE'], [''], [undefined]])('refuses alg %j', (alg) => {
    expect(failure({ alg, typ: 'at+jwt' }).field).toBe('alg');
  });

  it('refuses a header that is not an object', () => {
    expect(failure(null).field).toBe('(root)');
    expect(failure('at+jwt').field).toBe('(root)');
  });
});
