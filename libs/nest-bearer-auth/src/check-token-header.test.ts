import { describe, expect, it } from 'vitest';
import { checkTokenHeader } from './check-token-header.js';

const HEADER = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' })).toString(
  'base64url',
);

describe('checkTokenHeader: compact JWS shape (RFC 7515 §7.1)', () => {
  it('reads alg and kid from a three-part token', () => {
    expect(checkTokenHeader(`${HEADER}.e30.c2ln`, ['RS256'])).toEqual({ alg: 'RS256', kid: 'k1' });
  });

  it('refuses anything but exactly three parts with a non-empty header, before any JSON parsing', () => {
    for (const token of [
      HEADER,
      `${HEADER}.e30`,
      `${HEADER}.e30.c2ln.extra`,
      `${HEADER}.e30.c2ln.`,
      `.${HEADER}.e30`,
      `${HEADER}...`,
    ]) {
      expect(() => checkTokenHeader(token, ['RS256']), token).toThrow(
        expect.objectContaining({ code: 'token_malformed' }),
      );
    }
  });
});
