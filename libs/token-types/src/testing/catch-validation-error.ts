/**
 * Test support: runs `run` and returns the TokenTypeValidationError it throws. It also insists
 * that every reported rule cites its specification, so no test passes on a bare zod message.
 */
import { TokenTypeValidationError } from '../token-type-validation-error.js';

const CITES_A_SPEC = /\b(RFC \d+|OIDC [A-Z])/;

export function catchValidationError(run: () => unknown): TokenTypeValidationError {
  try {
    run();
  } catch (error) {
    if (!(error instanceof TokenTypeValidationError)) throw error;
    const uncited = error.issues.find((issue) => !CITES_A_SPEC.test(issue.rule));
    if (uncited) throw new Error(`rule for ${uncited.field} cites no RFC: ${uncited.rule}`);
    return error;
  }
  throw new Error('expected a TokenTypeValidationError, but nothing was thrown');
}
