/**
 * Decodes a JWT's header and claims for display. It does NOT verify anything: next-auth
 * (openid-client) has validated the ID token, and the API validates the access token. Used only on
 * the server; the inspector shows the decoded claims, never the compact token.
 */
export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
}

function decodePart(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error('not an object');
  return value as Record<string, unknown>;
}

/**
 * @example
 * decodeJwt(idToken)?.claims.sub; // '7b0f3c5e-...'
 * decodeJwt('opaque-token'); // null
 */
export function decodeJwt(token: string | null | undefined): DecodedJwt | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    return { header: decodePart(parts[0]!), claims: decodePart(parts[1]!) };
  } catch {
    return null;
  }
}
