import { describe, expect, it } from 'vitest';
import { catchValidationError } from './testing/catch-validation-error.js';
import { TOKEN_TYPE_ERROR_CODES, TokenTypeValidationError } from './token-type-validation-error.js';

describe('TokenTypeValidationError', () => {
  it('names the code, the field and the rule, and lists every issue', () => {
    const error = new TokenTypeValidationError('ERR_TOKEN_RESPONSE_INVALID', 'scope', 'rule', [
      { field: 'scope', rule: 'rule' },
      { field: 'expires_in', rule: 'other' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TokenTypeValidationError');
    expect(error.message).toBe('ERR_TOKEN_RESPONSE_INVALID: scope: rule');
    expect(error.issues).toHaveLength(2);
    expect(Object.isFrozen(error.issues)).toBe(true);
  });

  it('defaults issues to the one broken rule', () => {
    const error = new TokenTypeValidationError('ERR_ID_TOKEN_CLAIMS_INVALID', 'sub', 'rule');
    expect(error.issues).toEqual([{ field: 'sub', rule: 'rule' }]);
  });

  it('maps server-side failures to their OAuth error in one place, and nothing else', () => {
    const mapped = Object.values(TOKEN_TYPE_ERROR_CODES).map((code) => [
      code,
      new TokenTypeValidationError(code, 'f', 'r').oauthError,
    ]);
    expect(Object.fromEntries(mapped)).toEqual({
      ERR_TOKEN_RESPONSE_INVALID: undefined,
      ERR_TOKEN_ERROR_RESPONSE_INVALID: undefined,
      ERR_AUTHORIZATION_RESPONSE_INVALID: undefined,
      ERR_JWT_ACCESS_TOKEN_CLAIMS_INVALID: 'invalid_token',
      ERR_ACCESS_TOKEN_TYPE_INVALID: 'invalid_token',
      ERR_ID_TOKEN_CLAIMS_INVALID: undefined,
      ERR_INTROSPECTION_RESPONSE_INVALID: undefined,
      ERR_REVOCATION_REQUEST_INVALID: 'invalid_request',
      ERR_AUTHORIZATION_SERVER_METADATA_INVALID: undefined,
      ERR_PROTECTED_RESOURCE_METADATA_INVALID: undefined,
      ERR_BEARER_CHALLENGE_INVALID: undefined,
    });
  });

  it('is what the test helper catches, and the helper refuses other outcomes', () => {
    expect(() => catchValidationError(() => undefined)).toThrow(/nothing was thrown/);
    expect(() =>
      catchValidationError(() => {
        throw new RangeError('other');
      }),
    ).toThrow(RangeError);
    expect(() =>
      catchValidationError(() => {
        throw new TokenTypeValidationError('ERR_TOKEN_RESPONSE_INVALID', 'x', 'Invalid input');
      }),
    ).toThrow(/cites no RFC/);
  });
});
