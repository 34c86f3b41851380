import { describe, expect, it } from 'vitest';
import {
  authorizationResponseSchema,
  parseAuthorizationResponse,
} from './parse-authorization-response.js';
import { catchValidationError } from './testing/catch-validation-error.js';

const issuer = 'http://localhost:4000';

function failure(input: unknown, expectations = {}) {
  const error = catchValidationError(() => parseAuthorizationResponse(input, expectations));
  expect(error.code).toBe('ERR_AUTHORIZATION_RESPONSE_INVALID');
  return error;
}

describe('parseAuthorizationResponse (RFC 6749 §4.1.2, RFC 9207)', () => {
  it('accepts a success response from a query string, with state and iss', () => {
    const params = new URLSearchParams({ code: 'c1', state: 's1', iss: issuer });
    expect(
      parseAuthorizationResponse(params, {
        expectedState: 's1',
        expectedIssuer: issuer,
        issuerRequired: true,
      }),
    ).toEqual({ code: 'c1', state: 's1', iss: issuer });
  });

  it('accepts an error response and tells it apart with "error" in response', () => {
    const response = parseAuthorizationResponse(
      { error: 'access_denied', error_description: 'The user said no', state: 's1', iss: issuer },
      { expectedState: 's1', expectedIssuer: issuer },
    );
    expect('error' in response && response.error).toBe('access_denied');
  });

  it('accepts a response without iss when the server does not promise one', () => {
    expect(parseAuthorizationResponse({ code: 'c1' }, { expectedIssuer: issuer })).toEqual({
      code: 'c1',
    });
  });

  it('refuses a missing or empty code', () => {
    expect(failure({ state: 's1' }).field).toBe('code');
    expect(failure({ code: '' }).field).toBe('code');
  });

  it('refuses a response carrying both code and error', () => {
    expect(failure({ code: 'c1', error: 'access_denied' }).field).toBe('code');
  });

  it('refuses malformed error fields', () => {
    expect(failure({ error: '' }).field).toBe('error');
    expect(failure({ error: 'x', error_description: 'a "quoted" word' }).field).toBe(
      'error_description',
    );
    expect(failure({ error: 'x', error_uri: 'not a uri' }).field).toBe('error_uri');
  });

  it('refuses a repeated parameter (RFC 6749 §3.1) instead of picking one', () => {
    const error = failure(new URLSearchParams('code=c1&state=s1&code=c2'));
    expect(error.field).toBe('code');
    expect(error.rule).toContain('§3.1');
  });

  it('does not let a __proto__ parameter change the prototype of the result', () => {
    const response = parseAuthorizationResponse(
      new URLSearchParams('code=c1&__proto__=x&constructor=y'),
    );
    expect(Object.getPrototypeOf(response)).toBe(Object.prototype);
    expect(response.code).toBe('c1');
  });

  it('refuses a state that differs from the one sent, or is missing (CSRF, §10.12)', () => {
    expect(failure({ code: 'c1', state: 'other' }, { expectedState: 's1' }).field).toBe('state');
    expect(failure({ code: 'c1' }, { expectedState: 's1' }).rule).toContain('§10.12');
    expect(failure({ error: 'access_denied', state: 'x' }, { expectedState: 's1' }).field).toBe(
      'state',
    );
  });

  it('refuses an iss that is not exactly the expected issuer (mix-up defence, RFC 9207 §2.4)', () => {
    for (const iss of [`${issuer}/`, 'HTTP://localhost:4000', 'http://evil.example']) {
      const error = failure({ code: 'c1', iss }, { expectedIssuer: issuer });
      expect(error.field).toBe('iss');
      expect(error.rule).toContain('RFC 9207 §2.4');
    }
  });

  it('refuses a missing iss when the server advertises it, for errors too', () => {
    expect(failure({ code: 'c1' }, { issuerRequired: true }).field).toBe('iss');
    expect(failure({ error: 'access_denied' }, { issuerRequired: true }).field).toBe('iss');
    expect(failure({ code: 'c1', iss: '' }).field).toBe('iss');
  });

  it('refuses input that is not a set of parameters', () => {
    expect(failure(null).field).toBe('(root)');
    expect(failure('code=c1').field).toBe('(root)');
  });

  it('exports a union schema that takes either kind and refuses neither', () => {
    expect(authorizationResponseSchema.parse({ code: 'c1' })).toEqual({ code: 'c1' });
    expect(authorizationResponseSchema.parse({ error: 'access_denied' })).toEqual({
      error: 'access_denied',
    });
    expect(authorizationResponseSchema.safeParse({ state: 's1' }).success).toBe(false);
  });
});
