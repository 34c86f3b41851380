/**
 * How a token appears in the flow inspector by default: its kind and size, never its value.
 *
 * @example
 * redactToken('eyJ...'); // '[redacted JWT, 812 characters]'
 */
export function redactToken(token: string | null | undefined): string | null {
  if (!token) return null;
  const kind = token.split('.').length === 3 ? 'JWT' : 'opaque token';
  return `[redacted ${kind}, ${token.length} characters]`;
}
