import { describe, expect, it } from 'vitest';
import { catchValidationError } from './testing/catch-validation-error.js';
import { TokenTypeValidationError } from './token-type-validation-error.js';

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
    const error = new TokenTypeValidationError('ERR_TOKEN_ERROR_RESPONSE_INVALID', 'error', 'rule');
    expect(error.issues).toEqual([{ field: 'error', rule: 'rule' }]);
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
