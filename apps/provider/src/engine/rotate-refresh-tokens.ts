/**
 * RFC 9700 §4.14.2: a public client's refresh token rotates on every use, and the engine revokes
 * the whole grant when a rotated (consumed) token is presented again (reuse detection). A
 * confidential client's token rotates once 70% of its lifetime has passed
 * (`refresh-and-machine.test.ts` pins both).
 */
import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * The engine's `rotateRefreshToken` policy.
 *
 * @example
 * const configuration = { rotateRefreshToken: rotateRefreshTokens };
 */
export function rotateRefreshTokens(ctx: KoaContextWithOIDC): boolean {
  const { RefreshToken: token, Client: client } = ctx.oidc.entities;
  if (!token || !client) return false;
  if (client.clientAuthMethod === 'none') return true;
  return token.ttlPercentagePassed() >= 70;
}
