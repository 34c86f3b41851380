/**
 * For display only: splits a JWS compact serialisation (RFC 7515 §7.1) and decodes its header and
 * payload so a learner can read the claims. Nothing here verifies anything — the ID token was
 * validated by oauth4webapi, the access token is validated by the API, which is its audience.
 */

/** A decoded JWT, or the reason it could not be decoded (opaque tokens are not JWTs). */
export type DecodedJwt =
  | {
      readonly kind: 'jwt';
      readonly header: Record<string, unknown>;
      readonly payload: Record<string, unknown>;
    }
  | { readonly kind: 'opaque'; readonly reason: string };

/**
 * Decodes a JWT's header and payload (not verified) for display.
 *
 * @example
 * decodeJwtForDisplay(idToken); // { kind: 'jwt', header: { alg: 'RS256', ... }, payload: { sub: ... } }
 * decodeJwtForDisplay('opaque-refresh-token'); // { kind: 'opaque', reason: 'not a JWS compact serialisation' }
 */
export function decodeJwtForDisplay(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) return { kind: 'opaque', reason: 'not a JWS compact serialisation' };
  try {
    return {
      kind: 'jwt',
      header: decodeSegment(parts[0] ?? ''),
      payload: decodeSegment(parts[1] ?? ''),
    };
  } catch {
    return { kind: 'opaque', reason: 'segments are not base64url-encoded JSON' };
  }
}

function decodeSegment(segment: string): Record<string, unknown> {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('not a JSON object');
  }
  return value as Record<string, unknown>;
}
