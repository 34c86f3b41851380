/**
 * The callback's query as a flow step may keep it: every parameter (state, iss, error, …) except
 * the authorization code, which is replaced by its length. A code is a bearer secret until it is
 * exchanged (RFC 6749 §10.5), so it is never stored or shown.
 */

/**
 * @example
 * redactCallbackParams({ code: 'abc', state: 'xyz' }); // { code: '[redacted authorization code, 3 characters]', state: 'xyz' }
 */
export function redactCallbackParams(
  query: Readonly<Record<string, string>>,
): Record<string, string> {
  const recorded = { ...query };
  if (recorded.code)
    recorded.code = `[redacted authorization code, ${recorded.code.length} characters]`;
  return recorded;
}
