/**
 * Building blocks shared by the claim and message schemas (internal):
 * - RFC 6749 §3.3 `scope`: validated with `@oauth-ref/scopes`, kept as the original string.
 * - RFC 6749 §5.2 / RFC 6750 §3: error codes and descriptions use only %x20-21 / %x23-5B / %x5D-7E.
 */
import { parseScope } from '@oauth-ref/scopes';
import { z } from 'zod';

/** A non-empty string; `rule` is the error text. */
export function nonEmptyString(rule: string) {
  return z.string({ error: rule }).min(1, { error: rule });
}

/** True when `value` is a valid RFC 6749 §3.3 scope. */
export function isScopeValue(value: string): boolean {
  try {
    parseScope(value);
    return true;
  } catch {
    return false;
  }
}

/** RFC 6749 §3.3 scope string. */
export function scopeString(rule: string) {
  return z.string({ error: rule }).refine(isScopeValue, { error: rule });
}

/** One RFC 6749 §3.3 scope-token (no spaces). */
export function scopeToken(rule: string) {
  return z
    .string({ error: rule })
    .refine((value) => !value.includes(' ') && isScopeValue(value), { error: rule });
}

/** RFC 6749 §5.2 / §4.1.2.1: `error` and `error_description` use %x20-21 / %x23-5B / %x5D-7E. */
export const NQSCHAR = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** RFC 6749 §5.2: `error_uri` uses %x21 / %x23-5B / %x5D-7E. */
export const URI_CHARS = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** An OAuth `error` code: one or more NQSCHAR. */
export function errorCode(rule: string) {
  return z.string({ error: rule }).regex(/^[\x20\x21\x23-\x5b\x5d-\x7e]+$/, { error: rule });
}

/** An OAuth `error_description`: NQSCHAR only. */
export function errorDescription(rule: string) {
  return z.string({ error: rule }).regex(NQSCHAR, { error: rule });
}

/** An OAuth `error_uri`: an absolute URI in %x21 / %x23-5B / %x5D-7E. */
export function errorUri(rule: string) {
  return z
    .string({ error: rule })
    .regex(URI_CHARS, { error: rule })
    .refine((value) => URL.canParse(value), { error: rule });
}
