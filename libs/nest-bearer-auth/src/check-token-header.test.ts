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

describe('checkTokenHeader: the last passed header is remembered only for that exact segment', () => {
  const segment = (header: object) => Buffer.from(JSON.stringify(header)).toString('base64url');
  const GOOD = segment({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' });

  it('gives the same verdict again for the same segment, with any payload and signature', () => {
    const algorithms = Object.freeze(['RS256'] as const);
    const first = checkTokenHeader(`${GOOD}.e30.c2ln`, algorithms);
    expect(checkTokenHeader(`${GOOD}.eyJhIjoxfQ.b3RoZXI`, algorithms)).toEqual(first);
  });

  it('checks a segment that only starts like the passed one in full', () => {
    const algorithms = Object.freeze(['RS256'] as const);
    checkTokenHeader(`${GOOD}.e30.c2ln`, algorithms);
    // the passed segment plus more: another header, which must be decoded (here: not JSON)
    expect(() => checkTokenHeader(`${GOOD}AAAA.e30.c2ln`, algorithms)).toThrow(
      expect.objectContaining({ code: 'token_malformed' }),
    );
  });

  it('keeps every refusal for other segments after a pass', () => {
    const algorithms = Object.freeze(['RS256'] as const);
    checkTokenHeader(`${GOOD}.e30.c2ln`, algorithms);
    const refused: [object, string][] = [
      [{ alg: 'none', typ: 'at+jwt', kid: 'k1' }, 'algorithm_not_allowed'],
      [{ alg: 'HS256', typ: 'at+jwt', kid: 'k1' }, 'algorithm_not_allowed'],
      [{ alg: 'RS256', typ: 'JWT', kid: 'k1' }, 'type_not_access_token'],
      [{ alg: 'RS256', typ: 'at+jwt', kid: 'k1', crit: ['exp'] }, 'critical_header_unsupported'],
      [{ alg: 'RS256', typ: 'at+jwt', kid: '' }, 'token_malformed'],
    ];
    for (const [header, code] of refused) {
      expect(() => checkTokenHeader(`${segment(header)}.e30.c2ln`, algorithms), code).toThrow(
        expect.objectContaining({ code }),
      );
      // and the refused header did not replace the passed one's verdict
      expect(checkTokenHeader(`${GOOD}.e30.c2ln`, algorithms).alg).toBe('RS256');
    }
  });

  it('does not carry a verdict to another allowlist or another profile', () => {
    const generic = Object.freeze(['RS256'] as const);
    const token = `${segment({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.e30.c2ln`;
    expect(checkTokenHeader(token, generic, 'generic-jwt').alg).toBe('RS256');
    expect(() => checkTokenHeader(token, generic, 'rfc9068')).toThrow(
      expect.objectContaining({ code: 'type_not_access_token' }),
    );
    expect(() => checkTokenHeader(token, Object.freeze(['ES256'] as const), 'generic-jwt')).toThrow(
      expect.objectContaining({ code: 'algorithm_not_allowed' }),
    );
  });

  it('remembers nothing for an allowlist that can still change', () => {
    const algorithms: string[] = ['RS256'];
    checkTokenHeader(`${GOOD}.e30.c2ln`, algorithms);
    algorithms.splice(0, 1, 'ES256');
    expect(() => checkTokenHeader(`${GOOD}.e30.c2ln`, algorithms)).toThrow(
      expect.objectContaining({ code: 'algorithm_not_allowed' }),
    );
  });
});
