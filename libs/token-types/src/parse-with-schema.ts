/**
 * Runs a zod schema and turns its first issue into a `TokenTypeValidationError`. Every schema in
 * this library carries the rule text (with its RFC section) as the zod error message, so the
 * thrown error names the field and the rule. Internal.
 */
import type { z } from 'zod';
import {
  type TokenTypeErrorCode,
  type TokenTypeIssue,
  TokenTypeValidationError,
} from './token-type-validation-error.js';

/** The dotted path of a zod issue: `aud.1`, or `(root)` for the value itself. */
export function fieldOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Parses `input` with `schema`, or throws `TokenTypeValidationError` with `code`. */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  code: TokenTypeErrorCode,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: TokenTypeIssue[] = result.error.issues.map((issue) => ({
    field: fieldOf(issue.path),
    rule: issue.message,
  }));
  const [first] = issues as [TokenTypeIssue, ...TokenTypeIssue[]];
  throw new TokenTypeValidationError(code, first.field, first.rule, issues);
}
