import { describe, expect, it } from 'vitest';
import { parseRevocationRequest } from './parse-revocation-request.js';
import { catchValidationError } from './testing/catch-validation-error.js';

function failure(input: unknown) {
  const error = catchValidationError(() => parseRevocationRequest(input));
  expect(error.code).toBe('ERR_REVOCATION_REQUEST_INVALID');
  expect(error.oauthError).toBe('invalid_request');
  return error;
}

describe('parseRevocationRequest (RFC 7009 §2.1)', () => {
  it('accepts a form body with token and hint, passing client authentication through', () => {
    const body = new URLSearchParams({
      token: 't1',
      token_type_hint: 'refresh_token',
      client_id: 'm',
    });
    expect(parseRevocationRequest(body)).toEqual({
      token: 't1',
      token_type_hint: 'refresh_token',
      client_id: 'm',
    });
  });

  it('accepts a token without a hint, and an extension hint', () => {
    expect(parseRevocationRequest({ token: 't1' })).toEqual({ token: 't1' });
    expect(parseRevocationRequest({ token: 't1', token_type_hint: 'pct' }).token_type_hint).toBe(
      'pct',
    );
  });

  it('refuses a missing or empty token', () => {
    expect(failure({ token_type_hint: 'access_token' }).field).toBe('token');
    expect(failure(new URLSearchParams('token=')).field).toBe('token');
  });

  it('refuses an empty hint', () => {
    expect(failure({ token: 't', token_type_hint: '' }).field).toBe('token_type_hint');
  });

  it('refuses a repeated parameter (RFC 6749 §3.2)', () => {
    expect(failure(new URLSearchParams('token=a&token=b')).field).toBe('token');
  });

  it('refuses a body that is not a set of parameters', () => {
    expect(failure('token=a').field).toBe('(root)');
  });
});
