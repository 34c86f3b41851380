import { describe, expect, it } from 'vitest';
import { acceptsTokenType, requiredClaims } from './token-profile.js';

describe('acceptsTokenType', () => {
  it('rfc9068 takes only at+jwt (any case, with or without application/)', () => {
    for (const typ of ['at+jwt', 'AT+JWT', 'application/at+jwt'])
      expect(acceptsTokenType('rfc9068', typ)).toBe(true);
    for (const typ of [undefined, 'JWT', 'jwt', 'logout+jwt', '', 42])
      expect(acceptsTokenType('rfc9068', typ)).toBe(false);
  });

  it('generic-jwt also takes typ absent or JWT, and still refuses every other type', () => {
    for (const typ of [undefined, 'JWT', 'jwt', 'application/jwt', 'at+jwt'])
      expect(acceptsTokenType('generic-jwt', typ)).toBe(true);
    for (const typ of ['logout+jwt', 'dpop+jwt', 'secevent+jwt', 'JOSE', '', null, 1])
      expect(acceptsTokenType('generic-jwt', typ)).toBe(false);
  });
});

describe('requiredClaims', () => {
  it('rfc9068 requires client_id and jti; generic-jwt only sub, iat, exp besides iss and aud', () => {
    expect(requiredClaims('rfc9068')).toEqual([
      'iss',
      'sub',
      'aud',
      'client_id',
      'iat',
      'exp',
      'jti',
    ]);
    expect(requiredClaims('generic-jwt')).toEqual(['iss', 'sub', 'aud', 'iat', 'exp']);
  });
});
