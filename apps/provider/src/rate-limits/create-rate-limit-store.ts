/**
 * Where shared counters live (GUIDE: "nothing that must be shared lives in one process's memory"):
 * the database by default (the `RateLimiterFlexible` table: rate-limiter-flexible's
 * RateLimiterPrisma, and `attempts`, which counts both keys of a login attempt in one statement),
 * Redis when `REDIS_URL` is set (RateLimiterRedis over ioredis). Both increment atomically in the
 * store, so every instance spends one budget.
 */
import { Redis } from 'ioredis';
import {
  RateLimiterPrisma,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { createDatabaseAttemptCounter, type AttemptCounter } from './database-attempt-counter.js';

export interface RateLimitBudget {
  /** Namespace of the keys (`login:user`, `login:ip`). */
  readonly keyPrefix: string;
  /** Attempts allowed per key and window. */
  readonly points: number;
  readonly windowSeconds: number;
}

export interface RateLimitStore {
  /** A limiter for one budget, counting in this store. */
  limiter(budget: RateLimitBudget): RateLimiterAbstract;
  /**
   * Counters that take several keys per statement, when the store has them (the database: one
   * round trip per login decision instead of two per key); otherwise `limiter` is used.
   */
  readonly attempts?: AttemptCounter;
  /** Which store counts (for the start banner). */
  readonly description: string;
  close(): Promise<void>;
}

export function createPrismaRateLimitStore(prisma: ProviderPrisma): RateLimitStore {
  return {
    description: 'database (RateLimiterFlexible table)',
    attempts: createDatabaseAttemptCounter(prisma),
    limiter: (budget) =>
      new RateLimiterPrisma({
        storeClient: prisma,
        // The Prisma client's delegate for the `RateLimiterFlexible` model.
        tableName: 'rateLimiterFlexible',
        // Our sweeper deletes expired rows on every instance; no timer per limiter.
        clearExpiredByTimeout: false,
        keyPrefix: budget.keyPrefix,
        points: budget.points,
        duration: budget.windowSeconds,
      }),
    close: async () => undefined,
  };
}

export function createRedisRateLimitStore(redisUrl: string): RateLimitStore {
  const redis = new Redis(redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 2 });
  return {
    description: `redis (${new URL(redisUrl).host})`,
    limiter: (budget) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: budget.keyPrefix,
        points: budget.points,
        duration: budget.windowSeconds,
      }),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Redis when a URL is configured, the database otherwise. */
export function createRateLimitStore(
  prisma: ProviderPrisma,
  redisUrl: string | undefined,
): RateLimitStore {
  return redisUrl ? createRedisRateLimitStore(redisUrl) : createPrismaRateLimitStore(prisma);
}
