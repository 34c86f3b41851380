import { describe, expect, it } from 'vitest';
import { buildBearerChallenge } from './build-bearer-challenge.js';
import { parseBearerChallenge } from './parse-bearer-challenge.js';
import { catchValidationError } from './testing/catch-validation-error.js';

function failure(header: unknown) {
  const error = catchValidationError(() => parseBearerChallenge(header as string));
  expect(error.code).toBe('ERR_BEARER_CHALLENGE_INVALID');
  return error;
}

describe('parseBearerChallenge (RFC 6750 §3, RFC 9110 §11.6.1, RFC 9728 §5.1)', () => {
  it('parses the RFC 6750 §3 example', () => {
    expect(
      parseBearerChallenge(
        'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      ),
    ).toEqual({
      scheme: 'Bearer',
      realm: 'example',
      error: 'invalid_token',
      errorDescription: 'The access token expired',
      params: {
        realm: 'example',
        error: 'invalid_token',
        error_description: 'The access token expired',
      },
    });
  });

  it('round-trips everything buildBearerChallenge produces', () => {
    const options = {
      realm: 'notes',
      error: 'insufficient_scope',
      errorDescription: 'Needs notes:write',
      errorUri: 'https://docs.example.com/errors',
      scope: 'notes:write',
      resourceMetadata: 'http://localhost:3333/.well-known/oauth-protected-resource',
    } as const;
    expect(parseBearerChallenge(buildBearerChallenge(options))).toMatchObject(options);
  });

  it('treats the scheme and parameter names case-insensitively and allows tokens and BWS', () => {
    const challenge = parseBearerChallenge('bEaReR Realm = notes ,ERROR=invalid_token');
    expect(challenge).toMatchObject({ scheme: 'Bearer', realm: 'notes', error: 'invalid_token' });
    expect(challenge.params).toEqual({ realm: 'notes', error: 'invalid_token' });
  });

  it('finds the Bearer challenge among several, and uses the first Bearer one', () => {
    const header =
      'DPoP algs="ES256 PS256", error="use_dpop_nonce", Basic realm="x", ' +
      'Negotiate YWxhZGRpbjpvcGVuc2VzYW1l==, Bearer realm="first", Bearer realm="second"';
    expect(parseBearerChallenge(header).realm).toBe('first');
    expect(parseBearerChallenge('Basic, Bearer').params).toEqual({});
    expect(parseBearerChallenge('Basic , Bearer ').params).toEqual({});
  });

  it('reads resource_metadata (RFC 9728 §5.1) and keeps unknown and extension parameters', () => {
    const challenge = parseBearerChallenge(
      'Bearer resource_metadata="https://api.example.com/.well-known/oauth-protected-resource", ' +
        'error="insufficient_user_authentication", acr_values="urn:mfa", max_age=5',
    );
    expect(challenge.resourceMetadata).toBe(
      'https://api.example.com/.well-known/oauth-protected-resource',
    );
    expect(challenge.error).toBe('insufficient_user_authentication');
    expect(challenge.params['max_age']).toBe('5');
    expect(Object.isFrozen(challenge)).toBe(true);
  });

  it('unescapes quoted-pairs and ignores empty list elements', () => {
    const challenge = parseBearerChallenge(
      'Bearer realm="a \\"b\\" \\\\ c" ,, , error="invalid_token"',
    );
    expect(challenge.realm).toBe('a "b" \\ c');
    expect(challenge.error).toBe('invalid_token');
    expect(parseBearerChallenge(' , \tBearer realm="x"').realm).toBe('x');
  });

  it('refuses a header without a Bearer challenge', () => {
    for (const header of ['', 'Basic realm="x"', 'DPoP algs="ES256"', 'Bearerish realm="x"']) {
      expect(failure(header).field).toBe('scheme');
    }
  });

  it('refuses a repeated parameter (RFC 6750 §3: no attribute more than once)', () => {
    const error = failure('Bearer realm="a", realm="b"');
    expect(error.field).toBe('realm');
    expect(failure('Bearer error="invalid_token", ERROR="invalid_request"').field).toBe('error');
  });

  it('refuses a Bearer challenge carrying a token68', () => {
    expect(failure('Bearer abc123==').rule).toContain('token68');
  });

  it.each([
    ['an unterminated quoted-string', 'Bearer realm="abc', 'realm'],
    ['a dangling backslash', 'Bearer realm="abc\\', 'realm'],
    ['an escaped control character', 'Bearer realm="a\\\nb"', 'realm'],
    ['a raw control character', 'Bearer realm="a\u0001b"', 'realm'],
    ['a name without "="', 'Bearer realm "x"', 'realm'],
    ['a missing value', 'Bearer error="x", realm=', 'realm'],
    ['params without a comma', 'Bearer realm="a" error="b"', '(root)'],
    ['a stray character after the scheme', 'Bearer="x"', '(root)'],
    ['a bad character where a scheme belongs', '"Bearer"', '(root)'],
    ['a parameter without a name', 'Bearer =x', '(root)'],
  ])('refuses %s', (_, header, field) => {
    const error = failure(header);
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(/RFC 9110 §(5\.6\.4|11\.2|11\.6\.1).*at position \d+/);
  });

  it.each([
    [
      'an error_description with a backslash',
      'Bearer error="x", error_description="a\\\\b"',
      'error_description',
    ],
    [
      'an error_description with a quote',
      'Bearer error="x", error_description="a\\"b"',
      'error_description',
    ],
    [
      'an error_description with a tab',
      'Bearer error="x", error_description="a\tb"',
      'error_description',
    ],
    ['an empty error', 'Bearer error=""', 'error'],
    ['a relative error_uri', 'Bearer error="x", error_uri="/e"', 'error_uri'],
    ['a malformed scope', 'Bearer scope="notes:read  notes:write"', 'scope'],
    [
      'an insecure resource_metadata',
      'Bearer resource_metadata="http://evil.example/m"',
      'resource_metadata',
    ],
  ])('refuses %s', (_, header, field) => {
    const error = failure(header);
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(/RFC (6750|9728)/);
  });

  it('refuses a value that is not a string', () => {
    expect(failure(undefined).field).toBe('(root)');
  });
});
