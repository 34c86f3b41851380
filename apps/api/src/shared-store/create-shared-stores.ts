/**
 * Where everything that must be shared by every API instance lives (GUIDE: "nothing that must be
 * shared lives in one process's memory"): Redis when `REDIS_URL` is set, else the database.
 * Holds the DPoP replay cache and the rate-limit counters; `close` releases what it opened.
 */
import type { PrismaClient } from '@oauth-ref/db';
import type { ReplayStore } from '@oauth-ref/nest-bearer-auth';
import { Redis } from 'ioredis';
import type { ApiConfig } from '../config/api-config.js';
import { createRateLimiters, type RateLimiters } from '../rate-limit/create-rate-limiters.js';
import { createPrismaReplayStore } from './prisma-replay-store.js';
import { createRedisReplayStore } from './redis-replay-store.js';

export interface SharedStores {
  readonly kind: 'redis' | 'database';
  readonly replayStore: ReplayStore;
  readonly rateLimiters: RateLimiters;
  close(): Promise<void>;
}

/**
 * Opens the shared stores for `config` (a Redis connection, or none with the database).
 *
 * @example
 * const stores = createSharedStores(config, prisma);
 */
export function createSharedStores(config: ApiConfig, prisma: PrismaClient): SharedStores {
  if (config.redisUrl !== undefined) {
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
    return {
      kind: 'redis',
      replayStore: createRedisReplayStore(redis),
      rateLimiters: createRateLimiters(config, { kind: 'redis', redis }),
      close: async () => {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  const replayStore = createPrismaReplayStore(prisma);
  return {
    kind: 'database',
    replayStore,
    rateLimiters: createRateLimiters(config, { kind: 'database', prisma }),
    close: () => {
      replayStore.close();
      return Promise.resolve();
    },
  };
}
