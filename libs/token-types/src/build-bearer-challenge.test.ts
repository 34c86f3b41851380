import { describe, expect, it } from 'vitest';
import { BEARER_ERROR_STATUS } from './bearer-challenge.js';
import { buildBearerChallenge } from './build-bearer-challenge.js';
import { parseBearerChallenge } from './parse-bearer-challenge.js';
import { catchValidationError } from './testing/catch-validation-error.js';

function failure(options: unknown) {
  const error = catchValidationError(() => buildBearerChallenge(options as object));
  expect(error.code).toBe('ERR_BEARER_CHALLENGE_INVALID');
  return error;
}

describe('buildBearerChallenge (RFC 6750 §3, RFC 9728 §5.1)', () => {
  it('sends a bare challenge when the request had no credentials', () => {
    expect(buildBearerChallenge()).toBe('Bearer');
    expect(buildBearerChallenge({})).toBe('Bearer');
    expect(buildBearerChallenge({ realm: 'example' })).toBe('Bearer realm="example"');
  });

  it('builds the RFC 6750 §3 example', () => {
    expect(
      buildBearerChallenge({
        realm: 'example',
        error: 'invalid_token',
        errorDescription: 'The access token expired',
      }),
    ).toBe(
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
    );
  });

  it('adds scope, error_uri and resource_metadata in a fixed order', () => {
    expect(
      buildBearerChallenge({
        resourceMetadata: 'http://localhost:3333/.well-known/oauth-protected-resource',
        scope: new Set(['notes:write', 'notes:read']),
        errorUri: 'https://docs.example.com/errors#scope',
        error: 'insufficient_scope',
      }),
    ).toBe(
      'Bearer error="insufficient_scope", error_uri="https://docs.example.com/errors#scope", ' +
        'scope="notes:write notes:read", resource_metadata="http://localhost:3333/.well-known/oauth-protected-resource"',
    );
    expect(buildBearerChallenge({ scope: 'openid  openid'.replace('  ', ' ') })).toBe(
      'Bearer scope="openid"',
    );
  });

  it('escapes " and \\ in the realm as a quoted-string', () => {
    const header = buildBearerChallenge({ realm: 'say "hi" \\ bye' });
    expect(header).toBe('Bearer realm="say \\"hi\\" \\\\ bye"');
    expect(parseBearerChallenge(header).realm).toBe('say "hi" \\ bye');
  });

  it('refuses control and non-ASCII characters in the realm', () => {
    expect(failure({ realm: 'a\r\nSet-Cookie: x=y' }).field).toBe('realm');
    expect(failure({ realm: 'réalm' }).field).toBe('realm');
    expect(failure({ realm: 7 }).field).toBe('realm');
  });

  it('allows only the three RFC 6750 §3.1 error codes', () => {
    for (const error of ['invalid_request', 'invalid_token', 'insufficient_scope'] as const) {
      expect(buildBearerChallenge({ error })).toBe(`Bearer error="${error}"`);
    }
    const error = failure({ error: 'invalid_grant' });
    expect(error.field).toBe('error');
    expect(error.rule).toContain('RFC 6750 §3.1');
  });

  it.each([
    ['a double quote', 'token "abc" expired'],
    ['a backslash', 'path C:\\x'],
    ['a newline (header injection)', 'expired\r\nSet-Cookie: a=b'],
    ['a tab', 'expired\tnow'],
    ['a non-ASCII character', 'expiré'],
  ])('refuses an error_description with %s instead of escaping it', (_, errorDescription) => {
    const error = failure({ error: 'invalid_token', errorDescription });
    expect(error.field).toBe('errorDescription');
    expect(error.rule).toContain('%x20-21 / %x23-5B / %x5D-7E');
  });

  it('refuses error_description or error_uri without an error', () => {
    expect(failure({ errorDescription: 'expired' }).field).toBe('errorDescription');
    expect(failure({ errorUri: 'https://docs.example.com/e' }).field).toBe('errorUri');
  });

  it('refuses an error_uri that is relative or holds a forbidden character', () => {
    expect(failure({ error: 'invalid_token', errorUri: '/errors' }).field).toBe('errorUri');
    expect(failure({ error: 'invalid_token', errorUri: 'https://x.example/a"b' }).field).toBe(
      'errorUri',
    );
  });

  it('refuses a malformed or empty scope', () => {
    for (const scope of ['notes:read  notes:write', '', [], ['notes read'], 7]) {
      const error = failure({ error: 'insufficient_scope', scope });
      expect(error.field).toBe('scope');
      expect(error.rule).toContain('RFC 6749 §3.3');
    }
  });

  it('refuses a resource_metadata URL that is insecure, relative or breaks quoting', () => {
    for (const resourceMetadata of [
      'http://api.example.com/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource',
      'https://api.example.com/a"b',
      'https://api.example.com/a\\b',
    ]) {
      expect(failure({ resourceMetadata }).field).toBe('resourceMetadata');
    }
  });

  it('refuses options that are not an object', () => {
    expect(failure(null).field).toBe('(root)');
  });

  it('maps each error code to its RFC 6750 §3.1 status', () => {
    expect(BEARER_ERROR_STATUS).toEqual({
      invalid_request: 400,
      invalid_token: 401,
      insufficient_scope: 403,
    });
  });
});
