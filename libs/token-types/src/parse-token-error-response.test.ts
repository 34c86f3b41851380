import { describe, expect, it } from 'vitest';
import { parseTokenErrorResponse } from './parse-token-error-response.js';
import { catchValidationError } from './testing/catch-validation-error.js';

describe('parseTokenErrorResponse (RFC 6749 §5.2)', () => {
  it('accepts the §5.2 codes with description and URI', () => {
    for (const error of [
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
    ]) {
      expect(
        parseTokenErrorResponse({
          error,
          error_description: 'Something went wrong!',
          error_uri: 'https://as.example.com/errors#x',
        }).error,
      ).toBe(error);
    }
  });

  it('accepts extension codes such as use_dpop_nonce and authorization_pending', () => {
    expect(parseTokenErrorResponse({ error: 'use_dpop_nonce' }).error).toBe('use_dpop_nonce');
    expect(parseTokenErrorResponse({ error: 'authorization_pending', extra: 1 })['extra']).toBe(1);
  });

  it.each([
    ['error missing', { error_description: 'x' }, 'error'],
    ['error empty', { error: '' }, 'error'],
    ['error with a quote', { error: 'invalid"grant' }, 'error'],
    ['error non-ASCII', { error: 'invalid_grañt' }, 'error'],
    [
      'error_description with a backslash',
      { error: 'x', error_description: 'a\\b' },
      'error_description',
    ],
    [
      'error_description with a newline',
      { error: 'x', error_description: 'a\nb' },
      'error_description',
    ],
    [
      'error_description with a quote',
      { error: 'x', error_description: 'say "hi"' },
      'error_description',
    ],
    ['error_uri relative', { error: 'x', error_uri: '/errors/1' }, 'error_uri'],
    [
      'error_uri with a space',
      { error: 'x', error_uri: 'https://as.example.com/a b' },
      'error_uri',
    ],
  ])('refuses %s', (_, input, field) => {
    const error = catchValidationError(() => parseTokenErrorResponse(input));
    expect(error.code).toBe('ERR_TOKEN_ERROR_RESPONSE_INVALID');
    expect(error.field).toBe(field);
    expect(error.rule).toContain('RFC 6749 §5.2');
  });

  it('refuses a body that is not an object', () => {
    expect(catchValidationError(() => parseTokenErrorResponse('invalid_grant')).field).toBe(
      '(root)',
    );
  });
});
