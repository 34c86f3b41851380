/**
 * next-auth's logger receives `(code, metadata)` where metadata is an Error, `{ error, ... }` or
 * `{ message }`; this turns any of them into the one line a failure classifier reads.
 */

/**
 * @example
 * describeNextAuthError({ error: new Error('state mismatch'), providerId: 'oauth-ref' }); // 'state mismatch'
 */
export function describeNextAuthError(metadata: unknown): string {
  const record = (metadata ?? {}) as { error?: unknown; message?: unknown };
  const error = record.error ?? metadata;
  if (error instanceof Error) return error.message;
  if (typeof record.message === 'string') return record.message;
  return String(error);
}
