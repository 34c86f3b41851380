/**
 * DPoP proof, single use — RFC 9449 §11.1: a proof's `jti` is accepted once within the window
 * its `iat` is accepted in, on EVERY instance (the store is shared). The key is namespaced and
 * hashed (`dpop:` + SHA-256 of thumbprint and jti): bounded length, and one client's `jti`s can
 * never collide with another's. It is remembered until the proof could no longer pass the age
 * step anyway. This step runs last, so only an otherwise valid proof uses up its `jti`.
 */
import { createHash } from 'node:crypto';
import { InvalidDpopProofError } from '../errors/bearer-auth-error.js';
import type { ReplayStore } from './replay-store.js';

/**
 * Records the proof's `jti`; refuses it if it was recorded before.
 *
 * @example
 * await checkDpopReplay(store, { jti, iat }, thumbprint, 90);
 */
export async function checkDpopReplay(
  store: ReplayStore,
  proof: { readonly jti: string; readonly iat: number },
  thumbprint: string,
  rememberSeconds: number,
): Promise<void> {
  const key = `dpop:${createHash('sha256').update(`${thumbprint}:${proof.jti}`).digest('base64url')}`;
  const expiresAt = new Date((proof.iat + rememberSeconds) * 1000);
  if (!(await store.markUsed(key, expiresAt))) {
    throw new InvalidDpopProofError('dpop_proof_replayed', 'The DPoP proof was already used');
  }
}
