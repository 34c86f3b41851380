/**
 * RFC 6749 §3.1 / §3.2: "Request and response parameters MUST NOT be included more than once."
 * Authorization responses arrive as query parameters and revocation requests as form bodies, so
 * both validators accept `URLSearchParams` and refuse a repeated parameter rather than silently
 * taking the first or last value. Internal.
 */
import {
  type TokenTypeErrorCode,
  TokenTypeValidationError,
} from './token-type-validation-error.js';

/** A plain record from `URLSearchParams` (refusing duplicates), or `input` unchanged. */
export function toParameterRecord(input: unknown, code: TokenTypeErrorCode): unknown {
  if (!(input instanceof URLSearchParams)) return input;
  const seen = new Set<string>();
  for (const name of input.keys()) {
    if (seen.has(name)) {
      throw new TokenTypeValidationError(
        code,
        name,
        `RFC 6749 §3.1: parameters MUST NOT be included more than once (${name} is repeated)`,
      );
    }
    seen.add(name);
  }
  // Object.fromEntries defines own properties, so a `__proto__` parameter stays a parameter.
  return Object.fromEntries(input);
}
