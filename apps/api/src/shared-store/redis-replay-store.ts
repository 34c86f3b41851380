/**
 * The DPoP `jti` replay cache in Redis (RFC 9449 §11.1): `SET key 1 PX <ttl> NX` is atomic, so of
 * two instances racing with the same proof exactly one gets `OK`; Redis expires the key itself.
 */
import type { Redis } from 'ioredis';
import type { ReplayStore } from '@oauth-ref/nest-bearer-auth';

/**
 * A replay store on Redis.
 *
 * @example
 * const store = createRedisReplayStore(new Redis(url));
 * await store.markUsed('dpop:abc', new Date(Date.now() + 90_000)); // true, then false
 */
export function createRedisReplayStore(redis: Redis): ReplayStore {
  return {
    async markUsed(key, expiresAt) {
      const ttl = Math.max(1, expiresAt.getTime() - Date.now());
      return (await redis.set(key, '1', 'PX', ttl, 'NX')) === 'OK';
    },
  };
}
