/** Test support: runs `run` and returns the TokenTypeValidationError it throws. */
import { TokenTypeValidationError } from '../token-type-validation-error.js';

export function catchValidationError(run: () => unknown): TokenTypeValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof TokenTypeValidationError) return error;
    throw error;
  }
  throw new Error('expected a TokenTypeValidationError, but nothing was thrown');
}
